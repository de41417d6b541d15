package dev.opsbot.bench;

import dev.opsbot.incident.Incidents;
import dev.opsbot.store.MongoCounters;
import dev.opsbot.store.MongoStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up as a person sees it: the application jar launched in a fresh JVM, exactly as the README
 * runs it. The console is timed to its prompt — a piped session prints the prompt with the echoed
 * first line, so the first byte on standard output — and server mode to {@code /actuator/health}
 * answering UP.
 */
final class StartupTimes {

    private final Path jar;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    StartupTimes(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is not there; build it with ./mvnw -B -q package -DskipTests");
        }
        this.jar = jar;
    }

    /** A data directory whose embedded store holds {@code incidents} archived incidents and a working set. */
    static Path seededDataDir(int incidents) throws IOException {
        Path dir = Files.createTempDirectory("opsbot-bench-data");
        if (incidents > 0) {
            try (MongoStore store = MongoStore.embedded(dir)) {
                Seeding.seed(store.database(), Incidents.inMongo(store.database(), new MongoCounters(store.database())),
                        incidents, 0);
            }
        }
        return dir;
    }

    /** Seconds from launch to the console's prompt, one value per run. */
    List<Double> consolePrompt(Path dataDir, int runs) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ProcessBuilder launch = command(dataDir);
            launch.environment().remove("SLACK_BOT_TOKEN");
            launch.environment().remove("DISCORD_TOKEN");
            long start = System.nanoTime();
            Process p = launch.redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream(); InputStream out = p.getInputStream()) {
                in.write("/quit\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
                if (out.read() < 0) {
                    throw new IllegalStateException("the console printed nothing; exit " + p.waitFor());
                }
                seconds.add((System.nanoTime() - start) / 1e9);
                out.transferTo(OutputStream.nullOutputStream());
            }
            finish(p);
        }
        return seconds;
    }

    /** Seconds from launch to {@code /actuator/health} answering UP in server mode (Slack on), one value per run. */
    List<Double> serverHealthy(Path dataDir, int runs) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            int port = freePort();
            ProcessBuilder launch = command(dataDir);
            launch.environment().putAll(Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET",
                    RunningApp.SECRET, "SERVER_PORT", Integer.toString(port), "SERVER_ADDRESS", "127.0.0.1"));
            URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
            long start = System.nanoTime();
            Process p = launch.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                while (!up(health)) {
                    if (!p.isAlive() || System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                        throw new IllegalStateException("server mode never became healthy");
                    }
                    Thread.sleep(20);
                }
                seconds.add((System.nanoTime() - start) / 1e9);
            } finally {
                p.destroy();
                finish(p);
            }
        }
        return seconds;
    }

    private ProcessBuilder command(Path dataDir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder launch = new ProcessBuilder(java, "-jar", jar.toString());
        launch.environment().put("OPSBOT_DATA_DIR", dataDir.toString());
        return launch;
    }

    private boolean up(URI health) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void finish(Process p) throws InterruptedException {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
