package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who holds a permission, and whom to ask for it: read from the admins and every holder's grants. */
final class WhoCan {

    private static final int NAMES_IN_A_REFUSAL = 3;

    private final Roles roles;

    WhoCan(Roles roles) {
        this.roles = roles;
    }

    /** Configured admins first, then people granted admin. */
    List<String> admins(Instant now) {
        Set<String> out = new LinkedHashSet<>();
        roles.settings().admins().forEach(a -> out.add(Inline.user(a)));
        for (HeldRoles h : roles.holders()) {
            if (h.active(now).stream().anyMatch(g -> g.role() == Role.ADMIN && g.global())) {
                out.add(name(h));
            }
        }
        return List.copyOf(out);
    }

    /** Holders (not configured admins) with a grant of at least {@code role} that covers {@code service}. */
    List<String> holding(Role role, String service, Instant now) {
        List<String> out = new ArrayList<>();
        for (HeldRoles h : roles.holders()) {
            List<String> why = h.active(now).stream()
                    .filter(g -> g.role().atLeast(role) && (service == null ? g.global() : g.covers(service)))
                    .map(g -> g.describe() + (g.until() == null ? "" : " (break glass)"))
                    .toList();
            if (!why.isEmpty()) {
                out.add(name(h) + " — " + String.join(", ", why));
            }
        }
        return out;
    }

    /**
     * Whom to ask for {@code permission} on {@code service}: managers there can grant the roles
     * below manager, and only admins can grant manager and admin.
     */
    String whomToAsk(String permission, String service, Instant now) {
        Role needed = Role.firstHolding(permission);
        if (!needed.atLeast(Role.MANAGER)) {
            List<String> managers = new ArrayList<>();
            for (HeldRoles h : roles.holders()) {
                if (h.person() != null && !h.isGroup() && h.active(now).stream()
                        .anyMatch(g -> g.role().atLeast(Role.MANAGER) && g.covers(service))) {
                    managers.add(name(h));
                }
            }
            if (!managers.isEmpty()) {
                return (service == null ? "a manager" : "a manager of " + service) + ": " + few(managers);
            }
        }
        return "an admin: " + few(admins(now));
    }

    private static String few(List<String> names) {
        List<String> shown = names.size() > NAMES_IN_A_REFUSAL ? names.subList(0, NAMES_IN_A_REFUSAL) : names;
        return String.join(", ", shown) + (names.size() > shown.size() ? " or another" : "");
    }

    static String name(HeldRoles h) {
        Actor person = h.person();
        if (!h.isGroup()) {
            return person == null ? h.key() : Inline.user(person);
        }
        return groupName(h.key(), person);
    }

    /** A group as shown: its name where known (user text from the platform, so cleaned), else its key. */
    static String groupName(String key, Actor label) {
        return "the group “" + Inline.clean(label == null ? key.substring("group:".length()) : label.name()) + "”";
    }
}
