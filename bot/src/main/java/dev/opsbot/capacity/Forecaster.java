package dev.opsbot.capacity;

import dev.opsbot.metrics.MetricSource;
import dev.opsbot.metrics.MetricsUnavailable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Reads a watch's history and capacity from the metric source and forecasts it. */
public final class Forecaster {

    public static final Duration LOOKBACK = Duration.ofDays(28);
    public static final Duration HORIZON = Duration.ofDays(90);
    /** About this many samples per history: enough for a daily peak to be a peak, few enough to stay cheap. */
    private static final long SAMPLES = 2500;
    private static final Duration FINEST_STEP = Duration.ofMinutes(5);

    private final MetricSource source;
    private final ZoneId zone;

    public Forecaster(MetricSource source, ZoneId zone) {
        this.source = source;
        this.zone = zone;
    }

    /** The forecast of a watch; a metric that cannot be read is a {@link MetricsUnavailable}. */
    public WatchForecast forecast(Watch watch, Instant now, Duration lookback, Duration horizon) {
        double capacity = capacityOf(watch);
        Instant from = now.minus(lookback);
        List<MetricSource.Series> series = source.range(watch.query(), from, now, stepFor(lookback));
        if (series.isEmpty()) {
            throw new MetricsUnavailable("The query of " + watch.name() + " returns no data over the last "
                    + lookback.toDays() + " days; check the metric name and labels.");
        }
        if (series.size() > 1) {
            throw new MetricsUnavailable("The query of " + watch.name() + " matches " + series.size()
                    + " series; add labels or sum().");
        }
        Forecast forecast = Forecast.of(series.get(0).points(), capacity * watch.threshold(), now, horizon, zone);
        return new WatchForecast(watch, capacity, series.get(0).points(), forecast, now, lookback);
    }

    /** The capacity: the number given, or the current value of the PromQL given. */
    double capacityOf(Watch watch) {
        Double fixed = watch.fixedMax();
        double capacity = fixed != null ? fixed : source.instant(watch.max()).value();
        if (!Double.isFinite(capacity) || capacity <= 0) {
            throw new MetricsUnavailable("The maximum of " + watch.name() + " is " + Quantity.plain(capacity)
                    + "; it must be a positive number.");
        }
        return capacity;
    }

    static Duration stepFor(Duration lookback) {
        Duration step = lookback.dividedBy(SAMPLES);
        step = Duration.ofMinutes(Math.max(1, (step.toSeconds() + 59) / 60));
        return step.compareTo(FINEST_STEP) < 0 ? FINEST_STEP : step;
    }
}
