package dev.opsbot.discord;

import dev.opsbot.chat.ChannelPoster;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;

/**
 * Posts outbox messages to Discord channels through JDA's REST client, which waits out rate
 * limits (429 with Retry-After) by itself. Other 4xx answers (unknown channel, missing access)
 * will never succeed and are permanent; server errors and network failures may be tried again.
 *
 * <p>Each post carries a nonce made from its idempotency key, and JDA always sends
 * {@code enforce_nonce: true}: Discord then answers a repeat within a few minutes with the message
 * it already created instead of a second one, which closes the window of a post that was under
 * way when the process stopped. Discord allows five messages per five seconds per channel; the
 * pace is one a second, and a roundup lists at most {@link #PER_POST} lines, which fit an embed.
 */
final class DiscordPoster implements ChannelPoster {

    // Below the outbox lease, so a slow post cannot outlive its claim.
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int PER_POST = 20;
    private static final Pace PACE = new Pace(Duration.ofSeconds(1), PER_POST);
    private static final int NONCE_MAX = 25;

    private final JDA jda;
    private final DiscordReplies replies;

    DiscordPoster(JDA jda, DiscordReplies replies) {
        this.jda = jda;
        this.replies = replies;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public Pace pace() {
        return PACE;
    }

    @Override
    public void post(ChannelRef channel, Reply message) throws DeliveryFailure {
        post(channel, message, null);
    }

    @Override
    public void post(ChannelRef channel, Reply message, String key) throws DeliveryFailure {
        send(target(channel), message, key, null);
    }

    @Override
    public boolean edits() {
        return true;
    }

    /** The opening's message id is how later parts edit it and reply to it. */
    @Override
    public String open(ChannelRef channel, Reply message, String key) throws DeliveryFailure {
        return send(target(channel), message, key, null);
    }

    /**
     * Edits the opening (PATCH) and posts the line as a reply referencing it. An opening someone
     * deleted is replaced by a fresh card, which already says what happened.
     */
    @Override
    public String retell(ChannelRef channel, String ref, Reply card, Reply line, String key) throws DeliveryFailure {
        MessageChannel target = target(channel);
        try {
            completed(() -> target.editMessageById(ref, replies.edit(card))
                    .timeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).complete().getId());
        } catch (Gone gone) {
            return send(target, card, key, null);
        }
        if (line != null) {
            send(target, line, key, ref);
        }
        return null;
    }

    private MessageChannel target(ChannelRef channel) throws DeliveryFailure {
        if (jda.getStatus() != JDA.Status.CONNECTED) {
            throw DeliveryFailure.retryable("not connected to Discord (" + jda.getStatus() + ")", null);
        }
        MessageChannel target = channel.id().matches("\\d{1,20}")
                ? jda.getChannelById(MessageChannel.class, channel.id()) : null;
        if (target == null) {
            throw DeliveryFailure.permanent("no Discord channel " + channel.id() + " that the bot can see");
        }
        return target;
    }

    /** Sends, as a reply to {@code replyTo} unless it is null; returns the new message's id. */
    private String send(MessageChannel target, Reply message, String key, String replyTo) throws DeliveryFailure {
        return completed(() -> {
            MessageCreateAction send = target.sendMessage(replies.create(message));
            if (key != null) {
                send.setNonce(nonce(key));
            }
            if (replyTo != null) {
                send.setMessageReference(replyTo).failOnInvalidReply(false);
            }
            return send.timeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).complete().getId();
        });
    }

    private static String completed(Supplier<String> request) throws DeliveryFailure {
        try {
            return request.get();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE) {
                throw new Gone(e.getMeaning());
            }
            int status = e.getResponse() == null ? -1 : e.getResponse().code;
            if (status >= 400 && status < 500 && status != 429) {
                throw DeliveryFailure.permanent("Discord refused the message: " + e.getErrorCode() + " " + e.getMeaning());
            }
            throw DeliveryFailure.retryable("Discord answered " + status + ": " + e.getMeaning(), null);
        } catch (RuntimeException e) {
            throw DeliveryFailure.retryable("posting to Discord failed: " + e, null);
        }
    }

    /** Discord takes nonces of up to 25 characters; the key's SHA-256 in hex, cut to that, is unique enough. */
    static String nonce(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, NONCE_MAX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The message to edit is no longer there; {@link #retell} posts a fresh one instead. */
    private static final class Gone extends RuntimeException {
        Gone(String meaning) {
            super(meaning, null, false, false);
        }
    }
}
