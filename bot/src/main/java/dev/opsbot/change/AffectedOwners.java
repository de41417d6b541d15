package dev.opsbot.change;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import java.util.List;

/** The people who own the services a change affects, as known when someone approves or starts it. */
public record AffectedOwners(List<Actor> owners) {

    public AffectedOwners {
        owners = List.copyOf(owners);
    }

    public boolean includes(Actor who) {
        return owners.stream().anyMatch(o -> o.sameAs(who));
    }

    /** " (carol)" naming the owners, or nothing when no affected service has one. */
    String named() {
        return owners.isEmpty() ? " (none has an owner yet; /owner take <service> sets one)"
                : " (" + String.join(" or ", owners.stream().map(Inline::user).toList()) + ")";
    }
}
