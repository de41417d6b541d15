package dev.opsbot.escalation;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentListener;
import dev.opsbot.incident.Incidents;
import dev.opsbot.oncall.OnCall;
import dev.opsbot.oncall.Shift;
import dev.opsbot.schedule.DueHandler;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages the on-call of a service when an incident is declared on it, and steps up one level each
 * time the acknowledge timeout passes. Each step is a due item about the incident: acknowledging,
 * mitigating or resolving cancels them at once, and a step that fires anyway re-reads the incident
 * and pings nobody once it is acknowledged.
 */
public final class Escalation implements IncidentListener, DueHandler {

    public static final String KIND = "escalation.step";

    private final Incidents incidents;
    private final Services services;
    private final OnCall onCall;
    private final EscalationPolicies policies;
    private final DueItems due;
    private final Notifier notifier;

    public Escalation(Incidents incidents, Services services, OnCall onCall, EscalationPolicies policies,
            DueItems due, Notifier notifier) {
        this.incidents = incidents;
        this.services = services;
        this.onCall = onCall;
        this.policies = policies;
        this.due = due;
        this.notifier = notifier;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void declared(Incident incident) {
        if (incident.service() == null) {
            return;
        }
        services.find(incident.service()).ifPresent(s -> page(incident, s, 0, incident.declaredAt()));
    }

    @Override
    public void changed(Incident before, Incident after, Actor by) {
        if (after.acknowledgedBy() != null || !after.isOpen()) {
            due.cancelAbout(after.id(), KIND);
        }
    }

    @Override
    public void fire(DueItem item, Instant now) {
        var incident = incidents.find(item.subject());
        if (incident.isEmpty() || incident.get().acknowledgedBy() != null || !incident.get().isOpen()) {
            return;
        }
        var service = services.find(incident.get().service());
        if (service.isEmpty()) {
            return;
        }
        page(incident.get(), service.get(), Integer.parseInt(item.data().get("step")), now);
    }

    private void page(Incident incident, Service service, int step, Instant now) {
        EscalationPolicy policy = policies.forService(service.name());
        Shift shift = onCall.forService(service, now).orElse(null);
        List<Target> targets = targets(policy, shift);
        Target target = targets.get(Math.min(step, targets.size() - 1));
        Duration timeout = policy.timeout(incident.severity());
        String text = switch (target.level()) {
            case PRIMARY -> Inline.user(target.person()) + ", you are on call for " + service.name() + ".";
            case SECONDARY -> Inline.user(target.person()) + ", nobody acknowledged this in "
                    + TimeText.span(Duration.between(incident.declaredAt(), now)) + "; you are next on call for "
                    + service.name() + ".";
            case CHANNEL -> Inline.here() + " " + incident.id() + (step == 0
                    ? " was declared on " + service.name() + ", and nobody is on call for it."
                    : " is not acknowledged after " + TimeText.span(Duration.between(incident.declaredAt(), now))
                            + ".");
        };
        notifier.announce(service.channel(), Reply.toChannel(Inline.strong(incident.id()) + " · "
                        + incident.severity().word() + " · " + incident.title())
                .text(text + " Acknowledge within " + TimeText.span(timeout) + " to stop the escalation.")
                .button("Acknowledge", "/incident ack " + incident.id(), Reply.Button.Style.PRIMARY)
                .tone(Reply.Tone.DANGER)
                .build(), incident.id() + ":escalation:" + step);
        int next = step + 1;
        Map<String, String> data = new HashMap<>();
        data.put("step", String.valueOf(next));
        data.put(DueItem.LABEL, "Escalate " + Inline.strong(incident.id()) + " (" + incident.severity().word()
                + " · " + incident.title() + ") unless acknowledged");
        data.put(DueItem.ENDS_WHEN, incident.id() + " is acknowledged, mitigated or resolved");
        if (incident.owner() != null) {
            data.put(DueItem.OWNER, incident.owner().key());
        }
        due.schedule(new DueItem("escalate:" + incident.id() + ":" + next, KIND, incident.id(), now.plus(timeout),
                data));
    }

    /** The policy's levels as people and channels now; levels with nobody to ping are skipped. */
    static List<Target> targets(EscalationPolicy policy, Shift shift) {
        List<Target> out = new ArrayList<>();
        for (Level level : policy.levels()) {
            Actor person = switch (level) {
                case PRIMARY -> shift == null ? null : shift.primary();
                case SECONDARY -> shift == null ? null : shift.secondary();
                case CHANNEL -> null;
            };
            if (level == Level.CHANNEL) {
                out.add(new Target(level, null));
            } else if (person != null && out.stream().noneMatch(t -> person.sameAs(t.person()))) {
                out.add(new Target(level, person));
            }
        }
        if (out.isEmpty()) {
            out.add(new Target(Level.CHANNEL, null));
        }
        return out;
    }

    record Target(Level level, Actor person) {
    }
}
