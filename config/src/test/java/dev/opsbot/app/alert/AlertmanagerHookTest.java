package dev.opsbot.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.alert.AlertGroup;
import dev.opsbot.alert.AlertGroups;
import dev.opsbot.alert.WebhookBodies;
import dev.opsbot.alert.WebhookBodies.Sent;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.incident.IncidentStatus;
import dev.opsbot.incident.Incidents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The webhook in a running server: what it refuses, and one group through declare, repeat and resolve. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertmanagerHookTest {

    private static final String TOKEN = "s3cret-token";
    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;
    private ConfigurableApplicationContext app;
    private URI hook;

    @BeforeAll
    void start() {
        SpringApplication application = new SpringApplication(OpsbotApplication.class);
        application.setDefaultProperties(Map.of("opsbot.mode", "server"));
        app = application.run("--server.port=0", "--server.address=127.0.0.1", "--opsbot.data-dir=" + dataDir,
                "--OPSBOT_ALERTMANAGER_TOKEN=" + TOKEN);
        hook = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                + AlertConfiguration.HOOK_PATH);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private HttpResponse<String> post(String authorization, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(hook).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(body);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post("Bearer " + TOKEN, HttpRequest.BodyPublishers.ofString(body));
    }

    private static String group(String key, Sent... alerts) {
        return WebhookBodies.body(key, Map.of("alertname", "HighLatency", "service", "payments"), List.of(alerts));
    }

    @Test
    void aMissingOrWrongTokenIs401AndNothingIsRead() throws Exception {
        String body = group("g-auth", Sent.firing("a", T0, Map.of("alertname", "HighLatency")));
        assertThat(post(null, HttpRequest.BodyPublishers.ofString(body)).statusCode()).isEqualTo(401);
        HttpResponse<String> wrong = post("Bearer nope", HttpRequest.BodyPublishers.ofString(body));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(post("Basic " + TOKEN, HttpRequest.BodyPublishers.ofString(body)).statusCode()).isEqualTo(401);
        assertThat(app.getBean(AlertGroups.class).find(AlertGroup.idOf("g-auth"))).as("nothing was read").isEmpty();
    }

    @Test
    void junkIs400WithTheReasonNever500() throws Exception {
        HttpResponse<String> notJson = post("<xml/>");
        HttpResponse<String> wrongVersion = post("{\"version\":\"3\",\"groupKey\":\"g\",\"alerts\":[]}");
        HttpResponse<String> notUtf8 = post("Bearer " + TOKEN,
                HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).isEqualTo("body is not a JSON object\n");
        assertThat(wrongVersion.statusCode()).isEqualTo(400);
        assertThat(wrongVersion.body()).isEqualTo("version must be \"4\"\n");
        assertThat(notUtf8.statusCode()).isEqualTo(400);
        assertThat(notUtf8.body()).isEqualTo("body is not UTF-8\n");
    }

    @Test
    void anOversizeBodyIs413() throws Exception {
        byte[] big = new byte[AlertmanagerEndpoint.MAX_BODY + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(post("Bearer " + TOKEN, HttpRequest.BodyPublishers.ofByteArray(big)).statusCode()).isEqualTo(413);
    }

    @Test
    void aGroupDeclaresOnceIgnoresARepeatAndIsMitigatedWhenResolved() throws Exception {
        Sent a = Sent.firing("f1", T0, Map.of("alertname", "HighLatency", "pod", "p1"));

        HttpResponse<String> first = post(group("g-life", a));
        HttpResponse<String> repeat = post(group("g-life", a));
        HttpResponse<String> resolved = post(group("g-life", a.resolved()));

        assertThat(first.statusCode()).isEqualTo(200);
        String id = first.body().strip().replace("opened ", "");
        assertThat(id).matches("INC-\\d+");
        assertThat(repeat.body()).isEqualTo("nothing new for " + id + "\n");
        assertThat(resolved.body()).isEqualTo("updated " + id + ": 1 resolved\n");
        var incident = app.getBean(Incidents.class).find(id).orElseThrow();
        assertThat(incident.status()).isEqualTo(IncidentStatus.MITIGATED);
        assertThat(incident.service()).isEqualTo("payments");
    }
}
