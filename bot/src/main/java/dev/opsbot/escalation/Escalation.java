package dev.opsbot.escalation;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentListener;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.TimelineEntry;
import dev.opsbot.oncall.OnCall;
import dev.opsbot.schedule.DueHandler;
import dev.opsbot.schedule.DueItem;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pages the on-call of a service when an incident is declared (or reopened) on it, and steps up
 * one level each time the acknowledge timeout passes; the last level repeats a bounded number of
 * times, then one last message says paging stopped. Each waiting step is a due item about the
 * incident: acknowledging, mitigating, resolving or closing cancels it, and a step that fires
 * anyway re-reads the incident and pings nobody once it is acknowledged. A severity change
 * re-times the waiting step to the new severity's timeout, counted from the page it waits on.
 */
public final class Escalation implements IncidentListener, DueHandler {

    public static final String KIND = "escalation.step";
    /** How often the last level is paged again when nobody sets {@code OPSBOT_ESCALATION_REPEATS}. */
    public static final int STANDARD_REPEATS = 3;

    private static final String STEP = "step";
    private static final String START = "start";
    private static final String PAGED_AT = "pagedAt";

    private final Incidents incidents;
    private final Services services;
    private final OnCall onCall;
    private final EscalationPolicies policies;
    private final DueItems due;
    private final Notifier notifier;
    private final int repeats;
    private final ZoneId zone;

