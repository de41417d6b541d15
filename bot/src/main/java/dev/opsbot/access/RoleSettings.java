package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import java.util.ArrayList;
import java.util.List;

/**
 * How roles start: {@code OPSBOT_ADMINS} (platform-qualified people) turns them on; unset, opsbot
 * runs open so a trial or a new team is never locked out. Everyone else starts with
 * {@code OPSBOT_DEFAULT_ROLE} ({@code responder} unless set) plus their grants.
 */
public record RoleSettings(List<Actor> admins, Role defaultRole) {

    public static final RoleSettings OPEN = new RoleSettings(List.of(), Role.RESPONDER);

    public RoleSettings {
        admins = List.copyOf(admins);
    }

    /** Reads the two settings; a word that is not a person or a role stops start-up with a sentence saying which. */
    public static RoleSettings parse(String admins, String defaultRole) {
        List<Actor> people = new ArrayList<>();
        for (String part : admins == null ? new String[0] : admins.split(",")) {
            String key = part.strip();
            if (key.isEmpty()) {
                continue;
            }
            people.add(Actor.parseKey(key).orElseThrow(() -> new IllegalArgumentException(
                    "OPSBOT_ADMINS: “" + key + "” is not a platform-qualified person such as slack:U123 or console:alice")));
        }
        Role role = defaultRole == null || defaultRole.isBlank() ? Role.RESPONDER
                : Role.parse(defaultRole).orElseThrow(() -> new IllegalArgumentException(
                        "OPSBOT_DEFAULT_ROLE: “" + defaultRole.strip() + "” is not a role; choose " + Role.words()));
        return new RoleSettings(people, role);
    }

    public boolean enabled() {
        return !admins.isEmpty();
    }

    public boolean isAdmin(Actor actor) {
        return admins.stream().anyMatch(a -> a.sameAs(actor));
    }
}
