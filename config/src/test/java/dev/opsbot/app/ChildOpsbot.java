package dev.opsbot.app;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real application in a process of its own, started as {@code java -cp … OpsbotApplication}
 * with this test's classpath (or as {@code java -jar} with the jar named by {@code -Dopsbot.jar}),
 * so a test can kill it as an operating system would.
 */
final class ChildOpsbot {

    private final Process process;
    private final int port;
    private final Path log;

    private ChildOpsbot(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the app with {@code env} added to this process's environment and waits until it is healthy. */
    static ChildOpsbot start(Map<String, String> env, Path log, Duration patience) throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("opsbot.jar");
        ProcessBuilder builder = new ProcessBuilder(jar != null
                ? List.of(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar)
                : List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-cp",
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        OpsbotApplication.class.getName()));
        List.of("MONGODB_URI", "DISCORD_TOKEN", "SLACK_APP_TOKEN").forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        ChildOpsbot child = new ChildOpsbot(builder.start(), port, log);
        child.awaitHealthy(patience);
        return child;
    }

    URI events() {
        return URI.create("http://127.0.0.1:" + port + "/slack/events");
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM; returns how long the process took to exit. */
    Duration terminate(Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("no exit within " + patience + " of SIGTERM; log: " + log);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void awaitHealthy(Duration patience) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("opsbot exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in start-up
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        process.destroyForcibly();
        throw new AssertionError("opsbot not healthy within " + patience + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
