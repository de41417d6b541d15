package dev.opsbot.followup;

import dev.opsbot.incident.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When follow-ups come due. {@code staleAfter}: how long an unacknowledged incident may go without
 * an update before the channel is reminded, per severity (a severity left out gets no reminders).
 * {@code reviewAfter}: how long after resolving the post-incident review is due;
 * {@code remindEvery}: how often a follow-up nobody acted on is repeated.
 */
public record FollowUpPolicy(Map<Severity, Duration> staleAfter, Duration reviewAfter, Duration remindEvery) {

    public FollowUpPolicy {
        EnumMap<Severity, Duration> copy = new EnumMap<>(Severity.class);
        staleAfter.forEach((severity, after) -> {
            if (after != null && !after.isNegative() && !after.isZero()) {
                copy.put(severity, after);
            }
        });
        staleAfter = Map.copyOf(copy);
        if (reviewAfter.isNegative() || remindEvery.isNegative() || remindEvery.isZero()) {
            throw new IllegalArgumentException("follow-up review delay and repeat must be positive");
        }
    }

    /** sev1 15m, sev2 30m, sev3 2h, sev4 1d; the review is due two days after resolving; reminders repeat daily. */
    public static FollowUpPolicy defaults() {
        return new FollowUpPolicy(Map.of(Severity.SEV1, Duration.ofMinutes(15), Severity.SEV2, Duration.ofMinutes(30),
                Severity.SEV3, Duration.ofHours(2), Severity.SEV4, Duration.ofDays(1)),
                Duration.ofDays(2), Duration.ofDays(1));
    }

    public Optional<Duration> staleAfter(Severity severity) {
        return Optional.ofNullable(staleAfter.get(severity));
    }

    /** How often a stale incident is reminded about again: as often as it may go quiet, at most daily. */
    public Duration staleRepeat(Severity severity) {
        Duration after = staleAfter(severity).orElse(remindEvery);
        return after.compareTo(remindEvery) < 0 ? after : remindEvery;
    }
}
