package dev.opsbot.schedule;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** A handler that remembers what it was given, and can be told to do more (throw, reschedule). */
final class RecordingHandler implements DueHandler {

    private final String kind;
    private final List<DueItem> fired = new CopyOnWriteArrayList<>();
    private volatile BiConsumer<DueItem, Instant> then = (item, now) -> { };

    RecordingHandler(String kind) {
        this.kind = kind;
    }

    RecordingHandler then(BiConsumer<DueItem, Instant> action) {
        this.then = action;
        return this;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public void fire(DueItem item, Instant now) {
        fired.add(item);
        then.accept(item, now);
    }

    List<DueItem> fired() {
        return List.copyOf(fired);
    }

    List<String> firedIds() {
        return fired.stream().map(DueItem::id).toList();
    }
}
