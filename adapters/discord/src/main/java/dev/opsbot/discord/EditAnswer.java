package dev.opsbot.discord;

import dev.opsbot.chat.Reply;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a button by editing the message it sits on; private answers go to the clicker alone. */
final class EditAnswer implements Answering.Answer {

    private static final Logger log = LoggerFactory.getLogger(EditAnswer.class);

    private final ButtonInteractionEvent click;
    private final DiscordReplies replies;

    EditAnswer(ButtonInteractionEvent click, DiscordReplies replies) {
        this.click = click;
        this.replies = replies;
    }

    @Override
    public void now(Reply reply) {
        if (reply.isPrivate()) {
            click.reply(replies.create(reply)).setEphemeral(true).queue(null, this::warn);
        } else {
            click.editMessage(replies.edit(reply)).queue(null, this::warn);
        }
    }

    @Override
    public void defer() {
        click.deferEdit().queue(null, this::warn);
    }

    @Override
    public void later(Reply reply) {
        if (reply.isPrivate()) {
            click.getHook().sendMessage(replies.create(reply)).setEphemeral(true).queue(null, this::warn);
        } else {
            click.getHook().editOriginal(replies.edit(reply)).queue(null, this::warn);
        }
    }

    private void warn(Throwable e) {
        log.warn("Discord did not take the answer to button click {}: {}", click.getId(), e.toString());
    }
}
