package dev.opsbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import org.junit.jupiter.api.Test;

/** Edge cases of the parser: empty greedy text, switches with values, quoted words that look like options. */
class ArgumentParserEdgesTest {

    private final Probe probe = new Probe();

    @Test
    void emptyQuotedTextIsRefusedEvenAsTheGreedyLastPositional() {
        Reply reply = probe.run("/probe say low \"\"");
        assertThat(reply.text()).isEqualTo("The words cannot be empty.");
        assertThat(probe.calls).isZero();
    }

    @Test
    void aSwitchGivenAValueIsRefusedRatherThanReadAsOn() {
        Reply reply = probe.run("/probe count 1 --dry=no");
        assertThat(probe.calls).isZero();
        assertThat(reply.text()).contains("--dry");
    }

    @Test
    void aQuotedWordIsNeverAnOption() {
        Arguments args = probe.parse("/probe say low \"--force is what broke it\"");
        assertThat(args.text("words")).isEqualTo("--force is what broke it");
    }
}
