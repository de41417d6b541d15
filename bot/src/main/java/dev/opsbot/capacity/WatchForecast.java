package dev.opsbot.capacity;

import dev.opsbot.metrics.MetricSource.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A watch read and forecast at {@code now}: its capacity and threshold in the query's unit, the
 * history the forecast came from, and the forecast.
 */
public record WatchForecast(Watch watch, double capacity, List<Point> history, Forecast forecast, Instant now,
        Duration lookback) {

    public WatchForecast {
        history = List.copyOf(history);
    }

    public double thresholdValue() {
        return forecast.threshold();
    }

    /**
     * Days until the threshold is likely crossed, for ranking: 0 when over it already, infinity
     * when it is not crossed within the horizon or cannot be told.
     */
    public double daysLeft() {
        if (forecast.outlook() instanceof Forecast.AlreadyOver) {
            return 0;
        }
        if (forecast.outlook() instanceof Forecast.Crossing c) {
            return Math.max(0, Duration.between(now, c.likely()).toMinutes() / 1440.0);
        }
        return Double.POSITIVE_INFINITY;
    }
}
