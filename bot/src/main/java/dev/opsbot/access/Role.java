package dev.opsbot.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The roles, each including everything the one before may do. Which role a permission first
 * appears in is decided here, in one table, so a feature only names its permission in the
 * catalog: {@code *.read} is a viewer's, the listed ones are a responder's or an approver's,
 * and anything else — a permission nobody placed yet — needs a manager, so a new command is
 * never open to everyone by accident.
 */
public enum Role {
    VIEWER, RESPONDER, APPROVER, MANAGER, ADMIN;

    private static final Map<String, Role> FIRST_IN = Map.ofEntries(
            Map.entry("incident.declare", RESPONDER), Map.entry("incident.ack", RESPONDER),
            Map.entry("incident.assign", RESPONDER), Map.entry("incident.update", RESPONDER),
            Map.entry("incident.severity", RESPONDER), Map.entry("incident.mitigate", RESPONDER),
            Map.entry("incident.resolve", RESPONDER), Map.entry("incident.reopen", RESPONDER),
            Map.entry("incident.close", RESPONDER),
            Map.entry("followup.snooze", RESPONDER), Map.entry("followup.done", RESPONDER),
            Map.entry("owner.take", RESPONDER), Map.entry("owner.handover", RESPONDER),
            Map.entry("owner.accept", RESPONDER), Map.entry("owner.decline", RESPONDER),
            Map.entry("owner.withdraw", RESPONDER), Map.entry("oncall.swap", RESPONDER),
            Map.entry("asset.add", RESPONDER), Map.entry("asset.set", RESPONDER),
            Map.entry("asset.link", RESPONDER), Map.entry("asset.unlink", RESPONDER),
            Map.entry("asset.journal", RESPONDER), Map.entry("asset.verify", RESPONDER),
            Map.entry("alert.heartbeat", RESPONDER),
            Map.entry("problem.work", RESPONDER), Map.entry("problem.resolve", APPROVER),
            Map.entry("role.breakglass", VIEWER),
            Map.entry("capacity.watch", RESPONDER), Map.entry("capacity.schedule", RESPONDER),
            Map.entry("capacity.unschedule", RESPONDER),
            Map.entry("change.request", RESPONDER), Map.entry("change.start", RESPONDER),
            Map.entry("change.done", RESPONDER), Map.entry("change.cancel", RESPONDER),
            Map.entry("change.link", RESPONDER),
            Map.entry("change.approve", APPROVER), Map.entry("change.reject", APPROVER),
            Map.entry("change.freeze", MANAGER), Map.entry("change.template", MANAGER),
            Map.entry("role.grant", MANAGER),
            Map.entry("role.admin", ADMIN));

    /** The least role that holds {@code permission}. */
    public static Role firstHolding(String permission) {
        Role listed = FIRST_IN.get(permission);
        if (listed != null) {
            return listed;
        }
        return permission.endsWith(".read") ? VIEWER : MANAGER;
    }

    public boolean holds(String permission) {
        return compareTo(firstHolding(permission)) >= 0;
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String word) {
        return Arrays.stream(values()).filter(r -> r.word().equalsIgnoreCase(word.strip())).findFirst();
    }

    public static String words() {
        return String.join(", ", Arrays.stream(values()).map(Role::word).toList());
    }
}
