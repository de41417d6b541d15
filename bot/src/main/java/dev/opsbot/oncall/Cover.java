package dev.opsbot.oncall;

import dev.opsbot.chat.Actor;
import java.time.Instant;

/** An override: {@code who} is primary on call from {@code from} until {@code until}, whatever the rotation says. */
public record Cover(Actor who, Instant from, Instant until, Actor by) {

    public boolean covers(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }
}
