package dev.opsbot.app.capacity;

import dev.opsbot.app.BadSetting;
import dev.opsbot.metrics.MetricSource;
import dev.opsbot.metrics.PrometheusSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where opsbot reads measured values: {@code OPSBOT_PROMETHEUS_URL} (unset: no metric source, and
 * capacity commands say how to set one), with either {@code OPSBOT_PROMETHEUS_USERNAME} and
 * {@code _PASSWORD} (basic auth) or {@code OPSBOT_PROMETHEUS_TOKEN} (bearer), and
 * {@code OPSBOT_PROMETHEUS_TIMEOUT} (default 10s, at most 2m) for connecting and for each answer.
 */
@ConfigurationProperties(prefix = "opsbot.prometheus")
public record PrometheusSettings(String url, String username, String password, String token, Duration timeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(2);

    public PrometheusSettings {
        url = blank(url) ? null : url.strip();
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (url != null) {
            base(url);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(LONGEST_TIMEOUT) > 0) {
            throw new BadSetting("OPSBOT_PROMETHEUS_TIMEOUT", timeout.toMillis() + "ms",
                    "a duration from 1s to 2m, e.g. 10s");
        }
        if (!blank(token) && (!blank(username) || !blank(password))) {
            throw new BadSetting("OPSBOT_PROMETHEUS_TOKEN", "(set)",
                    "either a token or OPSBOT_PROMETHEUS_USERNAME and _PASSWORD, not both");
        }
        if (blank(username) != blank(password)) {
            throw new BadSetting(blank(username) ? "OPSBOT_PROMETHEUS_USERNAME" : "OPSBOT_PROMETHEUS_PASSWORD", "(unset)",
                    "both OPSBOT_PROMETHEUS_USERNAME and OPSBOT_PROMETHEUS_PASSWORD for basic auth, or neither");
        }
    }

    /** The configured source, or one that tells whoever asks how to configure it. */
    public MetricSource source() {
        if (url == null) {
            return MetricSource.unconfigured();
        }
        PrometheusSource source = PrometheusSource.at(base(url), timeout);
        if (!blank(token)) {
            return source.withBearerToken(token.strip());
        }
        return blank(username) ? source : source.withBasicAuth(username, password);
    }

    private static URI base(String url) {
        String expected = "an http or https URL of a Prometheus server, e.g. http://prometheus:9090";
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new BadSetting("OPSBOT_PROMETHEUS_URL", url, expected);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadSetting("OPSBOT_PROMETHEUS_URL", url, expected);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
