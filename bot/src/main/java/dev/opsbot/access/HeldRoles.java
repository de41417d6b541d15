package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything granted to one holder — a person ({@code console:bob}) or a chat group
 * ({@code group:discord:123}) — kept in one document under that key, so a check reads one
 * document by {@code _id}. For a group, {@code person} is only its label (the group's platform,
 * id and name as shown when it was first granted something), never someone to mention or ask.
 */
public record HeldRoles(String key, Actor person, List<Grant> grants) {

    public HeldRoles {
        grants = List.copyOf(grants);
    }

    public static HeldRoles none(String key, Actor person) {
        return new HeldRoles(key, person, List.of());
    }

    /**
     * Adds a grant, replacing one of the same role and service that is as lasting (a re-grant, a
     * renewed break glass): a temporary grant never replaces a lasting one, so breaking glass
     * takes nothing away when the hour ends.
     */
    public HeldRoles with(Grant grant) {
        List<Grant> next = new ArrayList<>(grants);
        next.removeIf(g -> g.sameSlot(grant.role(), grant.service()) && (g.until() == null) == (grant.until() == null));
        next.add(grant);
        return new HeldRoles(key, person, next);
    }

    public HeldRoles without(Role role, String service) {
        List<Grant> next = new ArrayList<>(grants);
        next.removeIf(g -> g.sameSlot(role, service));
        return new HeldRoles(key, person, next);
    }

    public boolean isGroup() {
        return key.startsWith("group:");
    }

    public List<Grant> active(Instant now) {
        return grants.stream().filter(g -> g.activeAt(now)).toList();
    }
}
