package dev.opsbot.kpi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The median and 90th percentile of some durations (time to acknowledge, to resolve). The median
 * of an even count is the mean of the middle two; the 90th percentile is the nearest rank (the
 * smallest value at least 90% of them do not exceed), so it is always a time that happened.
 */
public record Spread(Duration median, Duration p90, int count) {

    public static Optional<Spread> of(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int n = sorted.size();
        Duration median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        int rank = (int) Math.ceil(0.9 * n);
        return Optional.of(new Spread(median, sorted.get(rank - 1), n));
    }
}
