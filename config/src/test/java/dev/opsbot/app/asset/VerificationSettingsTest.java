package dev.opsbot.app.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.app.BadSetting;
import dev.opsbot.app.OpsbotSettings;
import dev.opsbot.probe.ProbeAllowList;
import dev.opsbot.probe.ProbeSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class VerificationSettingsTest {

    private final VerificationConfiguration configuration = new VerificationConfiguration();
    private final OpsbotSettings opsbot = new OpsbotSettings(null, null, "Europe/Berlin", null, null);

    @Test
    void unsetMeansTheDefaults() {
        ProbeSettings s = configuration.probeSettings(opsbot, new MockEnvironment());
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.pool()).isEqualTo(32);
        assertThat(s.certWarnDays()).isEqualTo(21);
        assertThat(s.allow()).hasToString(ProbeAllowList.DEFAULT);
        assertThat(s.zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(VerificationConfiguration.cron(new MockEnvironment())).isEqualTo("0 0 2 * * ?");
    }

    @Test
    void setValuesAreRead() {
        MockEnvironment env = new MockEnvironment().withProperty("OPSBOT_PROBE_TIMEOUT", "500ms")
                .withProperty("OPSBOT_PROBE_POOL", "64").withProperty("OPSBOT_CERT_WARN_DAYS", "30")
                .withProperty("OPSBOT_PROBE_ALLOW", "10.0.0.0/8 *.internal")
                .withProperty("OPSBOT_ASSET_VERIFY_CRON", "0 30 3 ? * MON-FRI");
        ProbeSettings s = configuration.probeSettings(opsbot, env);
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.pool()).isEqualTo(64);
        assertThat(s.certWarnDays()).isEqualTo(30);
        assertThat(s.allow()).hasToString("10.0.0.0/8,*.internal");
        assertThat(VerificationConfiguration.cron(env)).isEqualTo("0 30 3 ? * MON-FRI");
        assertThat(VerificationConfiguration.timeout(new MockEnvironment().withProperty("OPSBOT_PROBE_TIMEOUT", "5")))
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void badValuesAreRefusedNamingTheVariable() {
        assertThatThrownBy(() -> configuration.probeSettings(opsbot,
                new MockEnvironment().withProperty("OPSBOT_PROBE_ALLOW", "10.0.0.0/99")))
                .isInstanceOf(BadSetting.class).hasMessageStartingWith("OPSBOT_PROBE_ALLOW=10.0.0.0/99 is not usable");
        assertThatThrownBy(() -> VerificationConfiguration.timeout(
                new MockEnvironment().withProperty("OPSBOT_PROBE_TIMEOUT", "forever")))
                .hasMessage("OPSBOT_PROBE_TIMEOUT=forever is not usable; expected a duration from 50ms to 60s, e.g. 3s.");
        assertThatThrownBy(() -> VerificationConfiguration.timeout(
                new MockEnvironment().withProperty("OPSBOT_PROBE_TIMEOUT", "10m"))).isInstanceOf(BadSetting.class);
        assertThatThrownBy(() -> configuration.probeSettings(opsbot,
                new MockEnvironment().withProperty("OPSBOT_PROBE_POOL", "0")))
                .hasMessage("OPSBOT_PROBE_POOL=0 is not usable; expected a whole number from 1 to 512.");
        assertThatThrownBy(() -> configuration.probeSettings(opsbot,
                new MockEnvironment().withProperty("OPSBOT_CERT_WARN_DAYS", "soon"))).isInstanceOf(BadSetting.class);
        assertThatThrownBy(() -> VerificationConfiguration.cron(
                new MockEnvironment().withProperty("OPSBOT_ASSET_VERIFY_CRON", "nightly")))
                .hasMessage("OPSBOT_ASSET_VERIFY_CRON=nightly is not usable; expected a Quartz cron expression, e.g. 0 0 2 * * ?.");
    }
}
