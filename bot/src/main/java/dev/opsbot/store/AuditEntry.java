package dev.opsbot.store;

import dev.opsbot.chat.Actor;
import java.time.Instant;

/** One state change: who did what to which item, and how it read before and after. */
public record AuditEntry(Instant at, Actor actor, String action, String item, String before, String after) {
}
