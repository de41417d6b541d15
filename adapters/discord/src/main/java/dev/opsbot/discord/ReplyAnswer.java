package dev.opsbot.discord;

import dev.opsbot.chat.Reply;
import java.util.function.Consumer;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers with a new message: public or, for refusals and private replies, ephemeral. */
final class ReplyAnswer implements Answering.Answer {

    private static final Logger log = LoggerFactory.getLogger(ReplyAnswer.class);

    private final IReplyCallback interaction;
    private final DiscordReplies replies;

    ReplyAnswer(IReplyCallback interaction, DiscordReplies replies) {
        this.interaction = interaction;
        this.replies = replies;
    }

    @Override
    public void now(Reply reply) {
        interaction.reply(replies.create(reply)).setEphemeral(reply.isPrivate())
                .queue(null, warn("Discord did not take the reply to interaction"));
    }

    @Override
    public void defer() {
        interaction.deferReply(false).queue(null, warn("Discord did not take the deferral of"));
    }

    @Override
    public void later(Reply reply) {
        InteractionHook hook = interaction.getHook();
        if (!reply.isPrivate()) {
            hook.editOriginal(replies.edit(reply)).queue(null, warn("could not edit the answer to"));
            return;
        }
        // The public "thinking…" message cannot turn private: remove it, then answer privately.
        // Chained, because a follow-up sent while it still exists would replace it in public.
        hook.deleteOriginal()
                .flatMap(done -> hook.sendMessage(replies.create(reply)).setEphemeral(true))
                .queue(null, warn("could not privately answer"));
    }

    /** A failed answer is logged, never thrown: the command itself has already run. */
    private Consumer<Throwable> warn(String what) {
        return e -> log.warn("{} {}: {}", what, interaction.getId(), e.toString());
    }
}
