package dev.opsbot.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Straight lines fitted through daily peaks, x in days since the first peak: the least-squares
 * line (with R² and the standard error of its slope), the Theil–Sen line (median of the slopes of
 * every pair of peaks, then the median intercept; robust to a few wild days), and the
 * least-squares slope of the last {@link #RECENT} peaks alone, to notice a trend that changed.
 */
record Trend(Instant origin, double squaresSlope, double squaresIntercept, double rSquared, double slopeError,
        double medianSlope, double medianIntercept, double recentSlope, double lastX) {

    static final int RECENT = 7;
    private static final double DAY_SECONDS = 86_400.0;

    static Trend of(List<DailyPeak> peaks) {
        if (peaks.size() < 2) {
            throw new IllegalArgumentException("a trend needs at least two peaks");
        }
        Instant origin = peaks.get(0).at();
        int n = peaks.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = daysBetween(origin, peaks.get(i).at());
            y[i] = peaks.get(i).value();
        }
        double[] line = leastSquares(x, y, 0, n);
        double slope = line[0];
        double intercept = line[1];
        double meanY = Arrays.stream(y).average().orElse(0);
        double residual = 0;
        double total = 0;
        double sxx = 0;
        double meanX = Arrays.stream(x).average().orElse(0);
        for (int i = 0; i < n; i++) {
            double fitted = intercept + slope * x[i];
            residual += (y[i] - fitted) * (y[i] - fitted);
            total += (y[i] - meanY) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }
        // A series that does not move at all is fitted perfectly by a flat line.
        double r2 = total == 0 ? 1.0 : 1 - residual / total;
        double error = n > 2 && sxx > 0 ? Math.sqrt(residual / (n - 2) / sxx) : 0;

        double[] pairSlopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairSlopes[k++] = x[j] == x[i] ? 0 : (y[j] - y[i]) / (x[j] - x[i]);
            }
        }
        double median = median(pairSlopes);
        double[] offsets = new double[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = y[i] - median * x[i];
        }
        double recent = leastSquares(x, y, Math.max(0, n - RECENT), n)[0];
        return new Trend(origin, slope, intercept, r2, error, median, median(offsets), recent, x[n - 1]);
    }

    /** The Theil–Sen line's value at a time. */
    double at(Instant when) {
        return medianIntercept + medianSlope * daysBetween(origin, when);
    }

    /** When a line through (the last peak's time, the Theil–Sen value there) with this slope reaches a level. */
    Instant reaching(double level, double slopePerDay) {
        double fromLast = (level - (medianIntercept + medianSlope * lastX)) / slopePerDay;
        return origin.plus(Duration.ofSeconds(Math.round((lastX + fromLast) * DAY_SECONDS)));
    }

    Instant lastPeakAt() {
        return origin.plus(Duration.ofSeconds(Math.round(lastX * DAY_SECONDS)));
    }

    static double daysBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0 / DAY_SECONDS;
    }

    private static double[] leastSquares(double[] x, double[] y, int from, int to) {
        int n = to - from;
        double mx = 0;
        double my = 0;
        for (int i = from; i < to; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = from; i < to; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {slope, my - slope * mx};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
