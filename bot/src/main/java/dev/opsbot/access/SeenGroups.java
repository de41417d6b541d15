package dev.opsbot.access;

import dev.opsbot.chat.Actor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Memberships as an adapter sees them: each interaction a platform delivers says which groups
 * its person is in (Discord sends a member's roles with every slash command and click), and the
 * adapter records them here before the command is routed, so the check of that command uses the
 * groups the person has at that moment. Someone not seen since the process started is in no
 * group, which only ever withholds a group's grant, never gives one.
 */
public final class SeenGroups implements ChatGroups {

    // Memberships are refreshed on the next interaction; a bound keeps a long-running bot from growing without end.
    private static final int MAX_PEOPLE = 10_000;

    private final Map<String, List<String>> byPerson = new ConcurrentHashMap<>();

    /** Replaces what is known of {@code actor}'s groups with {@code groupIds}, ids on the actor's platform. */
    public void seen(Actor actor, Collection<String> groupIds) {
        List<String> keys = groupIds.stream().map(id -> ChatGroups.key(actor.platform(), id)).toList();
        if (keys.isEmpty()) {
            byPerson.remove(actor.key());
            return;
        }
        if (byPerson.size() >= MAX_PEOPLE && !byPerson.containsKey(actor.key())) {
            byPerson.clear();
        }
        byPerson.put(actor.key(), keys);
    }

    @Override
    public List<String> of(Actor actor) {
        return byPerson.getOrDefault(actor.key(), List.of());
    }
}
