package dev.opsbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.testing.CoreFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whatever path a command takes into the router, what is stored and echoed is normalised text. */
class InputHygieneTest {

    private final CoreFixture core = new CoreFixture();

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void aTypedLineIsStoredAndEchoedWithoutControlCharactersOrOverrides() {
        Reply card = core.run("alice", "/incident declare sev2 db\u0000\u00a0lat\u0007ency \u202efdp.exe\r\u001b[1mnow");

        String title = core.incidents.find("INC-1").orElseThrow().title();
        assertThat(title).isEqualTo("db latency fdp.exe now");
        assertThat(card.plainText()).contains("db latency fdp.exe now").doesNotContain("\u0007").doesNotContain("\r");
    }

    @Test
    void valuesDeliveredByNameAreNormalisedBeforeTheyAreStored() {
        Actor alice = new Actor(Platform.DISCORD, "100", "alice");
        Invocation invocation = new Invocation(alice, new ChannelRef(Platform.DISCORD, "500", "ops"),
                "/incident declare", null);

        core.router().handle(invocation, "incident", "declare",
                Map.of("severity", "sev2", "title", "checkout\u2066 slow\u2069\r\ndown\u200b"));

        assertThat(core.incidents.find("INC-1").orElseThrow().title()).isEqualTo("checkout slow\ndown");
    }

    @Test
    void aNonBreakingSpaceSeparatesWordsLikeASpace() {
        Reply reply = core.run("alice", "/incident\u00a0declare\u00a0sev3\u00a0disk full");

        assertThat(reply.isPrivate()).as(reply.plainText()).isFalse();
        assertThat(core.incidents.find("INC-1").orElseThrow().severity().word()).isEqualTo("sev3");
    }
}
