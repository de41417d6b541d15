package dev.opsbot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void splitsOnAnyRunOfWhitespace() {
        assertThat(Tokens.split("  /incident   ack\tINC-4  ")).containsExactly("/incident", "ack", "INC-4");
    }

    @Test
    void emptyAndBlankLinesHaveNoWords() {
        assertThat(Tokens.split("")).isEmpty();
        assertThat(Tokens.split("   ")).isEmpty();
    }

    @Test
    void straightQuotesKeepSpacesInsideOneWord() {
        assertThat(Tokens.split("declare sev2 \"db  latency\" --service 'payments api'"))
                .containsExactly("declare", "sev2", "db  latency", "--service", "payments api");
    }

    @Test
    void typographicQuotesCountAsQuotes() {
        assertThat(Tokens.split("declare sev2 “db latency” ‘x y’"))
                .containsExactly("declare", "sev2", "db latency", "x y");
    }

    @Test
    void chatClientsMayMixStraightAndCurlyQuotes() {
        assertThat(Tokens.split("a \"b c” d")).containsExactly("a", "b c", "d");
    }

    @Test
    void apostrophesInsideWordsStayLiteral() {
        assertThat(Tokens.split("update INC-1 isn't the db, it's dns"))
                .containsExactly("update", "INC-1", "isn't", "the", "db,", "it's", "dns");
        assertThat(Tokens.split("update INC-1 isn’t it")).containsExactly("update", "INC-1", "isn’t", "it");
    }

    @Test
    void aQuoteClosesOnlyWhereAWordEnds() {
        assertThat(Tokens.split("'it's the dns' again")).containsExactly("it's the dns", "again");
        assertThat(Tokens.split("\"say \"hi\"\" x")).containsExactly("say \"hi\"", "x");
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertThat(Tokens.split("a \"\" b")).containsExactly("a", "", "b");
    }

    @Test
    void anUnbalancedQuoteNamesWhereItStarts() {
        assertThatThrownBy(() -> Tokens.split("/incident declare sev2 \"db latency --service x"))
                .isInstanceOf(Refusal.class)
                .hasMessage("The quote that starts at “\"db latency --servic…” is never closed.")
                .matches(r -> ((Refusal) r).showUsage());
    }

    @Test
    void anUnbalancedQuoteNearTheEndIsQuotedWhole() {
        assertThatThrownBy(() -> Tokens.split("update INC-1 “oops"))
                .hasMessage("The quote that starts at ““oops” is never closed.");
    }

    @Test
    void controlCharactersThatDelimitMarkupAreDropped() {
        assertThat(Tokens.split("note \u0001h:\u0002 x")).containsExactly("note", "h:", "x");
    }
}
