package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** OPSBOT_ARCHIVE_AFTER: read from the environment as written in the README, 7d when unset, at least a day. */
class ArchiveAgeSettingTest {

    @Test
    void theVariableIsReadAsADuration() {
        assertThat(settingsFrom(Map.of("OPSBOT_ARCHIVE_AFTER", "3d")).archiveAfter()).isEqualTo(Duration.ofDays(3));
        assertThat(settingsFrom(Map.of("OPSBOT_TIMEZONE", "UTC")).archiveAfter()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void lessThanADayIsRefusedWithOneSentenceNamingTheVariable() {
        assertThatThrownBy(() -> new OpsbotSettings(null, null, null, null, Duration.ofHours(2)))
                .isInstanceOf(BadSetting.class)
                .hasMessage("OPSBOT_ARCHIVE_AFTER=2h is not usable; expected a duration of at least 1d, e.g. 7d.");
    }

    private static OpsbotSettings settingsFrom(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", env));
        return Binder.get(environment).bindOrCreate("opsbot", OpsbotSettings.class);
    }
}
