package dev.opsbot.capacity;

import dev.opsbot.metrics.MetricSource.Point;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a usage series crosses its threshold, from the daily peaks of its history. The method is
 * written down in docs/architecture.md ("Capacity"); in short: the Theil–Sen slope projects from
 * where its line stands at the last peak, the crossing is a range spanned by the least-squares
 * and Theil–Sen slopes widened by twice the slope's standard error, nothing is projected further
 * than twice the history or past the horizon, and doubts (low R², a recent slope far from the
 * overall one) are named.
 *
 * @param current   the latest sample
 * @param peaks     the daily peaks the trend was fitted to
 * @param trend     null when there were too few peaks to fit one
 * @param doubts    why the forecast has low confidence; empty when it has high confidence
 */
public record Forecast(double current, double threshold, List<DailyPeak> peaks, Trend trend, Outlook outlook,
        Set<Doubt> doubts) {

    /** Fewer daily peaks than this answers "not enough history". */
    public static final int FEWEST_DAYS = 7;
    /** Below this R² a straight line explains too little of the history to trust. */
    static final double LOWEST_R_SQUARED = 0.7;
    /** A recent slope that differs from the overall one by more than this share of the larger is a changed trend. */
    static final double RECENT_DEPARTURE = 0.5;
    /** A slope that would move less than this share of the threshold before the limit counts as flat. */
    static final double FLAT_SHARE = 0.01;

    public Forecast {
        peaks = List.copyOf(peaks);
        doubts = doubts.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(doubts));
    }

    /** What the forecast says about the threshold. */
    public sealed interface Outlook {
    }

    /** Fewer than {@link #FEWEST_DAYS} days have samples. */
    public record NotEnoughHistory(int days) implements Outlook {
    }

    /** The latest sample is at or over the threshold already. */
    public record AlreadyOver() implements Outlook {
    }

    /** Falling, flat, or rising too slowly to cross before {@code limit}. */
    public record NotWithinHorizon(Instant limit, Direction direction) implements Outlook {
    }

    /** The threshold is crossed around {@code likely}; {@code latest} is null when the range runs past the limit. */
    public record Crossing(Instant earliest, Instant likely, Instant latest, Instant limit) implements Outlook {
    }

    public enum Direction { FALLING, FLAT, RISING }

    /** Why a forecast has low confidence. */
    public enum Doubt {
        /** R² below {@link #LOWEST_R_SQUARED}: a straight line explains little of the history. */
        POOR_FIT,
        /** The last {@link Trend#RECENT} days climb at a rate far from the overall one (either fit's). */
        CHANGED_TREND
    }

    public boolean lowConfidence() {
        return !doubts.isEmpty();
    }

    /** Growth per day (Theil–Sen), zero when there is no trend. */
    public double slopePerDay() {
        return trend == null ? 0 : trend.medianSlope();
    }

    /**
     * The forecast of {@code history} (points of one series, in time order) against {@code threshold}
     * as seen at {@code now}, looking no further than {@code horizon}; days are counted in {@code zone}.
     */
    public static Forecast of(List<Point> history, double threshold, Instant now, Duration horizon, ZoneId zone) {
        List<DailyPeak> peaks = DailyPeak.of(history, zone);
        double current = history.stream().map(Point::value).filter(Double::isFinite).reduce((a, b) -> b)
                .orElse(Double.NaN);
        if (peaks.size() < FEWEST_DAYS) {
            return new Forecast(current, threshold, peaks, null, new NotEnoughHistory(peaks.size()), Set.of());
        }
        Trend trend = Trend.of(peaks);
        Instant first = history.stream().filter(p -> Double.isFinite(p.value())).findFirst().orElseThrow().at();
        Duration covered = Duration.between(first, now);
        Instant limit = now.plus(horizon.compareTo(covered.multipliedBy(2)) < 0 ? horizon : covered.multipliedBy(2));
        Set<Doubt> doubts = doubts(trend, threshold, Trend.daysBetween(now, limit));
        if (current >= threshold) {
            return new Forecast(current, threshold, peaks, trend, new AlreadyOver(), doubts);
        }
        double slope = trend.medianSlope();
        double limitDays = Trend.daysBetween(trend.lastPeakAt(), limit);
        if (Math.abs(slope) * limitDays < FLAT_SHARE * Math.abs(threshold)) {
            return new Forecast(current, threshold, peaks, trend, new NotWithinHorizon(limit, Direction.FLAT), doubts);
        }
        if (slope < 0) {
            return new Forecast(current, threshold, peaks, trend, new NotWithinHorizon(limit, Direction.FALLING), doubts);
        }
        Instant likely = trend.reaching(threshold, slope);
        if (likely.isAfter(limit)) {
            return new Forecast(current, threshold, peaks, trend, new NotWithinHorizon(limit, Direction.RISING), doubts);
        }
        double steep = Math.max(slope, trend.squaresSlope()) + 2 * trend.slopeError();
        double gentle = Math.min(slope, trend.squaresSlope()) - 2 * trend.slopeError();
        Instant earliest = latest(trend.reaching(threshold, steep), now);
        earliest = earliest.isAfter(likely) ? likely : earliest;
        Instant latest = gentle <= 0 ? null : trend.reaching(threshold, gentle);
        if (latest != null && latest.isAfter(limit)) {
            latest = null;
        }
        return new Forecast(current, threshold, peaks, trend, new Crossing(earliest, likely, latest, limit), doubts);
    }

    private static Set<Doubt> doubts(Trend trend, double threshold, double limitDays) {
        Set<Doubt> out = EnumSet.noneOf(Doubt.class);
        double recent = trend.recentSlope();
        double flat = FLAT_SHARE * Math.abs(threshold) / Math.max(1, limitDays);
        // Around a flat line both tests measure noise, so a flat history raises no doubt.
        boolean allFlat = Math.abs(trend.medianSlope()) < flat && Math.abs(trend.squaresSlope()) < flat
                && Math.abs(recent) < flat;
        if (allFlat) {
            return out;
        }
        if (trend.rSquared() < LOWEST_R_SQUARED) {
            out.add(Doubt.POOR_FIT);
        }
        // A step is where the two overall slopes part (Theil–Sen ignores it, least squares does not),
        // so the recent slope is held against both.
        for (double overall : new double[] {trend.medianSlope(), trend.squaresSlope()}) {
            if (Math.abs(recent - overall) > RECENT_DEPARTURE * Math.max(Math.abs(recent), Math.abs(overall))) {
                out.add(Doubt.CHANGED_TREND);
            }
        }
        return out;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
