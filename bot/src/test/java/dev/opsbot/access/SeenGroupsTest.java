package dev.opsbot.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeenGroupsTest {

    private final SeenGroups groups = new SeenGroups();
    private final Actor bob = new Actor(Platform.DISCORD, "200", "bob");

    @Test
    void eachSightingReplacesWhatWasKnownAndNobodyUnseenIsInAGroup() {
        assertThat(groups.of(bob)).isEmpty();

        groups.seen(bob, List.of("700", "300"));
        assertThat(groups.of(bob)).containsExactly("group:discord:700", "group:discord:300");
        assertThat(groups.of(new Actor(Platform.DISCORD, "201", "carol"))).isEmpty();

        groups.seen(bob, List.of("300"));
        assertThat(groups.of(bob)).containsExactly("group:discord:300");

        groups.seen(bob, List.of());
        assertThat(groups.of(bob)).isEmpty();
    }
}
