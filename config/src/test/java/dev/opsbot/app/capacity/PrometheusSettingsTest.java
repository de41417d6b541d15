package dev.opsbot.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.app.BadSetting;
import dev.opsbot.metrics.MetricsUnavailable;
import dev.opsbot.metrics.PrometheusSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Prometheus settings: a usable URL, one kind of credentials, a sane timeout — or one sentence. */
class PrometheusSettingsTest {

    @Test
    void unsetMeansACapacityCommandSaysHowToConfigureIt() {
        assertThatThrownBy(() -> new PrometheusSettings(null, null, null, null, null).source().instant("up"))
                .isInstanceOf(MetricsUnavailable.class)
                .hasMessage("No metric source is configured; set OPSBOT_PROMETHEUS_URL to your Prometheus.");
    }

    @Test
    void aUsableUrlGivesThePrometheusClient() {
        assertThat(new PrometheusSettings("http://prometheus:9090/", null, null, null, null).source())
                .isInstanceOf(PrometheusSource.class);
        assertThat(new PrometheusSettings("https://p.example/prom", "ops", "pw", null, Duration.ofSeconds(5)).source())
                .isInstanceOf(PrometheusSource.class);
    }

    @Test
    void aBadUrlIsOneLineNamingTheVariable() {
        for (String bad : new String[] {"prometheus:9090", "ftp://p:21", "http://", "http://p:9090/?x=1", "http://a b"}) {
            assertThatThrownBy(() -> new PrometheusSettings(bad, null, null, null, null))
                    .isInstanceOf(BadSetting.class)
                    .hasMessage("OPSBOT_PROMETHEUS_URL=" + bad + " is not usable; expected an http or https URL of a "
                            + "Prometheus server, e.g. http://prometheus:9090.");
        }
    }

    @Test
    void credentialsAreEitherAPairOrATokenAndTheTimeoutIsBounded() {
        assertThatThrownBy(() -> new PrometheusSettings("http://p:9090", "ops", null, null, null))
                .hasMessageStartingWith("OPSBOT_PROMETHEUS_PASSWORD=(unset) is not usable");
        assertThatThrownBy(() -> new PrometheusSettings("http://p:9090", "ops", "pw", "tok", null))
                .hasMessageStartingWith("OPSBOT_PROMETHEUS_TOKEN=(set) is not usable");
        assertThatThrownBy(() -> new PrometheusSettings("http://p:9090", null, null, null, Duration.ofMinutes(5)))
                .hasMessageStartingWith("OPSBOT_PROMETHEUS_TIMEOUT=300000ms is not usable");
    }
}
