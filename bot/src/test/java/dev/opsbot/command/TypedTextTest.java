package dev.opsbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedTextTest {

    @Test
    void controlCharactersAreDroppedAndTerminalSequencesGoAsAWhole() {
        assertThat(Tokens.split("declare sev2 \"db\u0000 lat\u0007ency \u001b[31mred\u001b[0m\u007f\u0085\""))
                .containsExactly("declare", "sev2", "db latency red");
    }

    @Test
    void aCarriageReturnIsASpaceAndACrLfANewline() {
        assertThat(TypedText.normalise("ack INC-1\r/incident resolve INC-1")).isEqualTo("ack INC-1 /incident resolve INC-1");
        assertThat(TypedText.normalise("line one\r\nline two")).isEqualTo("line one\nline two");
    }

    @Test
    void nonBreakingAndOtherUnicodeSpacesSplitWordsLikeSpaces() {
        assertThat(Tokens.split("declare\u00a0sev2\u202fdb\u2007x")).containsExactly("declare", "sev2", "db", "x");
    }

    @Test
    void directionOverridesAndInvisibleMarksAreRemoved() {
        assertThat(TypedText.normalise("pay\u202emoc.exe\u202c \u2066x\u2069\u200f\u200b\ufeff"))
                .isEqualTo("paymoc.exe x");
    }

    @Test
    void ordinaryTextIsReturnedUnchanged() {
        String text = "déclaré “café” — naïve 数据库 👩‍💻\nsecond line";
        assertThat(TypedText.normalise(text)).isSameAs(text);
    }

    @Test
    void valuesDeliveredByNameAreNormalisedToo() {
        assertThat(TypedText.normalise(Map.of("title", "db\u0000\u202elatency"))).containsEntry("title", "dblatency");
    }
}
