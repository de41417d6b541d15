package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.OpsbotCatalog;
import dev.opsbot.command.CommandRoot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's /help lists every command in the catalog's order, whatever order Spring wires them in. */
class HelpOrderTest {

    @TempDir
    Path dataDir;

    @Test
    void helpListsTheRootsAsTheCatalogOrdersThem() {
        String printed = new ConsoleScript(dataDir).run("/help\n");
        Matcher row = Pattern.compile("(?m)^  • /([a-z]+) — ").matcher(printed);
        List<String> listed = new ArrayList<>();
        while (row.find()) {
            listed.add(row.group(1));
        }
        assertThat(listed).isEqualTo(OpsbotCatalog.roots().stream().map(CommandRoot::name).toList());
    }
}
