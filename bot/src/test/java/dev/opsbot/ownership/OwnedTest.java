package dev.opsbot.ownership;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.command.Refusal;
import org.junit.jupiter.api.Test;

class OwnedTest {

    private static final Actor ALICE = Actor.console("alice");
    private static final Actor BOB = Actor.console("bob");

    @Test
    void aTransferGoesAheadWhileTheOwnerIsTheOneItWasMadeFor() {
        assertThatCode(() -> Owned.requireOwner("payments", Actor.console("alice"), ALICE)).doesNotThrowAnyException();
        assertThatCode(() -> Owned.requireOwner("payments", null, null)).doesNotThrowAnyException();
    }

    @Test
    void anItemThatChangedHandsMeanwhileIsRefusedNamingWhoHasItNow() {
        assertThatThrownBy(() -> Owned.requireOwner("service payments", BOB, ALICE)).isInstanceOf(Refusal.class)
                .hasMessage("service payments is owned by " + Inline.user(BOB) + " now, so this no longer applies.");
        assertThatThrownBy(() -> Owned.requireOwner("INC-4", null, ALICE))
                .hasMessage("INC-4 is owned by nobody now, so this no longer applies.");
        assertThatThrownBy(() -> Owned.requireOwner("INC-4", BOB, null))
                .hasMessage("INC-4 is owned by " + Inline.user(BOB) + " now, so this no longer applies.");
    }
}
