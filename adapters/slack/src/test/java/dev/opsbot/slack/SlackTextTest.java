package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import org.junit.jupiter.api.Test;

/** Reading what people typed, from the way Slack sends a command's text. */
class SlackTextTest {

    final SlackMentions mentions = new SlackMentions();

    @Test
    void entitiesAreDecodedOnceAndBroadcastsAndLinksBecomeWords() {
        assertThat(SlackText.typed("a &amp;lt; b &lt;x&gt; <!here> <!subteam^S1|@db-team> <https://a.b/c|c>"))
                .isEqualTo("a &lt; b <x> @here @db-team https://a.b/c");
    }

    @Test
    void personAndChannelMentionsAreKeptForTheOptionsToRead() {
        assertThat(SlackText.typed("assign INC-1 <@U024BE7LH|bob> in <#C042|ops>"))
                .isEqualTo("assign INC-1 <@U024BE7LH|bob> in <#C042|ops>");
        assertThat(SlackText.typed(null)).isEmpty();
    }

    @Test
    void mentionsAreReadWithOrWithoutTheirName() {
        assertThat(mentions.user("<@U024BE7LH|bob>")).contains(new Actor(Platform.SLACK, "U024BE7LH", "bob"));
        assertThat(mentions.user("<@W024BE7LH>")).hasValueSatisfying(a -> assertThat(a.name()).isEqualTo("W024BE7LH"));
        assertThat(mentions.channel("<#C042|ops>")).contains(new ChannelRef(Platform.SLACK, "C042", "ops"));
    }

    @Test
    void plainNamesAndBroadcastsAreNotPeople() {
        assertThat(mentions.user("@bob")).isEmpty();
        assertThat(mentions.user("<!channel>")).isEmpty();
        assertThat(mentions.user("<@U1|bob> extra")).isEmpty();
        assertThat(mentions.channel("#ops")).isEmpty();
    }
}
