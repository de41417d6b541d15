package dev.opsbot.schedule;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A one-shot thing to do at a time: "remind the owner of INC-42 at 14:05 if still unacknowledged".
 * {@code id} is unique and chosen by the feature (e.g. {@code escalate:INC-42:2}), so scheduling
 * the same item twice keeps one. {@code kind} names the {@link DueHandler} that carries it out;
 * {@code subject} is the item it is about (INC-42), so everything about an item can be cancelled.
 *
 * <p>An item people should see in {@code /followup list} is a <em>follow-up</em>: it carries
 * {@link #LABEL} in its data. The store then gives it a short {@code ref} people can type
 * ({@code FU-12}), kept while the item is rescheduled. Features set {@code ref} to null; the
 * store fills it in on the way out. Data keys shared by every feature:
 * <ul>
 * <li>{@link #LABEL}: what the follow-up is about, in {@link dev.opsbot.chat.Inline} markup.</li>
 * <li>{@link #OWNER}: the actor key ({@code slack:U123}) of who has to act, for {@code --mine}.</li>
 * <li>{@link #OVERDUE_SINCE}: an ISO-8601 instant, set once a follow-up has fired and is re-armed
 *     because nobody acted; digests list these as overdue.</li>
 * <li>{@link #ENDS_WHEN}: set when {@code /followup done} must not end the item, saying in plain
 *     words what does (e.g. "the handover is accepted or declined").</li>
 * <li>{@link #NOT_SNOOZABLE}: set when {@code /followup snooze} must refuse, saying why in a
 *     clause (escalation steps: a page is never silenced by accident).</li>
 * </ul>
 */
public record DueItem(String id, String kind, String subject, Instant dueAt, Map<String, String> data, String ref) {

    public static final String LABEL = "label";
    public static final String OWNER = "owner";
    public static final String OVERDUE_SINCE = "overdueSince";
    public static final String ENDS_WHEN = "endsWhen";
    public static final String NOT_SNOOZABLE = "notSnoozable";

    public DueItem {
        data = Map.copyOf(data);
    }

    /** An item as a feature schedules it; the store assigns the ref. */
    public DueItem(String id, String kind, String subject, Instant dueAt, Map<String, String> data) {
        this(id, kind, subject, dueAt, data, null);
    }

    public boolean isFollowUp() {
        return data.containsKey(LABEL);
    }

    public Optional<Instant> overdueSince() {
        String since = data.get(OVERDUE_SINCE);
        if (since == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(since));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Names this fire of the item: its id and due time. A ping keyed by it goes out once however
     * often the fire is retried, and again once the item is re-armed for a later time.
     */
    public String fireKey() {
        return id + ":" + dueAt.getEpochSecond();
    }

    /** The same item at another time, keeping its data. */
    public DueItem at(Instant when) {
        return new DueItem(id, kind, subject, when, data, ref);
    }
}
