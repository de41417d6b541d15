package dev.opsbot.slack;

import dev.opsbot.chat.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts of a command's answer. Slack's ways of answering a command (the ack, response_url)
 * cannot carry files, so a channel answer's charts are shared in the command's channel with the
 * upload flow right after it. A private answer's charts are never shared: the channel would see
 * what only the asker was meant to; the answer says where its chart is shown instead.
 */
final class CommandCharts {

    static final String PRIVATE_NOTE = "The chart is shared only when the answer goes to the channel.";

    private CommandCharts() {
    }

    /** Whether the answer has charts to share in the channel after it. */
    static boolean toShare(Reply reply) {
        return !reply.isPrivate() && !reply.images().isEmpty();
    }

    /** The answer as Slack shows it: a private one with charts gets one line saying where they appear. */
    static Reply shown(Reply reply) {
        if (!reply.isPrivate() || reply.images().isEmpty()) {
            return reply;
        }
        List<String> rows = new ArrayList<>(reply.rows());
        rows.add(PRIVATE_NOTE);
        return new Reply(reply.title(), reply.text(), reply.fields(), rows, reply.buttons(), reply.footer(),
                reply.visibility(), reply.tone(), List.of());
    }
}
