package dev.opsbot.app.clock;

import dev.opsbot.followup.FollowUpPolicy;
import dev.opsbot.incident.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When follow-ups come due, from {@code OPSBOT_FOLLOWUP_STALE_SEV1} … {@code _SEV4} (quiet time
 * before an unacknowledged incident is reminded about; 0 turns it off), {@code OPSBOT_FOLLOWUP_REVIEWAFTER}
 * (post-incident review due after resolving) and {@code OPSBOT_FOLLOWUP_REMINDEVERY} (repeat).
 * Durations read like 15m, 2h, 1d; anything unset keeps {@link FollowUpPolicy#defaults()}.
 */
@ConfigurationProperties(prefix = "opsbot.followup")
public record FollowUpSettings(Map<String, Duration> stale, Duration reviewAfter, Duration remindEvery) {

    public FollowUpPolicy policy() {
        FollowUpPolicy defaults = FollowUpPolicy.defaults();
        Map<Severity, Duration> quiet = new EnumMap<>(defaults.staleAfter());
        if (stale != null) {
            stale.forEach((word, after) -> {
                Severity severity = Severity.parse(word).orElseThrow(() -> new IllegalArgumentException(
                        "opsbot.followup.stale." + word + " names no severity; use sev1 to sev4"));
                quiet.put(severity, after);
            });
        }
        return new FollowUpPolicy(quiet, reviewAfter == null ? defaults.reviewAfter() : reviewAfter,
                remindEvery == null ? defaults.remindEvery() : remindEvery);
    }
}
