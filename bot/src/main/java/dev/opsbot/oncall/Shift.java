package dev.opsbot.oncall;

import dev.opsbot.chat.Actor;
import java.time.Instant;

/**
 * Who is on call over a span: the primary, the secondary (null when there is nobody else), and
 * whether an override put the primary there.
 */
public record Shift(Actor primary, Actor secondary, Instant from, Instant until, boolean overridden) {
}