    public Escalation(Incidents incidents, Services services, OnCall onCall, EscalationPolicies policies,
            DueItems due, Notifier notifier, int repeats, ZoneId zone) {
        if (repeats < 0) {
            throw new IllegalArgumentException("repeats must not be negative: " + repeats);
        }
        this.incidents = incidents;
        this.services = services;
        this.onCall = onCall;
        this.policies = policies;
        this.due = due;
        this.notifier = notifier;
        this.repeats = repeats;
        this.zone = zone;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void declared(Incident incident) {
        declaredTelling(incident);
    }

    /** Pages the first level; when that reached no person on call, says so and how to fix it. */
    @Override
    public Optional<String> declaredTelling(Incident incident) {
        if (incident.service() == null) {
            return Optional.of("Nobody was paged: " + incident.id() + " names no service. /incident assign "
                    + incident.id() + " @who brings someone in; declare with --service <name> to page its on-call"
                    + (services.list(1).isEmpty() ? " (/service add creates one)." : " (/service list shows them)."));
        }
        Optional<Service> service = serviceOf(incident);
        if (service.isEmpty()) {
            String name = incident.service();
            return Optional.of("Nobody was paged: there is no service “" + name + "” yet; /service add " + name
                    + " --team <team> --channel #channel, then /oncall rotation create <rotation> --members @a,@b "
                    + "--service " + name + ".");
        }
        Service s = service.get();
        Target paged = page(incident, s, 0, incident.declaredAt(), incident.declaredAt());
        if (paged == null || !paged.nobodyOnCall()) {
            return Optional.empty();
        }
        String only = ", so only " + Inline.channel(s.channel()) + " heard it";
        return Optional.of(onCall.rotationOf(s)
                .map(r -> "Nobody on call was paged: rotation " + r.name() + ", which answers for " + s.name()
                        + ", has nobody on call for its escalation levels" + only + "; /oncall override @who 4h "
                        + "--service " + s.name() + " puts someone on call.")
                .orElse("Nobody on call was paged: " + s.name() + " has no on-call rotation" + only
                        + "; /oncall rotation create <rotation> --members @a,@b --service " + s.name() + "."));
    }

    @Override
    public void changed(Incident before, Incident after, Actor by) {
        Instant now = after.lastUpdateAt();
        if (!before.isOpen() && after.isOpen()) {
            due.cancelAbout(after.id(), KIND);
            serviceOf(after).ifPresent(s -> reopened(after, s, by, now));
        } else if (after.acknowledgedBy() != null || !after.isOpen()) {
            due.cancelAbout(after.id(), KIND);
        } else if (before.severity() != after.severity()) {
            serviceOf(after).ifPresent(s -> retime(after, s, now));
        }
    }

    @Override
    public void fire(DueItem item, Instant now) {
        var incident = incidents.find(item.subject());
        if (incident.isEmpty() || incident.get().acknowledgedBy() != null || !incident.get().isOpen()) {
            return;
        }
        var service = serviceOf(incident.get());
        if (service.isEmpty()) {
            return;
        }
        page(incident.get(), service.get(), Integer.parseInt(item.data().get(STEP)),
                instant(item, START).orElse(incident.get().declaredAt()), now);
    }

    private Optional<Service> serviceOf(Incident incident) {
        return incident.service() == null ? Optional.empty() : services.find(incident.service());
    }

    /**
     * A reopened incident starts afresh from step 0. One the incident rules keep acknowledged
     * (someone had picked it up) has an owner at work, so the on-call is told once and nothing steps up.
     */
    private void reopened(Incident incident, Service service, Actor by, Instant now) {
        if (incident.acknowledgedBy() == null) {
            page(incident, service, 0, now, now);
            return;
        }
        EscalationPolicy policy = policies.forService(service.name());
        // The first person the policy would page hears it; never the whole channel for a non-escalation.
        String to = Target.of(policy, onCall.forService(service, now).orElse(null)).stream()
                .filter(t -> t.person() != null).findFirst().map(t -> Inline.user(t.person()) + ", ").orElse("");
        notifier.announce(service.channel(), header(incident)
                .text(to + incident.id() + " was reopened by " + Inline.user(by)
                        + "; it stays acknowledged by " + Inline.user(incident.acknowledgedBy())
                        + ", so it does not escalate.")
                .build(), incident.id() + ":escalation:" + now.getEpochSecond() + ":reopened");
    }

    /** Pages one step; returns whom it paged, or null when paging had already stopped. */
    private Target page(Incident incident, Service service, int step, Instant start, Instant now) {
        EscalationPolicy policy = policies.forService(service.name());
        Duration timeout = policy.timeout(incident.severity());
        Ladder ladder = new Ladder(Target.of(policy, onCall.forService(service, now).orElse(null)), repeats);
        String key = incident.id() + ":escalation:" + start.getEpochSecond() + ":" + step;
        if (ladder.isOver(step)) {
            notifier.announce(service.channel(), header(incident)
                    .text("Nobody acknowledged " + incident.id() + " in " + TimeText.span(Duration.between(start, now))
                            + ". It was paged " + step + " times; paging has stopped. Whoever takes it: "
                            + "/incident ack " + incident.id() + ".")
                    .build(), key);
            incidents.record(incident.id(), TimelineEntry.byOpsbot(now, "paging stopped", "nobody acknowledged in "
                    + TimeText.span(Duration.between(start, now)) + "; paged " + step + " times"));
            return null;
        }
        Target target = ladder.target(step);
        String reason = step == 0 ? (start.equals(incident.declaredAt()) ? "declared" : "reopened")
                : "not acknowledged after " + TimeText.span(Duration.between(start, now));
        String why = (step == 0 ? "was just " : "is ") + reason;
        Instant nextAt = now.plus(timeout);
        Ladder nextLadder = new Ladder(Target.of(policy, onCall.forService(service, nextAt).orElse(null)), repeats);
        notifier.open(incident.id(), service.channel(), header(incident)
                .text(target.paged(service.name()) + ": " + incident.id() + " " + why + ".")
                .field("Level", ladder.describe(step))
                .field("Next", nextLadder.isOver(step + 1)
                        ? "paging stops at " + TimeText.at(nextAt, zone, now) + " (in " + TimeText.span(timeout)
                                + ") unless someone acknowledges"
                        : nextLadder.named(step + 1) + ", at " + TimeText.at(nextAt, zone, now) + " (in "
                                + TimeText.span(timeout) + ") unless someone acknowledges")
                .button("Acknowledge", "/incident ack " + incident.id(), Reply.Button.Style.PRIMARY)
                .build(), key);
        Map<String, String> data = new HashMap<>();
        data.put(STEP, String.valueOf(step + 1));
        data.put(START, start.toString());
        data.put(PAGED_AT, now.toString());
        due.schedule(item(incident, step + 1, nextAt, data));
        String whom = target.person() == null ? Inline.channel(service.channel()) : Inline.user(target.person());
        incidents.record(incident.id(), TimelineEntry.byOpsbot(now, step == 0 ? "paged" : "escalated",
                whom + ", " + ladder.describe(step) + " — " + reason));
        return target;
    }

    private DueItem item(Incident incident, int step, Instant at, Map<String, String> data) {
        Map<String, String> all = new HashMap<>(data);
        all.put(DueItem.LABEL, "Escalate " + Inline.strong(incident.id()) + " (" + incident.severity().word()
                + " · " + incident.title() + ") unless acknowledged");
        all.put(DueItem.ENDS_WHEN, incident.id() + " is acknowledged, mitigated or resolved");
        all.put(DueItem.NOT_SNOOZABLE, "an escalation step stops only when " + incident.id()
                + " is acknowledged or resolved, so a page is never silenced by accident");
        if (incident.owner() != null) {
            all.put(DueItem.OWNER, incident.owner().key());
        } else {
            all.remove(DueItem.OWNER);
        }
        return new DueItem("escalate:" + incident.id() + ":" + step, KIND, incident.id(), at, all);
    }

    /** The waiting step now gets the new severity's timeout from the page it waits on; at once if that has passed. */
    private void retime(Incident incident, Service service, Instant now) {
        Duration timeout = policies.forService(service.name()).timeout(incident.severity());
        for (DueItem waiting : due.pending(incident.id(), 20)) {
            if (!waiting.kind().equals(KIND)) {
                continue;
            }
            Instant pagedAt = instant(waiting, PAGED_AT).orElse(incident.declaredAt());
            Instant at = pagedAt.plus(timeout);
            due.reschedule(item(incident, Integer.parseInt(waiting.data().get(STEP)), at.isBefore(now) ? now : at,
                    waiting.data()));
        }
    }

    private static Reply.Builder header(Incident incident) {
        return Reply.toChannel(Inline.strong(incident.id()) + " · " + incident.severity().word() + " · "
                        + incident.title())
                .tone(Reply.Tone.DANGER);
    }

    private static Optional<Instant> instant(DueItem item, String key) {
        String text = item.data().get(key);
        return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
    }
}
