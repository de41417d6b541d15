package dev.opsbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of the parser: empty greedy text, switches with values, quoted words that look like
 * options, and single-word names that never take the rest of the line.
 */
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

    @Test
    void anExtraWordAfterANameIsRefusedNamingTheWordWithTheUsage() {
        Reply reply = probe.run("/probe pick payments extra");
        assertThat(probe.calls).isZero();
        assertThat(reply.text()).isEqualTo("I did not expect “extra” there.");
        assertThat(reply.plainText()).contains("Usage: /probe pick <target> [--tag <tag>]");
    }

    @Test
    void aQuotedNameWithASpaceIsOneWord() {
        Arguments args = probe.parse("/probe pick \"payments api\" --tag \"two words\"");
        assertThat(args.text("target")).isEqualTo("payments api");
        assertThat(args.text("tag")).isEqualTo("two words");
    }

    @Test
    void aBlankQuotedNameIsRefused() {
        Reply reply = probe.run("/probe pick \"  \"");
        assertThat(probe.calls).isZero();
        assertThat(reply.text()).isEqualTo("The target cannot be empty.");
    }
}
