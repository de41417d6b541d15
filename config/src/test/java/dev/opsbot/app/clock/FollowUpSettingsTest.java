package dev.opsbot.app.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.followup.FollowUpPolicy;
import dev.opsbot.incident.Severity;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables the README documents really reach the follow-up policy. */
class FollowUpSettingsTest {

    private static FollowUpPolicy fromEnv(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        // Spring reads OPSBOT_X_Y as opsbot.x.y only from the source it knows as the system environment.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return Binder.get(environment).bind("opsbot.followup", FollowUpSettings.class)
                .orElseGet(() -> new FollowUpSettings(null, null, null)).policy();
    }

    @Test
    void unsetMeansTheDefaults() {
        assertThat(fromEnv(Map.of())).isEqualTo(FollowUpPolicy.defaults());
    }

    @Test
    void eachSeverityReviewAndRepeatCanBeSetAndZeroTurnsAReminderOff() {
        FollowUpPolicy policy = fromEnv(Map.of("OPSBOT_FOLLOWUP_STALE_SEV1", "1m", "OPSBOT_FOLLOWUP_STALE_SEV4", "0",
                "OPSBOT_FOLLOWUP_REVIEWAFTER", "3d", "OPSBOT_FOLLOWUP_REMINDEVERY", "12h"));

        assertThat(policy.staleAfter(Severity.SEV1)).contains(Duration.ofMinutes(1));
        assertThat(policy.staleAfter(Severity.SEV2)).contains(Duration.ofMinutes(30));
        assertThat(policy.staleAfter(Severity.SEV4)).isEmpty();
        assertThat(policy.reviewAfter()).isEqualTo(Duration.ofDays(3));
        assertThat(policy.remindEvery()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void anUnknownSeverityStopsTheStartWithItsName() {
        assertThatThrownBy(() -> fromEnv(Map.of("OPSBOT_FOLLOWUP_STALE_SEV9", "1m")))
                .hasMessageContaining("opsbot.followup.stale.sev9 names no severity");
    }
}
