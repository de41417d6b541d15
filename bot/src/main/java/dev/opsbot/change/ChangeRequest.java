package dev.opsbot.change;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A change and its rules. Every transition returns a new change with one more timeline entry, or
 * refuses with a sentence saying why; the store writes it only if nobody changed it meanwhile.
 * {@code services} and {@code reached} are what the impact analysis found when it was requested:
 * the services affected and the assets reached upward from {@code assets}. {@code channel} is where it
 * was requested, where the requester (who carries it out) is reminded.
 */
public record ChangeRequest(
        String id,
        String title,
        ChangeType type,
        Risk risk,
        ChangeState state,
        List<String> assets,
        List<String> reached,
        List<String> services,
        Instant start,
        Instant end,
        String plan,
        String backout,
        String incident,
        String template,
        Actor requester,
        ChannelRef channel,
        Instant requestedAt,
        List<Approval> approvals,
        Instant startedAt,
        Instant finishedAt,
        List<String> linkedIncidents,
        List<Event> timeline) {

    /** How early before its window a change may be started, and how late after it opens nobody is reminded. */
    public static final Duration GRACE = Duration.ofMinutes(5);
    /** Expected alerts a change's timeline keeps. */
    static final int MOST_ALERTS_NOTED = 50;

    public ChangeRequest {
        assets = List.copyOf(assets);
        reached = List.copyOf(reached);
        services = List.copyOf(services);
        approvals = List.copyOf(approvals);
        linkedIncidents = List.copyOf(linkedIncidents);
        timeline = List.copyOf(timeline);
    }

    /** One approval; {@code owner} is set when the approver owned an affected service at the time. */
    public record Approval(Actor by, Instant at, boolean owner, String note) {
    }

    /** One line of the change's story; {@code actor} is null for what opsbot did by itself. */
    public record Event(Instant at, Actor actor, String kind, String text) {
    }

    /** What the request asks for, before it has an id. */
    public record Draft(String title, ChangeType type, Risk risk, List<String> assets, List<String> reached,
            List<String> services, Instant start, Instant end, String plan, String backout, String incident,
            String template) {
    }

    /** A new change: standard ones are approved by their template, the rest wait for people. */
    public static ChangeRequest request(String id, Draft d, Actor by, ChannelRef from, Instant now) {
        boolean standard = d.type() == ChangeType.STANDARD;
        List<Event> story = new ArrayList<>();
        story.add(new Event(now, by, "requested", d.type().word() + ", " + d.risk().word() + " risk"));
        if (standard) {
            story.add(new Event(now, null, "approved", "standard change from template " + d.template()));
        }
        return new ChangeRequest(id, d.title(), d.type(), d.risk(), standard ? ChangeState.APPROVED
                : ChangeState.REQUESTED, d.assets(), d.reached(), d.services(), d.start(), d.end(), d.plan(),
                d.backout(), d.incident(), d.template(), by, from, now, List.of(), null, null, List.of(), story);
    }

    /** Approvals this change needs in all: two for a high-risk normal change, else one. */
    public int approvalsNeeded() {
        return type == ChangeType.NORMAL && risk == Risk.HIGH ? 2 : 1;
    }

    private boolean needsOwner() {
        return approvalsNeeded() == 2;
    }

    /**
     * What is still missing before the change is approved, as the end of a sentence ("one more
     * approval from an owner of payments"); {@code owners} are the people owning affected services.
     */
    public String stillNeeded(AffectedOwners owners) {
        int missing = approvalsNeeded() - approvals.size();
        boolean ownerMissing = needsOwner() && approvals.stream().noneMatch(Approval::owner);
        String count = missing >= 2 ? "two approvals" : missing == 1 ? "one more approval" : "no more approvals";
        if (approvals.isEmpty() && missing == 1) {
            count = "one approval";
        }
        if (!ownerMissing) {
            return count;
        }
        String from = "an owner of " + String.join(", ", services.isEmpty() ? List.of("an affected service")
                : services) + owners.named();
        return missing >= 2 ? count + ", one of them from " + from : count + " from " + from;
    }

    public ChangeRequest approve(Actor by, String note, AffectedOwners owners, Instant now) {
        if (by.sameAs(requester)) {
            throw Refusal.badInput("You requested " + id + ", so someone else has to approve it.");
        }
        if (approvals.stream().anyMatch(a -> a.by().sameAs(by))) {
            throw Refusal.badInput("You already approved " + id + (state == ChangeState.REQUESTED
                    ? "; it needs " + stillNeeded(owners) + "." : "."));
        }
        if (state == ChangeState.APPROVED) {
            throw Refusal.because(id + " is already approved" + approvedBy() + ".");
        }
        requireState(ChangeState.REQUESTED, "approve");
        boolean isOwner = owners.includes(by);
        boolean last = approvals.size() + 1 >= approvalsNeeded();
        if (last && needsOwner() && !isOwner && approvals.stream().noneMatch(Approval::owner)) {
            throw Refusal.because(id + " needs " + stillNeeded(owners) + "; your approval cannot be the last one.");
        }
        List<Approval> all = new ArrayList<>(approvals);
        all.add(new Approval(by, now, isOwner, note));
        ChangeState next = last ? ChangeState.APPROVED : ChangeState.REQUESTED;
        String text = (isOwner ? "as an owner" : "") + (note == null || note.isBlank() ? "" : (isOwner ? ": " : "")
                + note);
        return with(next, all, startedAt, finishedAt, linkedIncidents, new Event(now, by, "approved", text));
    }

    public ChangeRequest reject(Actor by, String reason, Instant now) {
        if (by.sameAs(requester)) {
            throw Refusal.because("You requested " + id + "; cancel it with /change cancel " + id + " instead.");
        }
        requireOneOf("reject", ChangeState.REQUESTED, ChangeState.APPROVED);
        return with(ChangeState.REJECTED, approvals, startedAt, finishedAt, linkedIncidents,
                new Event(now, by, "rejected", reason == null ? "" : reason));
    }

    public ChangeRequest cancel(Actor by, Instant now) {
        requireOneOf("cancel", ChangeState.REQUESTED, ChangeState.APPROVED);
        return with(ChangeState.CANCELLED, approvals, startedAt, finishedAt, linkedIncidents,
                new Event(now, by, "cancelled", ""));
    }

    /** Starting: only approved, and only inside the window (opening {@link #GRACE} early). */
    public ChangeRequest begin(Actor by, AffectedOwners owners, Instant now, ZoneId zone) {
        if (state == ChangeState.REQUESTED) {
            throw Refusal.because(id + " is not approved yet; it needs " + stillNeeded(owners) + ".");
        }
        requireState(ChangeState.APPROVED, "start");
        if (now.isBefore(start.minus(GRACE))) {
            throw Refusal.badInput(id + "'s window opens at " + TimeText.at(start, zone, now) + "; start it then.");
        }
        if (!now.isBefore(end)) {
            throw Refusal.badInput(id + "'s window closed at " + TimeText.at(end, zone, now)
                    + "; request a new window for it.");
        }
        return with(ChangeState.IN_PROGRESS, approvals, now, finishedAt, linkedIncidents,
                new Event(now, by, "started", ""));
    }

    public ChangeRequest finish(Actor by, ChangeState outcome, String note, Instant now) {
        if (!outcome.wasCarriedOut()) {
            throw new IllegalArgumentException("not an ending: " + outcome);
        }
        requireState(ChangeState.IN_PROGRESS, "finish");
        return with(outcome, approvals, startedAt, now, linkedIncidents,
                new Event(now, by, outcome.word(), note == null ? "" : note));
    }

    /** Records that this change caused an incident; it then counts as failed. */
    public ChangeRequest link(Actor by, String incidentId, Instant now) {
        if (startedAt == null) {
            throw Refusal.because(id + " was never started, so it cannot have caused " + incidentId + ".");
        }
        if (linkedIncidents.contains(incidentId)) {
            throw Refusal.because(id + " is already linked to " + incidentId + ".");
        }
        List<String> linked = new ArrayList<>(linkedIncidents);
        linked.add(incidentId);
        return with(state, approvals, startedAt, finishedAt, linked,
                new Event(now, by, "linked", "caused " + incidentId));
    }

    /**
     * Records an alert that arrived while this change ran, so its story shows what it set off.
     * Past {@link #MOST_ALERTS_NOTED} such entries it is unchanged: a flapping alert must not grow
     * the document without end, and the alert channel still has every one.
     */
    public ChangeRequest alerted(String text, Instant now) {
        long noted = timeline.stream().filter(e -> e.kind().equals("alert")).count();
        if (noted >= MOST_ALERTS_NOTED) {
            return this;
        }
        return with(state, approvals, startedAt, finishedAt, linkedIncidents, new Event(now, null, "alert", text));
    }

    /** Counted as a success only if it completed and no incident was linked to it. */
    public boolean succeeded() {
        return state == ChangeState.COMPLETED && linkedIncidents.isEmpty();
    }

    /** Every asset the change touches or reaches upward. */
    public boolean touches(String asset) {
        return assets.contains(asset) || reached.contains(asset);
    }

    /** Whether it was under way at {@code t}: started by then and not yet finished. */
    public boolean inProgressAt(Instant t) {
        return startedAt != null && !startedAt.isAfter(t) && (finishedAt == null || finishedAt.isAfter(t));
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    private String approvedBy() {
        if (approvals.isEmpty()) {
            return template == null ? "" : " (standard change from template " + template + ")";
        }
        return " by " + String.join(" and ", approvals.stream().map(a -> Inline.user(a.by())).toList());
    }

    private void requireState(ChangeState wanted, String verb) {
        requireOneOf(verb, wanted);
    }

    private void requireOneOf(String verb, ChangeState... allowed) {
        for (ChangeState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw Refusal.because(id + " is " + state.word() + ", so you cannot " + verb + " it.");
    }

    private ChangeRequest with(ChangeState next, List<Approval> approvalsNow, Instant started, Instant finished,
            List<String> linked, Event event) {
        List<Event> story = new ArrayList<>(timeline);
        story.add(event);
        return new ChangeRequest(id, title, type, risk, next, assets, reached, services, start, end, plan, backout,
                incident, template, requester, channel, requestedAt, approvalsNow, started, finished, linked, story);
    }
}
