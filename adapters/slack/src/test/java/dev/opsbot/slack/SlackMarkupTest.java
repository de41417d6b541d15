package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Platform;
import org.junit.jupiter.api.Test;

class SlackMarkupTest {

    @Test
    void plainTextIsEscapedSoItCanNeverBroadcastOrLink() {
        assertThat(SlackMarkup.render("<!channel> & <@U1> <https://x|y>"))
                .isEqualTo("&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https://x|y&gt;");
    }

    @Test
    void slackPeopleAndChannelsBecomeMentionsAndOthersAreNamed() {
        String markup = Inline.user(new Actor(Platform.SLACK, "U024BE7LH", "bob")) + " "
                + Inline.user(Actor.console("alice")) + " "
                + Inline.channel(new ChannelRef(Platform.SLACK, "C042", "ops")) + " "
                + Inline.channel(new ChannelRef(Platform.DISCORD, "1234", "war<room>")) + " "
                + Inline.here();

        assertThat(SlackMarkup.render(markup)).isEqualTo("<@U024BE7LH> @alice <#C042> #war&lt;room&gt; <!here>");
    }

    @Test
    void aSlackIdThatIsNotAnIdIsNeverPutInsideAMention() {
        Actor odd = new Actor(Platform.SLACK, "U1>|<!channel", "mallory");

        assertThat(SlackMarkup.render(Inline.user(odd))).isEqualTo("@mallory");
    }

    @Test
    void strongTextIsBoldAndEscaped() {
        assertThat(SlackMarkup.render(Inline.strong("INC-4") + " a<b")).isEqualTo("*INC-4* a&lt;b");
    }
}
