package dev.opsbot.incident;

import dev.opsbot.chat.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of an incident's history; {@code text} is what the person typed, kept verbatim.
 * {@code actor} is null for what opsbot did by itself (a page, an escalation).
 */
public record TimelineEntry(Instant at, Actor actor, String kind, String text) {

    /** The kind of the one entry that stands for older entries no longer kept; its text is how many. */
    static final String EARLIER = "earlier";
    /** Entries an incident keeps, so a very long incident's document stays small. */
    static final int KEPT = 200;

    /** An entry for something opsbot did by itself. */
    public static TimelineEntry byOpsbot(Instant at, String kind, String text) {
        return new TimelineEntry(at, null, kind, text);
    }

    /**
     * At most {@link #KEPT} entries: past that the oldest go, and one leading {@link #EARLIER}
     * entry counts every entry ever dropped, so a display can say how many there were.
     */
    static List<TimelineEntry> bounded(List<TimelineEntry> timeline) {
        if (timeline.size() <= KEPT) {
            return List.copyOf(timeline);
        }
        long dropped = dropped(timeline);
        List<TimelineEntry> entries = entries(timeline);
        int drop = entries.size() - (KEPT - 1);
        List<TimelineEntry> kept = new ArrayList<>(KEPT);
        kept.add(byOpsbot(entries.get(drop - 1).at(), EARLIER, String.valueOf(dropped + drop)));
        kept.addAll(entries.subList(drop, entries.size()));
        return List.copyOf(kept);
    }

    /** How many entries were dropped to keep the timeline bounded. */
    static long dropped(List<TimelineEntry> timeline) {
        return timeline.isEmpty() || !timeline.get(0).kind().equals(EARLIER) ? 0
                : Long.parseLong(timeline.get(0).text());
    }

    /** The entries that tell the story, without the count of dropped ones. */
    static List<TimelineEntry> entries(List<TimelineEntry> timeline) {
        return timeline.isEmpty() || !timeline.get(0).kind().equals(EARLIER) ? timeline
                : timeline.subList(1, timeline.size());
    }
}
