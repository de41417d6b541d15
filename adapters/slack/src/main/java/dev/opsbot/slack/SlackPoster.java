package dev.opsbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.opsbot.chat.ChannelPoster;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts outbox messages with {@code chat.postMessage} and says which failures are worth another
 * try: rate limits (with Slack's Retry-After), network errors and Slack's own outages. A channel
 * that does not exist, a bot that is not in it or a dead token will not heal by waiting.
 *
 * <p>Slack takes about one message per second per channel, so that is the pace; a flooded channel
 * gets roundups of up to {@link #PER_POST} announcements (short lines, packed into a few sections).
 * {@code chat.postMessage} has no idempotency key: a post whose call was under way when the
 * process died is posted again.
 */
public final class SlackPoster implements ChannelPoster {

    static final int PER_POST = 100;
    private static final Pace PACE = new Pace(Duration.ofSeconds(1), PER_POST);

    private static final Set<String> TRANSIENT = Set.of("ratelimited", "rate_limited", "internal_error",
            "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org");

    /** What chat.update answers for a message that is no longer there. */
    private static final String GONE = "message_not_found";
    private static final Logger LOG = LoggerFactory.getLogger(SlackPoster.class);

    private final MethodsClient methods;
    private final SlackUploads uploads;

    public SlackPoster(MethodsClient methods) {
        this.methods = methods;
        this.uploads = new SlackUploads(methods);
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Pace pace() {
        return PACE;
    }

    @Override
    public void post(ChannelRef channel, Reply message) throws DeliveryFailure {
        send(channel, message, null);
        uploads.shareAfter(channel, message.images());
    }

    @Override
    public boolean edits() {
        return true;
    }

    /** The opening's {@code ts} is how {@code chat.update} and thread replies find it. */
    @Override
    public String open(ChannelRef channel, Reply message, String key) throws DeliveryFailure {
        String ts = send(channel, message, null);
        uploads.shareAfter(channel, message.images());
        return ts;
    }

    /**
     * {@code chat.update} on the opening's {@code ts}, then the line as a reply in its thread. An
     * opening someone deleted is replaced by a fresh card, which already says what happened.
     */
    @Override
    public String retell(ChannelRef channel, String ref, Reply card, Reply line, String key) throws DeliveryFailure {
        BlockKit.Message rendered = BlockKit.render(card);
        ChatUpdateResponse updated = called(() -> methods.chatUpdate(r -> r.channel(channel.id()).ts(ref)
                .text(rendered.text()).blocks(rendered.blocks())));
        if (!updated.isOk() && GONE.equals(updated.getError())) {
            return send(channel, card, null);
        }
        ok(updated);
        if (line != null) {
            send(channel, line, ref);
        }
        return null;
    }

    /** Posts, in the thread of {@code threadTs} unless it is null; returns the new message's ts. */
    private String send(ChannelRef channel, Reply message, String threadTs) throws DeliveryFailure {
        BlockKit.Message rendered = BlockKit.render(message);
        ChatPostMessageResponse response = answered(() -> methods.chatPostMessage(r -> r.channel(channel.id())
                .threadTs(threadTs).text(rendered.text()).blocks(rendered.blocks()).unfurlLinks(false)
                .unfurlMedia(false)));
        return response.getTs();
    }

    private interface Call<T extends SlackApiTextResponse> {
        T make() throws IOException, SlackApiException;
    }

    private static <T extends SlackApiTextResponse> T answered(Call<T> call) throws DeliveryFailure {
        return ok(called(call));
    }

    /** The answer, ok or not; only HTTP and network failures are thrown. */
    private static <T extends SlackApiTextResponse> T called(Call<T> call) throws DeliveryFailure {
        try {
            return call.make();
        } catch (SlackApiException e) {
            throw httpFailure(e);
        } catch (IOException e) {
            throw DeliveryFailure.retryable("network error: " + e.getMessage(), null);
        }
    }

    private static <T extends SlackApiTextResponse> T ok(T response) throws DeliveryFailure {
        if (!response.isOk()) {
            String error = response.getError() == null ? "unknown_error" : response.getError();
            throw TRANSIENT.contains(error)
                    ? DeliveryFailure.retryable("slack said " + error, null)
                    : DeliveryFailure.permanent("slack said " + error);
        }
        return response;
    }

    private static DeliveryFailure httpFailure(SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429) {
            return DeliveryFailure.retryable("rate limited by slack", retryAfter(e.getResponse().header("Retry-After")));
        }
        if (status >= 500) {
            return DeliveryFailure.retryable("slack answered HTTP " + status, null);
        }
        String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError() : "";
        return DeliveryFailure.permanent("slack answered HTTP " + status + (error.isEmpty() ? "" : " " + error));
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds > 0 ? Duration.ofSeconds(Math.min(seconds, 3600)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
