package dev.opsbot.app.discord;

import dev.opsbot.access.SeenGroups;
import dev.opsbot.chat.Outbox;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Suggestions;
import dev.opsbot.discord.ButtonCommands;
import dev.opsbot.discord.DiscordBot;
import dev.opsbot.discord.DiscordSettings;
import org.springframework.context.SmartLifecycle;

/**
 * Logs in to Discord once the application is up, so interactions arriving over the gateway find
 * every bean ready, and leaves the gateway cleanly on shutdown. A bot that cannot log in or
 * register its commands stops the application with the reason.
 */
final class DiscordConnection implements SmartLifecycle {

    private final DiscordSettings settings;
    private final CommandRouter router;
    private final Outbox outbox;
    private final Suggestions suggestions;
    private final ButtonCommands buttons;
    private final SeenGroups groups;
    private volatile DiscordBot bot;

    DiscordConnection(DiscordSettings settings, CommandRouter router, Outbox outbox, Suggestions suggestions,
            ButtonCommands buttons, SeenGroups groups) {
        this.groups = groups;
        this.settings = settings;
        this.router = router;
        this.outbox = outbox;
        this.suggestions = suggestions;
        this.buttons = buttons;
    }

    @Override
    public synchronized void start() {
        if (bot == null) {
            bot = DiscordBot.start(settings, router, outbox, suggestions, buttons, groups);
        }
    }

    @Override
    public synchronized void stop() {
        if (bot != null) {
            bot.close();
            bot = null;
        }
    }

    @Override
    public boolean isRunning() {
        return bot != null;
    }
}
