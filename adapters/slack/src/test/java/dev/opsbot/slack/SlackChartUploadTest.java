package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A post with charts: the message, then Slack's external upload flow through Bolt's own client. */
class SlackChartUploadTest {

    private FakeSlack slack;
    private SlackWebApi api;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlack();
        api = SlackWebApi.connect(new SlackSettings("xoxb-test", "secret", null, slack.apiUrl(), null));
    }

    @AfterEach
    void stop() {
        api.close();
        slack.close();
    }

    @Test
    void chartsAreUploadedAndSharedInTheChannelOfTheMessage() throws Exception {
        byte[] first = png(1_000, (byte) 7);
        byte[] second = png(2_345, (byte) 9);
        Reply report = Reply.toChannel("Capacity report").row("1. disk — crosses 85% on Dec 14")
                .image(new Reply.Image("disk.png", "Chart of disk", first))
                .image(new Reply.Image("queue.png", "Chart of queue", second))
                .build();

        api.poster().post(new ChannelRef(Platform.SLACK, "C042", "capacity"), report);

        assertThat(slack.delivered()).hasSize(1);
        assertThat(slack.delivered().get(0).form()).containsEntry("channel", "C042");
        var calls = slack.fileCalls();
        assertThat(calls).extracting(FakeSlack.Call::path).containsExactly("/api/files.getUploadURLExternal",
                "/api/files.getUploadURLExternal", "/api/files.completeUploadExternal");
        assertThat(calls.get(0).form()).containsEntry("filename", "disk.png").containsEntry("length", "1000")
                .containsEntry("alt_txt", "Chart of disk");
        assertThat(calls.get(1).form()).containsEntry("filename", "queue.png").containsEntry("length", "2345");
        assertThat(calls.get(2).form()).containsEntry("channel_id", "C042");
        assertThat(calls.get(2).form().get("files")).contains("\"id\":\"F1\"", "\"id\":\"F2\"");
        assertThat(calls).allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer xoxb-test"));
        var uploads = slack.uploads();
        assertThat(uploads).extracting(FakeSlack.Upload::fileId).containsExactly("F1", "F2");
        assertThat(uploads.get(0).bytes()).isEqualTo(first);
        assertThat(uploads.get(1).bytes()).isEqualTo(second);
        assertThat(uploads.get(0).contentType()).isEqualTo("image/png");
    }

    @Test
    void aMessageWithoutChartsUploadsNothing() throws Exception {
        api.poster().post(new ChannelRef(Platform.SLACK, "C042", "capacity"), Reply.toChannel("Plain").build());
        assertThat(slack.delivered()).hasSize(1);
        assertThat(slack.fileCalls()).isEmpty();
    }

    private static byte[] png(int size, byte fill) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, fill);
        bytes[0] = (byte) 0x89;
        bytes[1] = 'P';
        return bytes;
    }
}
