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

    /** The process's exit status when {@code words} name one of these commands (run here), else null. */
    static Integer printAndExit(List<String> words, PrintStream out, PrintStream err, Map<String, String> env) {
        if (words.contains("slack-manifest")) {
            out.print(SlackManifest.render(OpsbotCatalog.standard(), env));
            out.flush();
            return 0;
        }
        if (words.contains("audit-export")) {
            return dev.opsbot.app.access.AuditExportCommand.run(words, out, err, env, java.time.Clock.systemUTC());
        }
        if (words.stream().filter(w -> !w.startsWith("--")).findFirst().filter("assets"::equals).isPresent()) {
            return dev.opsbot.app.asset.AssetsCommand.run(words, out, err, env, java.time.Clock.systemUTC());
        }
        if (words.contains("discord-commands")) {
            out.println(DiscordRegistration.json(OpsbotCatalog.standard()));
            return 0;
        }
        return null;
    }
}
