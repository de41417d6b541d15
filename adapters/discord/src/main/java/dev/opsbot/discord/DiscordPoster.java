package dev.opsbot.discord;

import dev.opsbot.chat.ChannelPoster;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;

/**
 * Posts outbox messages to Discord channels through JDA's REST client, which waits out rate
 * limits (429 with Retry-After) by itself. Other 4xx answers (unknown channel, missing access)
 * will never succeed and are permanent; server errors and network failures may be tried again.
 */
final class DiscordPoster implements ChannelPoster {

    // Below the outbox lease, so a slow post cannot outlive its claim.
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

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
    public void post(ChannelRef channel, Reply message) throws DeliveryFailure {
        if (jda.getStatus() != JDA.Status.CONNECTED) {
            throw DeliveryFailure.retryable("not connected to Discord (" + jda.getStatus() + ")", null);
        }
        MessageChannel target = channel.id().matches("\\d{1,20}")
                ? jda.getChannelById(MessageChannel.class, channel.id()) : null;
        if (target == null) {
            throw DeliveryFailure.permanent("no Discord channel " + channel.id() + " that the bot can see");
        }
        try {
            target.sendMessage(replies.create(message)).timeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).complete();
        } catch (ErrorResponseException e) {
            int status = e.getResponse() == null ? -1 : e.getResponse().code;
            if (status >= 400 && status < 500 && status != 429) {
                throw DeliveryFailure.permanent("Discord refused the message: " + e.getErrorCode() + " " + e.getMeaning());
            }
            throw DeliveryFailure.retryable("Discord answered " + status + ": " + e.getMeaning(), null);
        } catch (RuntimeException e) {
            throw DeliveryFailure.retryable("posting to Discord failed: " + e, null);
        }
    }
}
