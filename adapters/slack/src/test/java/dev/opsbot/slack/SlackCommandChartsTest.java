package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.opsbot.capacity.CapacityCommands;
import dev.opsbot.capacity.ReportSchedules;
import dev.opsbot.capacity.ScriptedMetrics;
import dev.opsbot.capacity.Unit;
import dev.opsbot.capacity.Watch;
import dev.opsbot.capacity.Watches;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.store.MongoAuditLog;
import dev.opsbot.store.MongoStore;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A command's answer with a chart, through the real Bolt app: the answer goes to the channel and
 * the chart follows it with Slack's external upload flow; a private answer's chart never does.
 */
class SlackCommandChartsTest {

    static final String SECRET = "charts-test-signing-secret";
    static final Instant NOW = Instant.parse("2026-11-27T14:00:00Z");
    static final byte[] SECRET_CHART = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

    /** A command whose answer, with its chart, is only for the one who asked. */
    static final CommandRoot<Object> PEEK = CommandRoot.of("peek", "A private look",
            CommandSpec.of("mine", "Only for me", (Object o, dev.opsbot.command.CommandCall c) ->
                    Reply.onlyMe("My disk").text("yours alone")
                            .image(new Reply.Image("mine.png", "Chart of my disk", SECRET_CHART)).build()));

    private final MongoStore capacityStore = MongoStore.inMemory();
    private final Watches watches = Watches.inMongo(capacityStore.database());

    @RegisterExtension
    final SlackFixture app = new SlackFixture(SECRET, null,
            CapacityCommands.ROOT.handledBy(new CapacityCommands(watches,
                    ReportSchedules.inMongo(capacityStore.database()),
                    new ScriptedMetrics(NOW.minus(Duration.ofDays(28))).define("disk_used", d -> 400 + 10 * d),
                    new MongoAuditLog(capacityStore.database()), ZoneId.of("UTC"))),
            PEEK.handledBy(new Object()));

    @BeforeEach
    void watchADisk() {
        watches.add(new Watch("disk", "disk_used", "1000", 0.85, new Unit("", 1), "", "",
                new Actor(Platform.SLACK, "U0", "alice"), NOW.minus(Duration.ofDays(30))));
    }

    @AfterEach
    void closeStore() {
        capacityStore.close();
    }

    @Test
    void aForecastAskedBySlashCommandIsAnsweredInTheChannelAndItsChartIsUploadedThere() throws Exception {
        var acked = app.client.send(app.client.commandBody("U1", "C0CAPACITY", "/capacity", "forecast disk"));
        assertThat(acked.status()).isEqualTo(200);

        JsonObject answer = Json.parse(app.slack.nextResponse().body());
        assertThat(answer.get("response_type").getAsString()).isEqualTo("in_channel");
        assertThat(Json.allText(answer)).contains("Capacity: disk", "disk crosses 85% on Dec 14.");

        FakeSlack.Call shared = app.slack.nextCompletion();
        assertThat(shared).as("the chart was shared").isNotNull();
        var calls = app.slack.fileCalls();
        assertThat(calls).extracting(FakeSlack.Call::path)
                .containsExactly("/api/files.getUploadURLExternal", "/api/files.completeUploadExternal");
        assertThat(calls.get(0).form()).containsEntry("filename", "disk.png");
        assertThat(shared.form()).containsEntry("channel_id", "C0CAPACITY");
        assertThat(shared.form().get("files")).contains("\"id\":\"F1\"");
        var uploads = app.slack.uploads();
        assertThat(uploads).extracting(FakeSlack.Upload::fileId).containsExactly("F1");
        byte[] png = uploads.get(0).bytes();
        assertThat(calls.get(0).form()).containsEntry("length", String.valueOf(png.length));
        var picture = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(picture).as("the bytes are a PNG image").isNotNull();
        assertThat(picture.getWidth()).isGreaterThan(100);
    }

    @Test
    void aClickThatAnswersWithAChartSharesItInTheChannelOfTheClick() throws Exception {
        app.client.send(app.client.clickBody("U2", "C0CLICK", "1700000000.000100", false, "opsbot-b1",
                "opsbot-run-0", "/capacity forecast disk"));

        assertThat(app.slack.nextUpdate()).isNotNull();
        FakeSlack.Call shared = app.slack.nextCompletion();
        assertThat(shared).isNotNull();
        assertThat(shared.form()).containsEntry("channel_id", "C0CLICK");
        assertThat(app.slack.uploads()).hasSize(1);
    }

    @Test
    void aPrivateAnswerWithAChartUploadsNothingAndSaysWhereChartsAreShown() throws Exception {
        var sent = app.client.send(app.client.commandBody("U1", "C0CAPACITY", "/peek", "mine"));

        assertThat(sent.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(Json.allText(sent.json())).contains("yours alone", CommandCharts.PRIVATE_NOTE);

        // A channel answer afterwards in the same channel: only its chart is ever uploaded.
        app.client.send(app.client.commandBody("U1", "C0CAPACITY", "/capacity", "forecast disk"));
        assertThat(app.slack.nextCompletion()).isNotNull();
        assertThat(app.slack.fileCalls()).extracting(c -> c.form().get("filename")).containsOnly("disk.png", null);
        assertThat(app.slack.fileCalls()).hasSize(2);
        assertThat(app.slack.uploads()).hasSize(1)
                .allSatisfy(u -> assertThat(Arrays.equals(u.bytes(), SECRET_CHART)).isFalse());
    }
}
