package dev.opsbot.problem;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.command.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A problem and its rules. Each change returns a new problem or refuses with a sentence; the
 * store writes it only if nobody changed the problem meanwhile. {@code channel} is where it was
 * opened, which hears its reminders; {@code reviewOn} is set when it was resolved by accepting the risk.
 */
public record Problem(
        String id,
        String statement,
        String service,
        ProblemStatus status,
        Actor owner,
        ChannelRef channel,
        Actor openedBy,
        Instant openedAt,
        List<Linked> incidents,
        String rootCause,
        String workaround,
        int workaroundRevision,
        String fixChange,
        List<Action> actions,
        Actor resolvedBy,
        Instant resolvedAt,
        LocalDate reviewOn,
        Instant lastChangeAt) {

    /** Incidents one problem links, so its document stays small; past that, open another problem. */
    static final int MOST_INCIDENTS = 100;
    /** Preventive actions one problem tracks. */
    static final int MOST_ACTIONS = 30;

    public Problem {
        incidents = List.copyOf(incidents);
        actions = List.copyOf(actions);
    }

    /** An incident linked to the problem, with its title as it was when linked (for matching). */
    public record Linked(String incident, String title) {
    }

    /** A preventive action: its number within the problem, what to do, who does it, by when. */
    public record Action(int number, String text, Actor owner, Instant due) {
    }

    public static Problem open(String id, String statement, String service, List<Linked> from, ChannelRef channel,
            Actor by, Instant now) {
        if (from.size() > MOST_INCIDENTS) {
            throw Refusal.badInput("A problem links at most " + MOST_INCIDENTS + " incidents.");
        }
        return new Problem(id, statement, service, ProblemStatus.OPEN, by, channel, by, now, from, null, null, 0,
                null, List.of(), null, null, null, now);
    }

    public boolean links(String incident) {
        return incidents.stream().anyMatch(l -> l.incident().equals(incident));
    }

    public Problem link(Linked incident, Instant now) {
        requireLive("link incidents to");
        if (links(incident.incident())) {
            throw Refusal.because(incident.incident() + " is already linked to " + id + ".");
        }
        if (incidents.size() >= MOST_INCIDENTS) {
            throw Refusal.because(id + " already links " + MOST_INCIDENTS + " incidents, the most one problem holds.");
        }
        List<Linked> more = new ArrayList<>(incidents);
        more.add(incident);
        return with(now).incidents(more).build();
    }

    public Problem rootCause(String cause, Instant now) {
        requireLive("record a root cause for");
        return with(now).rootCause(cause).build();
    }

    /**
     * Records the workaround, which makes the problem a known error; each new text is a new revision.
     * The same text again changes nothing (and is not a refusal), so a command retried after a crash
     * can still hand the workaround to incidents that did not get it.
     */
    public Problem workaround(String text, Instant now) {
        requireLive("record a workaround for");
        if (text.equals(workaround)) {
            return this;
        }
        Draft d = with(now);
        d.workaround = text;
        d.workaroundRevision = workaroundRevision + 1;
        d.status = ProblemStatus.KNOWN_ERROR;
        return d.build();
    }

    public Problem fix(String change, Instant now) {
        requireLive("record a fix for");
        return with(now).fixChange(change).build();
    }

    public Problem action(String text, Actor actionOwner, Instant due, Instant now) {
        if (actions.size() >= MOST_ACTIONS) {
            throw Refusal.because(id + " already has " + MOST_ACTIONS + " preventive actions, the most one problem "
                    + "tracks.");
        }
        List<Action> more = new ArrayList<>(actions);
        more.add(new Action(actions.size() + 1, text, actionOwner, due));
        Draft d = with(now);
        d.actions = more;
        return d.build();
    }

    /** Resolves the problem; {@code reviewOn} is the date the accepted risk is looked at again, or null. */
    public Problem resolve(Actor by, LocalDate reviewOn, Instant now) {
        requireLive("resolve");
        Draft d = with(now);
        d.status = ProblemStatus.RESOLVED;
        d.resolvedBy = by;
        d.resolvedAt = now;
        d.reviewOn = reviewOn;
        return d.build();
    }

    public Problem withOwner(Actor newOwner, Instant now) {
        Draft d = with(now);
        d.owner = newOwner;
        return d.build();
    }

    private void requireLive(String verb) {
        if (!status.isLive()) {
            throw Refusal.because(id + " was resolved by " + Inline.user(resolvedBy) + "; there is nothing to " + verb
                    + " now. Open a new problem if it came back.");
        }
    }

    private Draft with(Instant now) {
        return new Draft(this, now);
    }

    /** A mutable copy for building the next state. */
    private static final class Draft {
        private final Problem p;
        private final Instant now;
        private ProblemStatus status;
        private Actor owner;
        private List<Linked> incidents;
        private String rootCause;
        private String workaround;
        private int workaroundRevision;
        private String fixChange;
        private List<Action> actions;
        private Actor resolvedBy;
        private Instant resolvedAt;
        private LocalDate reviewOn;

        Draft(Problem p, Instant now) {
            this.p = p;
            this.now = now;
            status = p.status;
            owner = p.owner;
            incidents = p.incidents;
            rootCause = p.rootCause;
            workaround = p.workaround;
            workaroundRevision = p.workaroundRevision;
            fixChange = p.fixChange;
            actions = p.actions;
            resolvedBy = p.resolvedBy;
            resolvedAt = p.resolvedAt;
            reviewOn = p.reviewOn;
        }

        Draft incidents(List<Linked> value) {
            incidents = value;
            return this;
        }

        Draft rootCause(String value) {
            rootCause = value;
            return this;
        }

        Draft fixChange(String value) {
            fixChange = value;
            return this;
        }

        Problem build() {
            return new Problem(p.id, p.statement, p.service, status, owner, p.channel, p.openedBy, p.openedAt,
                    incidents, rootCause, workaround, workaroundRevision, fixChange, actions, resolvedBy, resolvedAt,
                    reviewOn, now);
        }
    }
}
