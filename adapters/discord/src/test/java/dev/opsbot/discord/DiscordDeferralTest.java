package dev.opsbot.discord;

import static dev.opsbot.discord.InteractionPayloads.newId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.Refusal;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Commands slower than the bot's patience are acknowledged in time and answered through the hook. */
class DiscordDeferralTest {

    /** Commands that wait until the test releases them. */
    private static final CommandRoot<CountDownLatch> SLOW = CommandRoot.of("slow", "Takes its time",
            CommandSpec.<CountDownLatch>of("public", "Answers the channel late", (latch, call) -> {
                awaitQuietly(latch);
                return Reply.toChannel("Done slowly").text("finished").build();
            }),
            CommandSpec.<CountDownLatch>of("chart", "Answers the channel late, with a chart", (latch, call) -> {
                awaitQuietly(latch);
                return Reply.toChannel("Charted slowly").image(new Reply.Image("slow.png", "A chart", new byte[] {
                        (byte) 0x89, 'P', 'N', 'G', 1, 2, 3})).build();
            }),
            CommandSpec.<CountDownLatch>of("private", "Refuses late", (latch, call) -> {
                awaitQuietly(latch);
                throw Refusal.because("Not today.");
            }));

    private final CountDownLatch release = new CountDownLatch(1);

    @RegisterExtension
    final DiscordFixture discord = new DiscordFixture(SLOW.handledBy(release));

    /** Runs before the fixture closes, so no command is left waiting on a stopped bot. */
    @AfterEach
    void letGo() {
        release.countDown();
    }

    @Test
    void aSlowCommandIsDeferredInTimeAndItsAnswerEditsTheDeferredReply() throws Exception {
        String id = newId();
        DataObject deferral = discord.interact(InteractionPayloads.slash(id, "100", "alice", "slow", "public"));

        assertThat(deferral.getInt("type")).isEqualTo(5);
        assertThat(discord.rest.calls("PATCH", "/webhooks/900/token-" + id + "/messages/@original")).isEmpty();
        release.countDown();

        DataObject edit = discord.rest.await("PATCH", "/webhooks/900/token-" + id + "/messages/@original", 1).get(0).json();
        assertThat(edit.getString("content")).isEqualTo("finished");
        assertThat(edit.getArray("embeds").getObject(0).getString("title")).isEqualTo("Done slowly");
    }

    @Test
    void aSlowAnswerWithAChartEditsTheDeferredReplyWithTheAttachment() throws Exception {
        String id = newId();
        discord.interact(InteractionPayloads.slash(id, "100", "alice", "slow", "chart"));
        release.countDown();

        DataObject edit = discord.rest.await("PATCH", "/webhooks/900/token-" + id + "/messages/@original", 1).get(0).json();
        assertThat(edit.getArray("embeds").getObject(0).getObject("image").getString("url"))
                .isEqualTo("attachment://slow.png");
        var files = discord.rest.attachments();
        assertThat(files).hasSize(1);
        assertThat(files.get(0).fileName()).isEqualTo("slow.png");
        assertThat(files.get(0).bytes()).containsExactly((byte) 0x89, 'P', 'N', 'G', 1, 2, 3);
    }

    @Test
    void aSlowRefusalReplacesThePublicDeferralWithAPrivateAnswer() throws Exception {
        String id = newId();
        discord.interact(InteractionPayloads.slash(id, "100", "alice", "slow", "private"));
        release.countDown();

        List<FakeDiscordRest.Call> followUps = discord.rest.await("POST", "/webhooks/900/token-" + id, 1);
        List<String> order = FakeDiscordRest.paths(discord.rest.calls()).stream()
                .filter(p -> p.contains("token-" + id)).toList();
        assertThat(order).containsExactly("POST /interactions/" + id + "/token-" + id + "/callback",
                "DELETE /webhooks/900/token-" + id + "/messages/@original", "POST /webhooks/900/token-" + id);
        assertThat(followUps.get(0).json().getString("content")).isEqualTo("Not today.");
        assertThat(followUps.get(0).json().getInt("flags") & 64).isEqualTo(64);
    }

    @Test
    void aSlowButtonDefersTheEditAndThenEditsTheMessage() throws Exception {
        String id = newId();
        DataObject deferral = discord.interact(
                InteractionPayloads.button(id, "200", "bob", "run:/slow public", false));

        assertThat(deferral.getInt("type")).isEqualTo(6);
        release.countDown();

        DataObject edit = discord.rest.await("PATCH", "/webhooks/900/token-" + id + "/messages/@original", 1).get(0).json();
        assertThat(edit.getString("content")).isEqualTo("finished");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the slow command");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
