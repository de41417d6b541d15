package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

    @Test
    void httpModeNeedsTheBotTokenAndTheSigningSecret() {
        assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_SIGNING_SECRET", "s")))
                .hasMessageContaining("SLACK_BOT_TOKEN");
        assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
                .hasMessageContaining("SLACK_SIGNING_SECRET");
    }

    @Test
    void socketModeNeedsNoSigningSecretButNeverRunsWithoutOne() {
        SlackSettings s = SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));

        assertThat(s.socketMode()).isTrue();
        assertThat(s.signingSecret()).hasSizeGreaterThan(40);
        assertThat(s.ackBudget()).isEqualTo(SlackSettings.DEFAULT_ACK_BUDGET);
    }

    @Test
    void theApiUrlLosesItsTrailingSlashAndSecretsStayOutOfTheLogs() {
        SlackSettings s = SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-secret", "SLACK_SIGNING_SECRET",
                "sign-secret", "SLACK_API_URL", "http://127.0.0.1:9000/"));

        assertThat(s.apiUrlOverride()).contains("http://127.0.0.1:9000");
        assertThat(s.socketMode()).isFalse();
        assertThat(s.toString()).doesNotContain("xoxb-secret", "sign-secret");
    }
}
