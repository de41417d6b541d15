package dev.opsbot.app.alert;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Alertmanager as a child process on a free loopback port: one receiver posts to opsbot's
 * webhook with the bearer token, another (for alerts labelled {@code token="none"}) without it.
 * Groups by alertname and service, and sends within a second of a change.
 */
final class RealAlertmanager implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    static final Path AMTOOL = Path.of("/usr/bin/amtool");

    private final Process process;
    private final Path log;
    final String url;

    private RealAlertmanager(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(AMTOOL);
    }

    static RealAlertmanager start(Path dir, String hook, String token) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, String.join("\n",
                "route:",
                "  receiver: opsbot",
                "  group_by: [alertname, service]",
                "  group_wait: 1s",
                "  group_interval: 1s",
                "  repeat_interval: 1h",
                "  routes:",
                "    - receiver: no-token",
                "      matchers: ['token=\"none\"']",
                "receivers:",
                "  - name: opsbot",
                "    webhook_configs:",
                "      - url: " + hook,
                "        send_resolved: true",
                "        max_alerts: 0",
                "        http_config:",
                "          authorization:",
                "            type: Bearer",
                "            credentials: " + token,
                "  - name: no-token",
                "    webhook_configs:",
                "      - url: " + hook,
                "        send_resolved: true",
                ""));
        Path log = dir.resolve("alertmanager.log");
        Process p = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--log.level=debug")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RealAlertmanager am = new RealAlertmanager(p, log, "http://127.0.0.1:" + port);
        am.awaitReady();
        return am;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("alertmanager exited: " + log());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("alertmanager not ready within 30 s: " + log());
    }

    /** {@code amtool alert add}: labels as {@code name=value}; an end time in the past resolves the alert. */
    void add(Instant end, String... labels) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(AMTOOL.toString(), "--alertmanager.url=" + url, "alert", "add"));
        cmd.addAll(List.of(labels));
        cmd.add("--annotation=summary=p99 above 2s");
        if (end != null) {
            cmd.add("--end=" + end);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("amtool failed: " + out);
        }
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
