package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The start-up check reads every setting from the environment, as Spring hands it over. */
class SettingsCheckTest {

    @TempDir
    Path dir;

    private void check(Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(Map.of("opsbot.data-dir", dir.resolve("data").toString()));
        all.putAll(values);
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", all));
        new SettingsCheck().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(),
                new SpringApplication(), new String[0], env));
    }

    @Test
    void goodSettingsPass() {
        assertThatCode(() -> check(Map.of("opsbot.timezone", "Europe/London", "opsbot.followup.stale.sev1", "10m",
                "SLACK_BOT_TOKEN", "xoxb", "opsbot.incident-channel", "C042"))).doesNotThrowAnyException();
    }

    @Test
    void aStaleTimeForNoSeverityIsRefusedWithTheVariable() {
        assertThatThrownBy(() -> check(Map.of("opsbot.followup.stale.sev9", "10m"))).isInstanceOf(BadSetting.class)
                .hasMessageStartingWith("OPSBOT_FOLLOWUP_STALE_SEV9=PT10M is not usable");
    }

    @Test
    void theDataDirectoryIsCheckedOnlyWhenTheEmbeddedStoreIsUsed() throws Exception {
        String file = Files.writeString(dir.resolve("file"), "x").toString();
        assertThatThrownBy(() -> check(Map.of("opsbot.data-dir", file))).isInstanceOf(BadSetting.class)
                .hasMessageStartingWith("OPSBOT_DATA_DIR=");
        assertThatCode(() -> check(Map.of("opsbot.data-dir", file, "MONGODB_URI", "mongodb://db/opsbot")))
                .doesNotThrowAnyException();
    }

    @Test
    void aBareChannelWithBothChatPlatformsIsRefusedButNotInTheConsole() {
        assertThatThrownBy(() -> check(Map.of("SLACK_BOT_TOKEN", "xoxb", "DISCORD_TOKEN", "d",
                "opsbot.incident-channel", "C042"))).hasMessageStartingWith("OPSBOT_INCIDENT_CHANNEL=C042");
        assertThatCode(() -> check(Map.of("SLACK_BOT_TOKEN", "xoxb", "DISCORD_TOKEN", "d", "opsbot.mode", "console",
                "opsbot.incident-channel", "C042"))).doesNotThrowAnyException();
    }

    @Test
    void aBadPrometheusUrlStopsStartUp() {
        assertThatThrownBy(() -> check(Map.of("opsbot.prometheus.url", "localhost:9090"))).rootCause().isInstanceOf(BadSetting.class)
                .hasMessageStartingWith("OPSBOT_PROMETHEUS_URL=localhost:9090 is not usable");
        assertThatCode(() -> check(Map.of("opsbot.prometheus.url", "http://127.0.0.1:9090"))).doesNotThrowAnyException();
    }
}
