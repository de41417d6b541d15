package dev.opsbot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.RefusalLog;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Invocation;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every slash command (the router answers one it does not know). It runs on a worker; if it
 * answers within the ack budget the answer is the ack itself, otherwise Slack gets an empty ack at
 * once and the answer follows through {@code response_url}. Slack's trigger id names the request, so a retried
 * delivery of the same command is recognised by the router and not carried out twice. A command
 * missing who, where or its trigger (only possible over Socket Mode: the HTTP endpoint refuses it
 * first) is acknowledged and dropped, with one rate-limited log line. An answer with charts for the
 * channel goes through {@code response_url} even when it is quick, so that its charts can follow it
 * in order (see {@link CommandCharts}).
 */
final class SlashCommands implements SlashCommandHandler {

    private final CommandRouter router;
    private final Executor work;
    private final Duration budget;
    private final ResponseUrls responses;
    private final RefusalLog refusals;
    private final SlackUploads uploads;

    SlashCommands(CommandRouter router, Executor work, Duration budget, ResponseUrls responses,
            RefusalLog refusals, SlackUploads uploads) {
        this.router = router;
        this.work = work;
        this.budget = budget;
        this.responses = responses;
        this.refusals = refusals;
        this.uploads = uploads;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload p = request.getPayload();
        Optional<String> malformed = SlackPayloads.problem(p);
        if (malformed.isPresent()) {
            refusals.refused(400, malformed.get(), request.getClientIpAddress());
            return ctx.ack();
        }
        Invocation invocation = new Invocation(
                new Actor(Platform.SLACK, p.getUserId(), p.getUserName()),
                new ChannelRef(Platform.SLACK, p.getChannelId(), p.getChannelName()),
                p.getCommand() + " " + SlackText.typed(p.getText()),
                "slack:command:" + p.getTriggerId());
        CompletableFuture<Reply> answer = CompletableFuture.supplyAsync(() -> router.handle(invocation), work);
        String url = p.getResponseUrl();
        try {
            Reply reply = answer.get(budget.toMillis(), TimeUnit.MILLISECONDS);
            if (CommandCharts.toShare(reply)) {
                // Nothing can be sent after the ack in a known order, so this answer goes through response_url.
                work.execute(() -> answer(url, invocation, reply));
                return ctx.ack();
            }
            return ctx.ack(response(reply));
        } catch (TimeoutException slow) {
            answer.whenComplete((reply, failure) -> {
                if (failure != null) {
                    responses.send(url, response(apology(invocation, failure)));
                } else {
                    answer(url, invocation, reply);
                }
            });
            return ctx.ack();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.ack(response(apology(invocation, e)));
        } catch (ExecutionException e) {
            return ctx.ack(response(apology(invocation, e.getCause())));
        }
    }

    /** The answer through response_url, then its charts shared in the command's channel. */
    private void answer(String url, Invocation invocation, Reply reply) {
        responses.send(url, response(reply));
        if (CommandCharts.toShare(reply)) {
            uploads.shareAfter(invocation.channel(), reply.images());
        }
    }

    static SlashCommandResponse response(Reply reply) {
        BlockKit.Message m = BlockKit.render(CommandCharts.shown(reply));
        return SlashCommandResponse.builder()
                .responseType(reply.isPrivate() ? "ephemeral" : "in_channel")
                .text(m.text())
                .blocks(m.blocks())
                .build();
    }

    private static Reply apology(Invocation invocation, Throwable failure) {
        return CommandRouter.apology("slack command failed line=" + invocation.line(), failure);
    }
}
