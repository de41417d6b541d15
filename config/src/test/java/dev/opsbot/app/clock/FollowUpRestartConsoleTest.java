package dev.opsbot.app.clock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.ConsoleScript;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A follow-up scheduled a minute ahead, with the app restarted in between, pings exactly once",
 * with seconds instead of a minute: the first run snoozes the reminder a few seconds ahead and
 * quits; the second run's Quartz clock fires it while the terminal is still open.
 */
class FollowUpRestartConsoleTest {

    private static final String REMINDER = "Reminder: INC-1 · sev1 · checkout down";

    @TempDir
    Path dataDir;

    @Test
    void aFollowUpDueAfterARestartPingsOnceThroughTheRealClock() throws Exception {
        ConsoleScript app = new ConsoleScript(dataDir);
        String first = app.run("""
                /as alice
                /incident declare sev1 checkout down
                /followup snooze FU-1 3s
                """);
        assertThat(first).contains("FU-1 snoozed until").doesNotContain(REMINDER);

        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream terminalIn = new PipedInputStream(typing);
        Watch out = new Watch(REMINDER);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> app.run(terminalIn, out));

        assertThat(out.seen.await(30, TimeUnit.SECONDS)).as("the reminder was posted after the restart").isTrue();
        typing.write("/followup list\n".getBytes(StandardCharsets.UTF_8));
        typing.close();
        String transcript = second.get(30, TimeUnit.SECONDS);

        assertThat(transcript.split(REMINDER, -1)).hasSize(2);
        assertThat(transcript).contains("FU-1 · INC-1 · sev1 · checkout down: not acknowledged, no recent update");
    }

    /** The terminal's output, which says when a line appears instead of being polled for it. */
    private static final class Watch extends ByteArrayOutputStream {
        final CountDownLatch seen = new CountDownLatch(1);
        private final String marker;

        Watch(String marker) {
            this.marker = marker;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            if (toString(StandardCharsets.UTF_8).contains(marker)) {
                seen.countDown();
            }
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
        }
    }
}
