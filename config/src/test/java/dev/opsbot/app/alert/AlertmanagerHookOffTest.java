package dev.opsbot.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.OpsbotApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Without a token nobody can open incidents over HTTP, and start-up says why in one line. */
@ExtendWith(OutputCaptureExtension.class)
class AlertmanagerHookOffTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutATokenTheHookIsNotThereAndStartUpSaysSo(CapturedOutput output) throws Exception {
        SpringApplication application = new SpringApplication(OpsbotApplication.class);
        application.setDefaultProperties(Map.of("opsbot.mode", "server"));
        try (ConfigurableApplicationContext app = application.run("--server.port=0", "--server.address=127.0.0.1",
                "--opsbot.data-dir=" + dataDir)) {
            URI hook = URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")
                    + AlertConfiguration.HOOK_PATH);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(hook)
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer ")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isIn(404, 401);
            assertThat(app.containsBean("alertmanagerHook")).isFalse();
            assertThat(output.getErr().lines().filter(l -> l.contains("Alertmanager webhook is off: set "
                    + "OPSBOT_ALERTMANAGER_TOKEN to take alerts at POST /hooks/alertmanager"))).hasSize(1);
        }
    }
}
