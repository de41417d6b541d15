package dev.opsbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares a reply's images (charts) in a channel with Slack's external upload flow:
 * {@code files.getUploadURLExternal} for each file, the bytes posted to the URL Slack gives, then
 * one {@code files.completeUploadExternal} that shares them all in the channel. Needs the
 * {@code files:write} scope.
 */
public final class SlackUploads {

    private static final Logger LOG = LoggerFactory.getLogger(SlackUploads.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MethodsClient methods;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public SlackUploads(MethodsClient methods) {
        this.methods = methods;
    }

    /**
     * Charts follow the message they belong to. The message is out already, so a failed upload is
     * one log line rather than a failure of the message (which would then be sent a second time).
     */
    void shareAfter(ChannelRef channel, List<Reply.Image> images) {
        try {
            share(channel, images);
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.warn("charts for {} were not shared: {}", channel.key(), e.getMessage());
        }
    }

    /** Uploads and shares every image; a failure names the step and what Slack said. */
    public void share(ChannelRef channel, List<Reply.Image> images) throws IOException, SlackApiException {
        if (images.isEmpty()) {
            return;
        }
        List<FileDetails> files = new java.util.ArrayList<>();
        for (Reply.Image image : images) {
            FilesGetUploadURLExternalResponse slot = methods.filesGetUploadURLExternal(r -> r
                    .filename(image.fileName()).length(image.size()).altTxt(image.altText()));
            if (!slot.isOk()) {
                throw new IOException("files.getUploadURLExternal: " + slot.getError());
            }
            HttpResponse<Void> sent;
            try {
                sent = http.send(HttpRequest.newBuilder(URI.create(slot.getUploadUrl())).timeout(TIMEOUT)
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(image.png())).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("upload interrupted", e);
            }
            if (sent.statusCode() != 200) {
                throw new IOException("upload of " + image.fileName() + " answered HTTP " + sent.statusCode());
            }
            files.add(FileDetails.builder().id(slot.getFileId()).title(image.altText()).build());
        }
        FilesCompleteUploadExternalResponse done = methods.filesCompleteUploadExternal(r -> r
                .files(files).channelId(channel.id()));
        if (!done.isOk()) {
            throw new IOException("files.completeUploadExternal: " + done.getError());
        }
    }
}
