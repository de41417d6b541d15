package dev.opsbot.probe;

import dev.opsbot.asset.AssetObservations.Health;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What an asset's probes add up to, and how that differs from what was declared. Drift sentences
 * stay the same from one check to the next while nothing changes (no latencies, no "in N days"),
 * because a changed sentence is what makes the owner hear about it again.
 *
 * @param observedState the declared state reality suggests ({@code offline} or {@code active}), or
 *                      empty when the state itself is not in question
 */
public record Verdict(Health health, List<String> drift, String observedState) {

    public Verdict {
        drift = List.copyOf(drift);
    }

    /**
     * Any probe answering but not all: degraded; none answering: unreachable. A probe that could not
     * judge (refused, no metric source) leaves the verdict to the others, and alone is unknown.
     */
    public static Health combine(List<ProbeResult> results) {
        List<Health> judged = results.stream().map(ProbeResult::health).filter(h -> h != Health.UNKNOWN).toList();
        if (judged.isEmpty()) {
            return Health.UNKNOWN;
        }
        if (judged.stream().allMatch(h -> h == Health.OK)) {
            return Health.OK;
        }
        return judged.stream().allMatch(h -> h == Health.UNREACHABLE) ? Health.UNREACHABLE : Health.DEGRADED;
    }

    /** Declared active but unreachable; declared retired or offline but answering; certificates close to expiry. */
    public static Verdict of(String declaredState, List<ProbeResult> results, Instant now, int certWarnDays, ZoneId zone) {
        Health health = combine(results);
        List<String> drift = new ArrayList<>();
        String observed = "";
        boolean answering = results.stream().anyMatch(r -> r.health() == Health.OK || r.health() == Health.DEGRADED);
        if ("active".equals(declaredState) && health == Health.UNREACHABLE) {
            drift.add("Declared active but unreachable: no probe got an answer.");
            observed = "offline";
        } else if (("retired".equals(declaredState) || "offline".equals(declaredState)) && answering) {
            drift.add("Declared " + declaredState + " but answering.");
            observed = "active";
        }
        if (!"retired".equals(declaredState)) {
            Instant warnFrom = now.plus(Duration.ofDays(certWarnDays));
            for (ProbeResult r : results) {
                r.certificateExpires().filter(notAfter -> notAfter.isBefore(warnFrom)).ifPresent(notAfter -> {
                    String date = LocalDate.ofInstant(notAfter, zone).toString();
                    drift.add(notAfter.isAfter(now)
                            ? "The certificate on " + r.probe() + " expires on " + date + ", within " + certWarnDays + " days."
                            : "The certificate on " + r.probe() + " expired on " + date + ".");
                });
            }
        }
        return new Verdict(health, drift, observed);
    }
}
