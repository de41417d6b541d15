package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import java.time.Instant;
import java.util.Objects;

/**
 * One role held by a person (or a chat group): everywhere when {@code service} is null, else for
 * that service only. {@code until} ends a temporary grant (break glass); null never ends.
 */
public record Grant(Role role, String service, Actor by, Instant at, Instant until, String reason) {

    public Grant {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason;
    }

    public boolean global() {
        return service == null;
    }

    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }

    /** Applies to a command on {@code target} (null: a command on no service in particular). */
    public boolean covers(String target) {
        return service == null || service.equalsIgnoreCase(target == null ? "" : target);
    }

    public boolean sameSlot(Role otherRole, String otherService) {
        return role == otherRole && Objects.equals(service == null ? null : service.toLowerCase(java.util.Locale.ROOT),
                otherService == null ? null : otherService.toLowerCase(java.util.Locale.ROOT));
    }

    public String describe() {
        return role.word() + (service == null ? " everywhere" : " of " + service);
    }
}
