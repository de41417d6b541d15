package dev.opsbot.probe;

import java.time.Duration;
import java.time.ZoneId;

/**
 * How probes run: which targets they may reach, how long one may take ({@code OPSBOT_PROBE_TIMEOUT},
 * default 3 s), how many run at once ({@code OPSBOT_PROBE_POOL}, default 32), how close a
 * certificate's expiry counts as drift ({@code OPSBOT_CERT_WARN_DAYS}, default 21) and the zone
 * dates are shown in.
 */
public record ProbeSettings(ProbeAllowList allow, Duration timeout, int pool, int certWarnDays, ZoneId zone) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_POOL = 32;
    public static final int DEFAULT_CERT_WARN_DAYS = 21;

    public ProbeSettings {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the probe timeout must be positive");
        }
        if (pool < 1) {
            throw new IllegalArgumentException("the probe pool needs at least one thread");
        }
        if (certWarnDays < 0) {
            throw new IllegalArgumentException("certificate warning days cannot be negative");
        }
    }

    public static ProbeSettings defaults(ZoneId zone) {
        return new ProbeSettings(ProbeAllowList.defaults(), DEFAULT_TIMEOUT, DEFAULT_POOL, DEFAULT_CERT_WARN_DAYS, zone);
    }
}
