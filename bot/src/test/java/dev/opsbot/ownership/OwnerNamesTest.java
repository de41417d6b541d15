package dev.opsbot.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What is owned is named in one word, so a stray word after it is refused as unexpected. */
class OwnerNamesTest {

    private final OpsFixture ops = new OpsFixture();

    @AfterEach
    void close() {
        ops.close();
    }

    @Test
    void anExtraWordAfterTheItemIsNamedAsUnexpectedAndNothingIsTaken() {
        ops.ok("lead", "/service add payments --team core --channel #payments");
        String reply = ops.run("alice", "/owner take payments extra").plainText();
        assertThat(reply).contains("I did not expect “extra” there.").contains("Usage: /owner take");
        assertThat(ops.services.find("payments").orElseThrow().owner()).isNull();
    }
}
