package dev.opsbot;

import dev.opsbot.command.CommandCatalog;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.incident.IncidentCommands;
import java.util.List;

/**
 * The list of every command root. It needs no database, so the Slack manifest and the Discord
 * registration can be printed from it without starting anything.
 */
public final class OpsbotCatalog {

    private OpsbotCatalog() {
    }

    public static List<CommandRoot<?>> roots() {
        return List.of(IncidentCommands.ROOT);
    }

    public static CommandCatalog standard() {
        return new CommandCatalog(roots());
    }
}
