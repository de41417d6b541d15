package dev.opsbot.change;

import dev.opsbot.chat.Actor;
import java.time.Instant;

/** A pre-approved way of doing a routine change: requests from it are standard changes. */
public record ChangeTemplate(String name, String plan, String backout, Risk risk, Actor addedBy, Instant addedAt) {
}
