package dev.opsbot.schedule;

import java.time.Instant;
import java.util.Map;

/**
 * A one-shot thing to do at a time: "remind the owner of INC-42 at 14:05 if still unacknowledged".
 * {@code id} is unique and chosen by the feature (e.g. {@code escalate:INC-42:2}), so scheduling
 * the same item twice keeps one. {@code kind} names the {@link DueHandler} that carries it out;
 * {@code subject} is the item it is about (INC-42), so everything about an item can be cancelled.
 */
public record DueItem(String id, String kind, String subject, Instant dueAt, Map<String, String> data) {

    public DueItem {
        data = Map.copyOf(data);
    }
}
