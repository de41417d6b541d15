package dev.opsbot.probe;

import dev.opsbot.asset.AssetObservations.Health;
import java.time.Instant;
import java.util.Optional;

/**
 * What one probe saw: its health and one line of evidence ("tcp://db-01:5432 connected in 3 ms"),
 * when it ran, and for a TLS probe the certificate's expiry, which drift compares with the warning
 * window.
 */
public record ProbeResult(String probe, Health health, String evidence, Instant checkedAt, Instant notAfter) {

    static ProbeResult of(ProbeSpec spec, Health health, String evidence, Instant checkedAt) {
        return new ProbeResult(spec.text(), health, spec.text() + " " + evidence, checkedAt, null);
    }

    /** When the certificate a TLS probe was shown stops being valid. */
    public Optional<Instant> certificateExpires() {
        return Optional.ofNullable(notAfter);
    }

    ProbeResult withCertificate(Instant expires) {
        return new ProbeResult(probe, health, evidence, checkedAt, expires);
    }
}
