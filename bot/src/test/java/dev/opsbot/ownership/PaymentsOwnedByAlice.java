package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The starting point of the handover tests: service payments, owned by alice, on a fresh fixture. */
abstract class PaymentsOwnedByAlice {

    static final Actor ALICE = Actor.console("alice");
    static final Actor BOB = Actor.console("bob");

    final OpsFixture ops = new OpsFixture();

    @BeforeEach
    void paymentsOwnedByAlice() {
        ops.ok("lead", "/service add payments --team core --channel #payments --owner @alice");
    }

    @AfterEach
    void close() {
        ops.close();
    }
}
