package dev.opsbot.incident;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An incident and its rules. Every change returns a new incident with one more timeline entry,
 * or refuses with a sentence saying why; the store writes it only if nobody changed it meanwhile.
 */
public record Incident(
        String id,
        String title,
        Severity severity,
        IncidentStatus status,
        String service,
        ChannelRef channel,
        Actor declaredBy,
        Instant declaredAt,
        Actor owner,
        Actor acknowledgedBy,
        Instant acknowledgedAt,
        Instant mitigatedAt,
        Actor resolvedBy,
        Instant resolvedAt,
        String summary,
        Instant closedAt,
        Instant lastUpdateAt,
        List<TimelineEntry> timeline) {

    public Incident {
        timeline = TimelineEntry.bounded(timeline);
    }

    public static Incident declare(String id, Severity severity, String title, String service, ChannelRef channel,
            Actor by, Instant now) {
        return new Incident(id, title, severity, IncidentStatus.DECLARED, service, channel, by, now, by, null, null,
                null, null, null, null, null, now,
                List.of(new TimelineEntry(now, by, "declared", severity.word() + " " + title)));
    }

    public Incident acknowledge(Actor by, Instant now) {
        if (acknowledgedBy != null && status.isOpen()) {
            throw Refusal.because(id + " was already acknowledged by " + Inline.user(acknowledgedBy) + " at "
                    + TimeText.at(acknowledgedAt, ZoneOffset.UTC, now) + ".");
        }
        requireOpen("acknowledge");
        // Whoever picks up an incident leads it, unless someone was explicitly assigned.
        boolean takesOwnership = (owner == null || owner.sameAs(declaredBy)) && !by.sameAs(owner);
        Draft d = draft(by, now, "acknowledged", takesOwnership ? "owner " + Inline.user(by) : "");
        d.status = IncidentStatus.ACKNOWLEDGED;
        d.acknowledgedBy = by;
        d.acknowledgedAt = now;
        if (owner == null || owner.sameAs(declaredBy)) {
            d.owner = by;
        }
        return d.build();
    }

    public Incident assign(Actor by, Actor newOwner, Instant now) {
        requireNotClosed("assign");
        if (newOwner.sameAs(owner)) {
            throw Refusal.because(Inline.user(newOwner) + " already owns " + id + ".");
        }
        Draft d = draft(by, now, "assigned", "owner " + Inline.user(newOwner));
        d.owner = newOwner;
        return d.build();
    }

    public Incident note(Actor by, String text, Instant now) {
        requireNotClosed("update");
        return draft(by, now, "update", text).build();
    }

    public Incident changeSeverity(Actor by, Severity to, Instant now) {
        requireOpen("change the severity of");
        if (to == severity) {
            throw Refusal.because(id + " is already " + to.word() + ".");
        }
        Draft d = draft(by, now, "severity", severity.word() + " → " + to.word());
        d.severity = to;
        return d.build();
    }

    public Incident mitigate(Actor by, Instant now) {
        if (status == IncidentStatus.MITIGATED) {
            throw Refusal.because(id + " is already mitigated.");
        }
        requireOpen("mitigate");
        Draft d = draft(by, now, "mitigated", "");
        d.status = IncidentStatus.MITIGATED;
        d.mitigatedAt = now;
        if (acknowledgedBy == null) {
            d.acknowledgedBy = by;
            d.acknowledgedAt = now;
        }
        return d.build();
    }

    public Incident resolve(Actor by, String resolution, Instant now) {
        if (status == IncidentStatus.RESOLVED) {
            throw Refusal.because(id + " was already resolved by " + Inline.user(resolvedBy) + " at "
                    + TimeText.at(resolvedAt, ZoneOffset.UTC, now) + ".");
        }
        requireOpen("resolve");
        Draft d = draft(by, now, "resolved", resolution == null ? "" : resolution);
        d.status = IncidentStatus.RESOLVED;
        d.resolvedBy = by;
        d.resolvedAt = now;
        d.summary = resolution;
        return d.build();
    }

    public Incident reopen(Actor by, Instant now) {
        if (status.isOpen()) {
            throw Refusal.because(id + " is still open.");
        }
        if (status == IncidentStatus.CLOSED) {
            throw Refusal.because(id + " is closed; declare a new incident and mention " + id + " in it.");
        }
        Draft d = draft(by, now, "reopened", "");
        d.status = acknowledgedBy == null ? IncidentStatus.DECLARED : IncidentStatus.ACKNOWLEDGED;
        d.resolvedBy = null;
        d.resolvedAt = null;
        d.mitigatedAt = null;
        d.summary = null;
        return d.build();
    }

    public Incident close(Actor by, Instant now) {
        if (status == IncidentStatus.CLOSED) {
            throw Refusal.because(id + " is already closed.");
        }
        if (status != IncidentStatus.RESOLVED) {
            throw Refusal.because(id + " is still open; resolve it before closing it.");
        }
        Draft d = draft(by, now, "closed", "");
        d.status = IncidentStatus.CLOSED;
        d.closedAt = now;
        return d.build();
    }

    /**
     * Something that happened to the incident outside its own rules (a page, an escalation, a
     * handover, a linked item), added to its timeline in any state. It is history, not news from
     * the people working it, so {@code lastUpdateAt} (what "no update for 30m" reminders read) stays.
     */
    public Incident recorded(TimelineEntry entry) {
        Draft d = new Draft(this);
        d.timeline.add(entry);
        return d.build();
    }

    public Optional<Duration> timeToAcknowledge() {
        return acknowledgedAt == null ? Optional.empty() : Optional.of(Duration.between(declaredAt, acknowledgedAt));
    }

    public Optional<Duration> timeToResolve() {
        return resolvedAt == null ? Optional.empty() : Optional.of(Duration.between(declaredAt, resolvedAt));
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    private void requireOpen(String verb) {
        if (!status.isOpen()) {
            throw Refusal.because("Cannot " + verb + " " + id + ": it is " + status.word() + ".");
        }
    }

    private void requireNotClosed(String verb) {
        if (status == IncidentStatus.CLOSED) {
            throw Refusal.because("Cannot " + verb + " " + id + ": it is closed.");
        }
    }

    private Draft draft(Actor by, Instant now, String kind, String text) {
        Draft d = new Draft(this);
        d.lastUpdateAt = now;
        d.timeline.add(new TimelineEntry(now, by, kind, text));
        return d;
    }

    /** A mutable copy, so each transition names only the fields it changes. */
    private static final class Draft {
        private final Incident from;
        Severity severity;
        IncidentStatus status;
        Actor owner;
        Actor acknowledgedBy;
        Instant acknowledgedAt;
        Instant mitigatedAt;
        Actor resolvedBy;
        Instant resolvedAt;
        String summary;
        Instant closedAt;
        Instant lastUpdateAt;
        final List<TimelineEntry> timeline;

        Draft(Incident i) {
            from = i;
            severity = i.severity;
            status = i.status;
            owner = i.owner;
            acknowledgedBy = i.acknowledgedBy;
            acknowledgedAt = i.acknowledgedAt;
            mitigatedAt = i.mitigatedAt;
            resolvedBy = i.resolvedBy;
            resolvedAt = i.resolvedAt;
            summary = i.summary;
            closedAt = i.closedAt;
            lastUpdateAt = i.lastUpdateAt;
            timeline = new ArrayList<>(i.timeline);
        }

        Incident build() {
            return new Incident(from.id, from.title, severity, status, from.service, from.channel, from.declaredBy,
                    from.declaredAt, owner, acknowledgedBy, acknowledgedAt, mitigatedAt, resolvedBy, resolvedAt,
                    summary, closedAt, lastUpdateAt, timeline);
        }
    }
}
