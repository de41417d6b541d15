package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.OpsbotCatalog;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandRouter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The print-and-exit commands, and that what they print matches what the running bot serves. */
class CliTest {

    @TempDir
    Path dataDir;

    @Test
    void slackManifestAndDiscordCommandsPrintEveryCatalogRootAndStartNothing() {
        String manifest = print("slack-manifest");
        String discord = print("discord-commands");
        for (CommandRoot<?> root : OpsbotCatalog.roots()) {
            assertThat(manifest).contains("command: \"/" + root.name() + "\"");
            assertThat(discord).containsPattern("\"name\"\\s*:\\s*\"" + root.name() + "\"");
        }
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void theStaticCatalogListsExactlyTheRootsTheRunningBotServes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleMode.Terminal terminal = new ConsoleMode.Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "tester");
        try (var context = OpsbotApplication.application(true, terminal)
                .run("--opsbot.data-dir=" + dataDir)) {
            var served = context.getBean(CommandRouter.class).catalog().roots().stream()
                    .map(CommandRoot::name).sorted().toList();
            var declared = OpsbotCatalog.roots().stream().map(CommandRoot::name).sorted().toList();
            assertThat(served).isEqualTo(declared);
        }
    }

    private String print(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleMode.Terminal terminal = new ConsoleMode.Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "tester");
        Integer exit = OpsbotApplication.run(new String[] {command, "--opsbot.data-dir=" + dataDir}, terminal,
                Map.of());
        assertThat(exit).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
