package dev.opsbot.alert;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentActions;
import dev.opsbot.incident.IncidentStatus;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns a delivery into at most one change of the group's incident: the first firing delivery
 * declares it, news becomes one timeline entry ("+2 firing, 1 resolved"), all resolved mitigates
 * it (or resolves it, for a route with {@code --auto-resolve}), firing again brings it back, and a
 * repeat does nothing. Incidents are declared and changed only through {@link IncidentActions},
 * so paging, escalation, announcements and card notes are those of an incident a person declared.
 *
 * <p>Deliveries of one group take turns in this process; between processes the group's unique
 * {@code _id} and its {@code declaringSince} mark decide who declares, and the other is told
 * {@link Delivered.Busy} (the webhook answers 503 and Alertmanager sends it again).
 */
public final class AlertIntake {

    /** Who alerts act as: it is not a person, so nobody can be paged as it or hand it work. */
    public static final Actor ALERTMANAGER = new Actor(Platform.CONSOLE, "alertmanager", "Alertmanager");
    /** A group firing again within this of its incident being resolved reopens it. */
    static final Duration REOPEN_WITHIN = Duration.ofMinutes(30);
    /** A declaration marked longer ago than this was abandoned by a crash, and another may take over. */
    static final Duration DECLARING_FOR = Duration.ofMinutes(2);
    static final String ENTRY = "alerts";
    static final Duration LAST_DELIVERY_GRAIN = Duration.ofMinutes(1);
    /** As long as a typed title may be, so a card's heading fits every platform. */
    private static final int LONGEST_TITLE = 120;

    private final AlertGroups groups;
    private final Routing routing;
    private final IncidentActions actions;
    private final Incidents incidents;
    private final Heartbeats heartbeats;
    private final ChangeWindows windows;
    private final Notifier notifier;
    private final ChannelRef alertChannel;
    private final ReentrantLock[] turns = new ReentrantLock[64];

    public AlertIntake(AlertGroups groups, Routing routing, IncidentActions actions, Incidents incidents,
            Heartbeats heartbeats, ChangeWindows windows, Notifier notifier, ChannelRef alertChannel) {
        this.groups = groups;
        this.routing = routing;
        this.actions = actions;
        this.incidents = incidents;
        this.heartbeats = heartbeats;
        this.windows = windows;
        this.notifier = notifier;
        this.alertChannel = alertChannel;
        for (int i = 0; i < turns.length; i++) {
            turns[i] = new ReentrantLock();
        }
    }

    public Delivered deliver(AlertBatch batch, Instant now) {
        if (heartbeatsOnly(batch, now)) {
            return new Delivered.Beat((int) batch.alerts().stream().map(a -> a.label("alertname")).distinct().count());
        }
        String id = AlertGroup.idOf(batch.groupKey());
        ReentrantLock turn = turns[Math.floorMod(id.hashCode(), turns.length)];
        turn.lock();
        try {
            return deliverInTurn(id, batch, now);
        } finally {
            turn.unlock();
        }
    }

