package dev.opsbot.discord;

import static dev.opsbot.discord.InteractionPayloads.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.Invocation;
import dev.opsbot.ownership.OpsFixture;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clicks are per person on Discord too: the wrong person's click on a handover's Accept is
 * refused to them alone and leaves the button working for the person it was offered to, while
 * one person's double click on one drawing of the button runs once.
 */
class DiscordHandoverClickTest {

    static final String ACCEPT = "run:/owner accept INC-1";

    final OpsFixture ops = new OpsFixture();

    @RegisterExtension
    final DiscordFixture discord = new DiscordFixture(ops.core);

    void aliceOffersInc1ToBob() {
        Actor alice = new Actor(Platform.DISCORD, "100", "alice");
        ChannelRef ops = new ChannelRef(Platform.DISCORD, FakeGateway.CHANNEL, "ops");
        discord.core.router().handle(Invocation.of(alice, ops, "/incident declare sev2 replica lag"));
        Reply offer = discord.core.router().handle(Invocation.of(alice, ops, "/owner handover INC-1 <@200>"));
        assertThat(offer.buttons()).extracting(Reply.Button::command).contains("/owner accept INC-1");
    }

    @Test
    void aWrongPersonsClickDoesNotUseUpTheButtonForTheRightPerson() throws Exception {
        aliceOffersInc1ToBob();

        DataObject toCarol = discord.interact(InteractionPayloads.button(newId(), "300", "carol", ACCEPT, false));
        DataObject toBob = discord.interact(InteractionPayloads.button(newId(), "200", "bob", ACCEPT, false));

        assertThat(toCarol.getInt("type")).isEqualTo(4);
        assertThat(toCarol.getObject("data").getInt("flags") & 64).isEqualTo(64);
        assertThat(toCarol.getObject("data").getString("content")).contains("is offered to <@200>, not to you");
        assertThat(toBob.getInt("type")).as("the card is redrawn").isEqualTo(7);
        assertThat(toBob.getObject("data").toString()).contains("accepted").doesNotContain("already handled");
        assertThat(ops.core.incidents.find("INC-1").orElseThrow().owner().key()).isEqualTo("discord:200");
    }

    @Test
    void theRightPersonsDoubleClickRunsOnce() throws Exception {
        aliceOffersInc1ToBob();

        discord.interact(InteractionPayloads.button(newId(), "200", "bob", ACCEPT, false));
        DataObject again = discord.interact(InteractionPayloads.button(newId(), "200", "bob", ACCEPT, false));

        assertThat(again.getObject("data").getString("content")).isEqualTo("That request was already handled.");
        assertThat(ops.core.audit.forItem("INC-1", 10)).extracting(e -> e.action())
                .containsOnlyOnce("owner.handover.accept");
    }
}
