package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.incident.SeededIncidents;
import dev.opsbot.store.MongoStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application in a 512 MB heap on a store holding 100,000 incidents of history and a working
 * set of 300: started as its own process, exactly as an operator starts the console, it lists,
 * acknowledges and declares.
 */
class HundredThousandIncidentsTest {

    private static final int ARCHIVED = 99_700;
    private static final int WORKING = 300;

    @TempDir
    Path dataDir;

    @Test
    void listsAcknowledgesAndDeclaresWithin512MegabytesAtAHundredThousandIncidents() throws Exception {
        long seeding = System.nanoTime();
        Files.copy(seededStore(), dataDir.resolve("opsbot.mv"));
        System.out.printf("a store of %,d incidents ready in %d ms%n", ARCHIVED + WORKING, millisSince(seeding));
        String firstOpen = "INC-" + (ARCHIVED + 1);
        String script = String.join("\n",
                "/incident list",
                "/incident list --open --page 2",
                "/incident ack " + firstOpen,
                "/incident declare sev2 \"declared on a large store\"",
                "/incident history",
                "/incident show INC-1234",
                "/quit") + "\n";

        long running = System.nanoTime();
        Process app = start();
        try (OutputStream in = app.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        byte[] printed = app.getInputStream().readAllBytes();
        assertThat(app.waitFor(3, TimeUnit.MINUTES)).as("the application exits after /quit").isTrue();
        String out = new String(printed, StandardCharsets.UTF_8);
        String errors = Files.readString(dataDir.resolve("stderr.txt"));
        System.out.printf("the console session ran in %d ms%n", millisSince(running));

        assertThat(app.exitValue()).as("exit code; stderr: %s", errors).isZero();
        assertThat(errors).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
        assertThat(out)
                .contains("Showing 1–25 of 300 incidents")
                .contains("Showing 26–50 of 150 incidents")
                .contains("Acknowledged by")
                .contains("INC-100001 · sev2 · declared on a large store")
                .contains("History: INC-100001 to INC-99982")
                .contains("About 100,001 incidents in all")
                .contains("INC-1234 · ")
                .doesNotContain("Sorry");
    }

    /**
     * The seeded store file. Seeding 100,000 incidents takes most of this test's time, so the file
     * is kept under target/ and reused while the code that wrote it is unchanged: it is named by a
     * hash of the classes that decide its content, and only on the day it was seeded (its working set
     * is hours old; in a week the nightly archiving would move part of it). Seeded in a scratch directory and moved into
     * place, so an interrupted run never leaves a partial store behind.
     */
    private static Path seededStore() throws IOException {
        Path cached = Path.of("target", "seeded-stores", "incidents-" + ARCHIVED + "-" + WORKING + "-"
                + LocalDate.now(ZoneOffset.UTC) + "-"
                + classesHash(SeededIncidents.class, "SeededIncidents", "MongoIncidents", "Incident") + ".mv");
        if (Files.exists(cached)) {
            return cached;
        }
        Path scratch = Files.createTempDirectory("opsbot-seed");
        long started = System.nanoTime();
        Duration cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        try (MongoStore store = MongoStore.embedded(scratch)) {
            SeededIncidents.seed(store.database(), ARCHIVED, WORKING, Instant.now());
        }
        Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).minus(cpuBefore);
        System.out.printf("seeded %,d incidents in %d ms (%d ms of CPU)%n", ARCHIVED + WORKING, millisSince(started),
                cpu.toMillis());
        Files.createDirectories(cached.getParent());
        Files.move(scratch.resolve("opsbot.mv"), cached, StandardCopyOption.ATOMIC_MOVE);
        return cached;
    }

    private static String classesHash(Class<?> anchor, String... simpleNames) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : simpleNames) {
                try (InputStream in = anchor.getResourceAsStream(name + ".class")) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Process start() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), OpsbotApplication.class.getName(), "--console"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(dataDir.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_")
                || k.startsWith("OPSBOT_") || k.equals("MONGODB_URI"));
        builder.environment().put("OPSBOT_DATA_DIR", dataDir.toString());
        return builder.start();
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
