package dev.opsbot.incident;

import dev.opsbot.chat.Actor;
import java.time.Instant;

/** One line of an incident's history; {@code text} is what the person typed, kept verbatim. */
public record TimelineEntry(Instant at, Actor actor, String kind, String text) {
}
