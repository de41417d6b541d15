package dev.opsbot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.RefusalLog;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Invocation;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A click on one of opsbot's buttons: runs the button's command line as the person who clicked,
 * then updates the message the button sat on with the new state. A private answer (a refusal,
 * a personal view) goes to the clicker alone and leaves the message as it was. Slack is
 * acknowledged at once; the work happens on a worker. A click missing who, where or which button
 * (only possible over Socket Mode: the HTTP endpoint refuses it first) is acknowledged and dropped.
 * Charts of a channel answer are shared in the channel after it (see {@link CommandCharts}).
 */
final class ButtonClicks implements BlockActionHandler {

    private static final Logger log = LoggerFactory.getLogger(ButtonClicks.class);

    private final CommandRouter router;
    private final Executor work;
    private final ResponseUrls responses;
    private final MethodsClient methods;
    private final RefusalLog refusals;
    private final SlackUploads uploads;

    ButtonClicks(CommandRouter router, Executor work, ResponseUrls responses, MethodsClient methods,
            RefusalLog refusals, SlackUploads uploads) {
        this.router = router;
        this.work = work;
        this.responses = responses;
        this.methods = methods;
        this.refusals = refusals;
        this.uploads = uploads;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload p = request.getPayload();
        Optional<String> malformed = SlackPayloads.problem(p);
        if (malformed.isPresent()) {
            refusals.refused(400, malformed.get(), request.getClientIpAddress());
            return ctx.ack();
        }
        BlockActionPayload.Action action = p.getActions().get(0);
        String channelId = SlackPayloads.channelOf(p);
        String userName = p.getUser().getUsername() != null ? p.getUser().getUsername() : p.getUser().getName();
        // One person clicking one rendering of a button twice is one request; another person's
        // click on it is their own request, so a click refused to one person (not theirs to
        // answer) leaves the button working for the right one. The block id changes each time the
        // message is redrawn, so a later click on the updated message is a new request too.
        String requestId = "slack:click:" + channelId + ":" + p.getContainer().getMessageTs() + ":"
                + action.getBlockId() + ":" + action.getActionId() + ":" + p.getUser().getId();
        Invocation invocation = new Invocation(new Actor(Platform.SLACK, p.getUser().getId(), userName),
                new ChannelRef(Platform.SLACK, channelId, p.getChannel() == null ? null : p.getChannel().getName()),
                action.getValue(), requestId);
        work.execute(() -> answer(p, invocation));
        return ctx.ack();
    }

    private void answer(BlockActionPayload p, Invocation invocation) {
        String channelId = invocation.channel().id();
        Reply reply;
        try {
            reply = router.handle(invocation);
        } catch (RuntimeException | Error e) {
            reply = CommandRouter.apology("slack command failed line=" + invocation.line(), e);
        }
        BlockKit.Message m = BlockKit.render(CommandCharts.shown(reply));
        BlockActionPayload.Container container = p.getContainer();
        if (reply.isPrivate()) {
            respond(p.getResponseUrl(), "ephemeral", false, m);
        } else if (container.isEphemeral()) {
            // Only the clicker could see the original; the new state is for the whole channel.
            respond(p.getResponseUrl(), "in_channel", false, m);
        } else if (container.getMessageTs() == null || !update(channelId, container.getMessageTs(), m)) {
            respond(p.getResponseUrl(), "in_channel", true, m);
        }
        if (CommandCharts.toShare(reply)) {
            uploads.shareAfter(invocation.channel(), reply.images());
        }
    }

    private void respond(String url, String responseType, boolean replaceOriginal, BlockKit.Message m) {
        responses.send(url, ActionResponse.builder().responseType(responseType)
                .replaceOriginal(replaceOriginal).text(m.text()).blocks(m.blocks()).build());
    }

    /** chat.update on the original; false when Slack will not let the bot edit it (e.g. not its own message). */
    private boolean update(String channelId, String ts, BlockKit.Message m) {
        try {
            ChatUpdateResponse r = methods.chatUpdate(u -> u.channel(channelId).ts(ts).text(m.text()).blocks(m.blocks()));
            if (!r.isOk()) {
                log.info("chat.update refused ({}); replacing through response_url", r.getError());
            }
            return r.isOk();
        } catch (Exception e) {
            log.warn("chat.update failed ({}); replacing through response_url", e.toString());
            return false;
        }
    }
}
