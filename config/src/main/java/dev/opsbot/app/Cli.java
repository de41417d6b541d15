package dev.opsbot.app;

import dev.opsbot.OpsbotCatalog;
import dev.opsbot.discord.DiscordRegistration;
import dev.opsbot.slack.SlackManifest;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Commands that print something generated from the catalog and exit, starting nothing. */
final class Cli {

    private Cli() {
    }

    static boolean printAndExit(List<String> words, PrintStream out, Map<String, String> env) {
        if (words.contains("slack-manifest")) {
            out.print(SlackManifest.render(OpsbotCatalog.standard(), env));
            out.flush();
            return true;
        }
        if (words.contains("audit-export")) {
            return dev.opsbot.app.access.AuditExportCommand.run(words, out, System.err, env, java.time.Clock.systemUTC());
        }
        if (words.contains("discord-commands")) {
            out.println(DiscordRegistration.json(OpsbotCatalog.standard()));
            return true;
        }
        return false;
    }
}
