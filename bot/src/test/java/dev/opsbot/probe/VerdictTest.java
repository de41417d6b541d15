package dev.opsbot.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.asset.AssetObservations.Health;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static ProbeResult result(Health health) {
        return new ProbeResult("tcp://db-01:5432", health, "tcp://db-01:5432 …", NOW, null);
    }

    private static ProbeResult certificate(Duration left) {
        return new ProbeResult("tls://lb-1:443", Health.OK, "tls://lb-1:443 …", NOW, NOW.plus(left));
    }

    @Test
    void probesAddUpToOneHealth() {
        assertThat(Verdict.combine(List.of())).isEqualTo(Health.UNKNOWN);
        assertThat(Verdict.combine(List.of(result(Health.OK), result(Health.UNKNOWN)))).isEqualTo(Health.OK);
        assertThat(Verdict.combine(List.of(result(Health.OK), result(Health.UNREACHABLE)))).isEqualTo(Health.DEGRADED);
        assertThat(Verdict.combine(List.of(result(Health.UNREACHABLE), result(Health.UNKNOWN))))
                .isEqualTo(Health.UNREACHABLE);
        assertThat(Verdict.combine(List.of(result(Health.DEGRADED)))).isEqualTo(Health.DEGRADED);
    }

    @Test
    void activeButUnreachableDriftsToOffline() {
        Verdict v = Verdict.of("active", List.of(result(Health.UNREACHABLE)), NOW, 21, ZoneOffset.UTC);
        assertThat(v.drift()).containsExactly("Declared active but unreachable: no probe got an answer.");
        assertThat(v.observedState()).isEqualTo("offline");
        assertThat(Verdict.of("maintenance", List.of(result(Health.UNREACHABLE)), NOW, 21, ZoneOffset.UTC).drift())
                .isEmpty();
        assertThat(Verdict.of("active", List.of(result(Health.OK), result(Health.UNREACHABLE)), NOW, 21,
                ZoneOffset.UTC).drift()).isEmpty();
    }

    @Test
    void retiredOrOfflineButAnsweringDriftsToActive() {
        Verdict v = Verdict.of("retired", List.of(result(Health.DEGRADED)), NOW, 21, ZoneOffset.UTC);
        assertThat(v.drift()).containsExactly("Declared retired but answering.");
        assertThat(v.observedState()).isEqualTo("active");
        assertThat(Verdict.of("offline", List.of(result(Health.UNREACHABLE)), NOW, 21, ZoneOffset.UTC).drift()).isEmpty();
    }

    @Test
    void aCertificateInsideTheWarningWindowDriftsWithItsDate() {
        Verdict soon = Verdict.of("active", List.of(certificate(Duration.ofDays(5))), NOW, 21, ZoneOffset.UTC);
        assertThat(soon.drift()).containsExactly("The certificate on tls://lb-1:443 expires on 2026-12-05, within 21 days.");
        assertThat(soon.observedState()).isEmpty();
        assertThat(Verdict.of("active", List.of(certificate(Duration.ofDays(30))), NOW, 21, ZoneOffset.UTC).drift())
                .isEmpty();
        assertThat(Verdict.of("active", List.of(certificate(Duration.ofDays(30))), NOW, 45, ZoneOffset.UTC).drift())
                .hasSize(1);
        assertThat(Verdict.of("active", List.of(certificate(Duration.ofDays(-1))), NOW, 21, ZoneOffset.UTC).drift())
                .containsExactly("The certificate on tls://lb-1:443 expired on 2026-11-29.");
    }
}
