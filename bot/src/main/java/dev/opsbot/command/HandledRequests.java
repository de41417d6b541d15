package dev.opsbot.command;

import java.time.Instant;

/** Remembers request ids so a retried delivery of the same request is not carried out twice. */
public interface HandledRequests {

    /** True the first time an id is seen, false for every later time, across restarts and instances. */
    boolean firstTime(String requestId, Instant now);

    /** Forgets ids first seen before {@code cutoff}; platforms retry within minutes, not days. */
    default void forgetBefore(Instant cutoff) {
    }

    /** Forgets an id whose handling failed or was refused, so a later delivery of it is carried out after all. */
    default void forget(String requestId) {
    }

    HandledRequests NONE = (id, now) -> true;
}
