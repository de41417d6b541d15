package dev.opsbot.schedule;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handlers of this instance by kind. Filled after the handlers exist, because handlers
 * themselves schedule items; an instance only claims kinds it has a handler for, so one that
 * does not know a kind yet (an older version in a rolling deploy) leaves those items to others.
 */
public final class DueHandlers {

    private final Map<String, DueHandler> byKind = new ConcurrentHashMap<>();

    public static DueHandlers of(Collection<? extends DueHandler> handlers) {
        DueHandlers all = new DueHandlers();
        handlers.forEach(all::register);
        return all;
    }

    public void register(DueHandler handler) {
        DueHandler before = byKind.putIfAbsent(handler.kind(), handler);
        if (before != null && before != handler) {
            throw new IllegalArgumentException("two handlers for due items of kind " + handler.kind());
        }
    }

    public Optional<DueHandler> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public Set<String> kinds() {
        return Set.copyOf(byKind.keySet());
    }
}
