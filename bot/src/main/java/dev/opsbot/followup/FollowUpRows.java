package dev.opsbot.followup;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.TimeText;
import dev.opsbot.schedule.DueItem;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** How a follow-up reads in a list or a digest: ref, what it is about, who must act, and when. */
public final class FollowUpRows {

    private FollowUpRows() {
    }

    public static String row(DueItem item, Instant now, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        sb.append(Inline.strong(item.ref() == null ? item.id() : item.ref())).append(" · ")
                .append(item.data().getOrDefault(DueItem.LABEL, item.kind()));
        owner(item).ifPresent(o -> sb.append(" · ").append(Inline.user(o)));
        item.overdueSince().ifPresent(since -> sb.append(" · overdue for ")
                .append(TimeText.span(Duration.between(since, now))));
        sb.append(" · ").append(when(item.dueAt(), now, zone));
        return sb.toString();
    }

    private static String when(Instant due, Instant now, ZoneId zone) {
        if (!due.isAfter(now)) {
            return "due now";
        }
        return "next " + TimeText.at(due, zone, now) + " (in " + TimeText.span(Duration.between(now, due)) + ")";
    }

    /** The person behind an {@code owner} key such as {@code slack:U123}, if the key reads as one. */
    static Optional<Actor> owner(DueItem item) {
        return Optional.ofNullable(item.data().get(DueItem.OWNER)).flatMap(Actor::parseKey);
    }
}
