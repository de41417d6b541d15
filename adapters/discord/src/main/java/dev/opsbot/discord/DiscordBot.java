package dev.opsbot.discord;

import dev.opsbot.access.SeenGroups;
import dev.opsbot.chat.Outbox;
import dev.opsbot.chat.Platform;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Suggestions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * opsbot on Discord: logs in over the gateway, overwrites the slash commands with those generated
 * from the catalog, answers interactions through the router and posts the outbox's Discord
 * messages. Close it to leave the gateway cleanly.
 */
public final class DiscordBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    /** How long a command may run before its interaction is deferred; Discord's limit is 3 s. */
    public static final Duration PATIENCE = Duration.ofMillis(1500);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final JDA jda;
    private final ExecutorService events;
    private final ScheduledExecutorService timer;

    private DiscordBot(JDA jda, ExecutorService events, ScheduledExecutorService timer) {
        this.jda = jda;
        this.events = events;
        this.timer = timer;
    }

    public static DiscordBot start(DiscordSettings settings, CommandRouter router, Outbox outbox,
            Suggestions suggestions, ButtonCommands buttons, SeenGroups groups) {
        return start(settings, router, outbox, suggestions, buttons, groups, PATIENCE);
    }

    /**
     * Blocks until the gateway session is ready and the commands are registered. The roles of
     * each member who uses a command are recorded in {@code groups}, which the roles check reads.
     */
    public static DiscordBot start(DiscordSettings settings, CommandRouter router, Outbox outbox,
            Suggestions suggestions, ButtonCommands buttons, SeenGroups groups, Duration patience) {
        DiscordMentions mentions = new DiscordMentions();
        router.useMentions(Platform.DISCORD, mentions);
        DiscordReplies replies = new DiscordReplies(buttons);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("discord-deadline"));
        // Interactions run on their own threads, so a slow command holds up neither the gateway nor others.
        ExecutorService events = Executors.newFixedThreadPool(4, daemon("discord-event"));
        DiscordInteractions interactions = new DiscordInteractions(router, replies, mentions, buttons,
                new Answering(timer, patience), new DiscordAutocomplete(router.catalog(), suggestions), groups);
        CompletableFuture<JDA> ready = new CompletableFuture<>();
        JDA jda = null;
        try {
            jda = JDABuilder.createLight(settings.token(), EnumSet.noneOf(GatewayIntent.class))
                    .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()))
                    .setSessionController(new FixedGateway(settings.gatewayUrl()))
                    // With no intents the gateway carries little; plain JSON keeps proxies and fakes simple.
                    .setCompression(Compression.NONE)
                    .setEventPool(events, false)
                    .setEnableShutdownHook(false)
                    .addEventListeners(interactions, readiness(ready))
                    .build();
            ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            register(jda, settings, router);
            outbox.register(new DiscordPoster(jda, replies));
            log.info("Discord ready as {} ({})", jda.getSelfUser().getName(), settings);
            return new DiscordBot(jda, events, timer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(jda, events, timer);
            throw new IllegalStateException("interrupted while connecting to Discord", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            stop(jda, events, timer);
            throw new IllegalStateException("could not start the Discord bot: " + rootMessage(e), e);
        }
    }


    private static void register(JDA jda, DiscordSettings settings, CommandRouter router) {
        var commands = DiscordRegistration.commands(router.catalog());
        if (settings.guild().isPresent()) {
            Guild guild = jda.getGuildById(settings.guild().get());
            if (guild == null) {
                throw new IllegalStateException("the bot is not in guild " + settings.guild().get()
                        + "; invite it first or unset DISCORD_GUILD_ID");
            }
            guild.updateCommands().addCommands(commands).complete();
            log.info("registered {} slash commands in guild {}", commands.size(), guild.getId());
        } else {
            jda.updateCommands().addCommands(commands).complete();
            log.info("registered {} global slash commands (Discord may take a while to show them)", commands.size());
        }
    }

    @Override
    public void close() {
        stop(jda, events, timer);
    }

    private static void stop(JDA jda, ExecutorService events, ScheduledExecutorService timer) {
        if (jda != null) {
            jda.shutdown();
            try {
                if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
                    jda.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                jda.shutdownNow();
            }
        }
        events.shutdown();
        timer.shutdownNow();
    }

    private static EventListener readiness(CompletableFuture<JDA> ready) {
        return event -> {
            if (event instanceof ReadyEvent r) {
                ready.complete(r.getJDA());
            } else if (event instanceof ShutdownEvent s) {
                ready.completeExceptionally(new IllegalStateException("gateway closed with code " + s.getCode()));
            }
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Connects to the configured gateway instead of asking Discord for one. */
    private static final class FixedGateway extends SessionControllerAdapter {
        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