    private Delivered deliverInTurn(String id, AlertBatch batch, Instant now) {
        AlertGroup group = groups.find(id).orElse(null);
        if (group != null && group.incidentId() == null && declaringElsewhere(group, now)) {
            return new Delivered.Busy();
        }
        if (group != null && group.pending() != null) {
            group = finish(group);
        }
        Delta delta = Delta.between(group == null ? Map.of() : group.alerts(), batch.alerts());
        if (!delta.isNews()) {
            // Alertmanager repeats a group every repeat_interval; noting each repeat to the second would
            // cost a write per repeat, so the last delivery /alert list shows is kept to the minute.
            if (group != null && !now.isBefore(group.lastDeliveryAt().plus(LAST_DELIVERY_GRAIN))) {
                groups.update(id, g -> g.delivered(now));
            }
            return new Delivered.Unchanged(group == null ? null : group.incidentId());
        }
        if (group != null && group.incidentId() != null) {
            Optional<Incident> incident = incidents.find(group.incidentId());
            if (incident.isPresent() && stillFeeds(incident.get(), delta, now)) {
                return follow(group, delta, now);
            }
        }
        Routing.Destination to = routing.route(batch);
        String title = titleOf(batch);
        if (to instanceof Routing.ToIncident t && delta.firingNow() > 0) {
            Optional<String> change = t.asset() == null ? Optional.empty() : windows.inProgressOn(t.asset(), now);
            if (change.isPresent()) {
                notify(id, delta, Reply.toChannel("Expected: " + title)
                        .text(delta.text() + " on " + t.asset() + ", expected during " + change.get()
                                + "; nobody was paged."), now);
                if (!remember(group, batch, title, t.service(), delta, now, change.get())) {
                    return new Delivered.Busy();
                }
                windows.attach(change.get(), delta.text() + " on " + t.asset() + ": " + title, now);
                return new Delivered.Expected(change.get());
            }
            return open(id, group, batch, title, t, delta, now);
        }
        String service = to instanceof Routing.ToChannel c ? c.service() : null;
        notify(id, delta, Reply.toChannel("Alert: " + title)
                .text(delta.text() + (service == null ? "" : " for " + service) + " (" + to.why() + ").")
                .tone(delta.firingNow() > 0 ? Reply.Tone.WARNING : Reply.Tone.SUCCESS), now);
        return remember(group, batch, title, service, delta, now, null) ? new Delivered.Notified(to.why())
                : new Delivered.Busy();
    }

    /**
     * An open incident always takes the group's news; a resolved one only if it fires again within
     * {@link #REOPEN_WITHIN}, or when the news is only that alerts resolved. Otherwise the group
     * has started a new episode, which is a new incident.
     */
    private static boolean stillFeeds(Incident i, Delta delta, Instant now) {
        if (i.isOpen() || delta.newFiring() == 0) {
            return true;
        }
        return i.status() == IncidentStatus.RESOLVED && i.resolvedAt() != null
                && now.isBefore(i.resolvedAt().plus(REOPEN_WITHIN));
    }

    private Delivered follow(AlertGroup group, Delta delta, Instant now) {
        AlertGroup.Pending pending = delta.pending(now);
        groups.update(group.id(), g -> g.withAlerts(delta.after(), now).withPending(pending));
        apply(group.incidentId(), pending, group.autoResolve());
        groups.update(group.id(), g -> pending.equals(g.pending()) ? g.withPending(null) : g);
        return new Delivered.Updated(group.incidentId(), pending.text());
    }

    /** Tells the incident what a crashed delivery stored but could not tell it, unless it heard it. */
    private AlertGroup finish(AlertGroup group) {
        AlertGroup.Pending pending = group.pending();
        boolean told = incidents.find(group.incidentId()).map(i -> i.timeline().stream()
                .anyMatch(e -> e.kind().equals(ENTRY) && e.at().equals(pending.at()))).orElse(true);
        if (!told) {
            apply(group.incidentId(), pending, group.autoResolve());
        }
        return groups.update(group.id(), g -> pending.equals(g.pending()) ? g.withPending(null) : g).orElse(group);
    }

    private void apply(String incident, AlertGroup.Pending p, boolean autoResolve) {
        actions.change(incident, ALERTMANAGER, p.at(), "alert.update", i -> {
            Incident out = i.recorded(new TimelineEntry(p.at(), ALERTMANAGER, ENTRY, p.text()));
            if (p.firingNow() == 0 && i.isOpen()) {
                if (autoResolve) {
                    return out.resolve(ALERTMANAGER, "every alert of the group resolved", p.at());
                }
                return i.status() == IncidentStatus.MITIGATED ? out : out.mitigate(ALERTMANAGER, p.at());
            }
            boolean backAgain = i.status() == IncidentStatus.MITIGATED || i.status() == IncidentStatus.RESOLVED;
            return p.newFiring() > 0 && backAgain ? Refiring.firingAgain(out, ALERTMANAGER, p.at()) : out;
        });
    }

