package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import java.time.Instant;

/** Whether a person is the primary on call for a service right now: they count as a responder there. */
@FunctionalInterface
public interface OnShift {

    OnShift NOBODY = (actor, service, at) -> false;

    boolean primary(Actor actor, String service, Instant at);
}
