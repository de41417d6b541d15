package dev.opsbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.testing.MarkedRenderer;
import org.junit.jupiter.api.Test;

class InlineTest {

    private final Actor bob = new Actor(Platform.SLACK, "U123", "Bob");

    @Test
    void rendersEachKindOfSpan() {
        ChannelRef ops = new ChannelRef(Platform.SLACK, "C9", "ops");
        String markup = "Ping " + Inline.user(bob) + " in " + Inline.channel(ops)
                + ": " + Inline.strong("INC-4") + " " + Inline.here();
        assertThat(MarkedRenderer.render(markup))
                .isEqualTo("[Ping ]<USER slack:U123 Bob>[ in ]<CHANNEL slack:C9>[: ]<B INC-4>[ ]<HERE>");
    }

    @Test
    void plainRenderingUsesNames() {
        String markup = Inline.user(bob) + " acked " + Inline.strong("INC-4") + " in "
                + Inline.channel(ChannelRef.console("ops")) + " " + Inline.here();
        assertThat(Inline.plain(markup)).isEqualTo("@Bob acked INC-4 in #ops @here");
    }

    @Test
    void textWithoutMarkupIsKeptAsTyped() {
        assertThat(Inline.plain("<!channel> @everyone *bold* $where")).isEqualTo("<!channel> @everyone *bold* $where");
        assertThat(MarkedRenderer.render("<!channel>")).isEqualTo("[<!channel>]");
    }

    @Test
    void typedTextCannotForgeAToken() {
        String typed = "hi \u0001h:\u0002 and \u0001u:slack:U999:boss\u0002";
        String markup = "Note: " + Inline.clean(typed);
        assertThat(MarkedRenderer.render(markup)).isEqualTo("[Note: hi h: and u:slack:U999:boss]");
    }

    @Test
    void strongCleansItsText() {
        assertThat(MarkedRenderer.render(Inline.strong("x\u0002\u0001h:"))).isEqualTo("<B xh:>");
    }

    @Test
    void aDisplayNameCannotForgeAToken() {
        Actor sneaky = new Actor(Platform.SLACK, "U7", "eve\u0002\u0001h:\u0002");
        String rendered = MarkedRenderer.render("by " + Inline.user(sneaky));
        assertThat(rendered).doesNotContain("<HERE>").startsWith("[by ]<USER slack:U7 eve");
    }

    @Test
    void aChannelNameCannotForgeAToken() {
        ChannelRef sneaky = new ChannelRef(Platform.SLACK, "C1", "ops\u0002\u0001h:\u0002");
        assertThat(MarkedRenderer.render(Inline.channel(sneaky))).isEqualTo("<CHANNEL slack:C1>");
    }

    @Test
    void namesWithColonsSurviveTheRoundTrip() {
        Actor odd = new Actor(Platform.DISCORD, "15", "a:b");
        assertThat(MarkedRenderer.render(Inline.user(odd))).isEqualTo("<USER discord:15 a:b>");
    }

    @Test
    void anUnclosedTokenIsShownAsText() {
        assertThat(MarkedRenderer.render("a \u0001h: b")).isEqualTo("[a \u0001h: b]");
    }

    @Test
    void cleanLeavesOrdinaryTextAlone() {
        String text = "ordinary text, with ‘quotes’ and emoji 🔥";
        assertThat(Inline.clean(text)).isSameAs(text);
    }
}