    private Delivered open(String id, AlertGroup group, AlertBatch batch, String title, Routing.ToIncident to,
            Delta delta, Instant now) {
        // The mark keeps the alerts known before, so a crash before the declaration leaves this news to retell.
        AlertGroup marked = group == null
                ? new AlertGroup(id, batch.groupKey(), title, to.service(), null, to.autoResolve(), Map.of(), now, now,
                        null, null)
                : group;
        String earlier = group == null ? null : group.incidentId();
        if (group == null) {
            if (!groups.add(marked)) {
                return new Delivered.Busy();
            }
        } else {
            AtomicBoolean ours = new AtomicBoolean();
            groups.update(id, g -> {
                boolean free = !declaringElsewhere(g, now) && Objects.equals(g.incidentId(), earlier);
                ours.set(free);
                return free ? g.declaring(now) : g;
            });
            if (!ours.get()) {
                return new Delivered.Busy();
            }
        }
        IncidentActions.Declared declared = actions.declare(to.severity(), title, to.service(), alertChannel,
                ALERTMANAGER, now);
        String incident = declared.incident().id();
        notifier.announce(alertChannel, declared.answer(), incident + ":declared:" + alertChannel.key());
        if (earlier != null) {
            incidents.record(incident, new TimelineEntry(now, ALERTMANAGER, ENTRY,
                    "the same alert group fed " + earlier + " before"));
        }
        groups.update(id, g -> g.withAlerts(delta.after(), now).feeding(incident, title, to.service(),
                to.autoResolve()));
        return new Delivered.Opened(incident);
    }

    /** Stores what a notified or expected group now knows; false if another delivery added it first. */
    private boolean remember(AlertGroup group, AlertBatch batch, String title, String service, Delta delta,
            Instant now, String expectedDuring) {
        if (group == null) {
            return groups.add(new AlertGroup(AlertGroup.idOf(batch.groupKey()), batch.groupKey(), title, service,
                    null, false, delta.after(), now, null, null, expectedDuring));
        }
        groups.update(group.id(), g -> g.withAlerts(delta.after(), now).expected(expectedDuring));
        return true;
    }

    /**
     * Posted before the group is stored, under a key made of the group and what it now knows, so a
     * delivery retried after a crash posts the same message once.
     */
    private void notify(String id, Delta delta, Reply.Builder message, Instant now) {
        StringBuilder known = new StringBuilder();
        new TreeMap<>(delta.after()).forEach((fp, seen) -> known.append(fp).append(' ').append(seen.startsAt())
                .append(' ').append(seen.firing()).append('\n'));
        notifier.announce(alertChannel, message.footer("Alertmanager group " + id.substring(0, 8) + ", "
                + now).build(), "alert:" + id + ":" + AlertGroup.digest(known.toString()));
    }

    private boolean declaringElsewhere(AlertGroup g, Instant now) {
        return g.declaringSince() != null && now.isBefore(g.declaringSince().plus(DECLARING_FOR));
    }

    /**
     * A delivery made only of heartbeat alerts is noted and goes no further; one heard again after
     * its silence declared an incident says so on that incident.
     */
    private boolean heartbeatsOnly(AlertBatch batch, Instant now) {
        Map<String, Boolean> names = new TreeMap<>();
        for (Alert a : batch.alerts()) {
            names.merge(a.label("alertname"), a.firing(), Boolean::logicalOr);
        }
        if (names.size() != 1) {
            return false;
        }
        var only = names.entrySet().iterator().next();
        Optional<Heartbeat> known = heartbeats.find(only.getKey());
        if (known.isEmpty()) {
            return false;
        }
        if (only.getValue()) {
            String silent = known.get().silentIncident();
            heartbeats.update(only.getKey(), h -> h.seen(now));
            if (silent != null && silent.startsWith("INC-")) {
                actions.change(silent, ALERTMANAGER, now, "alert.heartbeat", i -> i.recorded(
                        new TimelineEntry(now, ALERTMANAGER, ENTRY, only.getKey() + " heard again")));
            }
        }
        return true;
    }

    static String titleOf(AlertBatch batch) {
        String name = batch.label("alertname");
        String summary = batch.commonAnnotations().getOrDefault("summary", "");
        String title = name.isBlank() ? "Alert group " + batch.groupKey() : name;
        if (!summary.isBlank()) {
            title += ": " + summary;
        }
        title = Inline.clean(title.replaceAll("\\s+", " ").strip());
        return title.length() <= LONGEST_TITLE ? title : title.substring(0, LONGEST_TITLE - 1) + "…";
    }
}
