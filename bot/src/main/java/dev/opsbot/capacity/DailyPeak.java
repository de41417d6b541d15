package dev.opsbot.capacity;

import dev.opsbot.metrics.MetricSource.Point;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One value per day: the day's highest sample and when it was seen. Forecasting from daily peaks
 * rather than every sample keeps a daily cycle (busy afternoons, nightly clean-ups) from passing
 * for a trend, and placing each peak at its own time keeps a steady climb unbiased.
 */
record DailyPeak(LocalDate day, Instant at, double value) {

    /** The peaks of the days that have samples, oldest first; NaN and infinite samples are skipped. */
    static List<DailyPeak> of(List<Point> points, ZoneId zone) {
        Map<LocalDate, DailyPeak> byDay = new TreeMap<>();
        for (Point p : points) {
            if (!Double.isFinite(p.value())) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(p.at(), zone);
            DailyPeak best = byDay.get(day);
            if (best == null || p.value() > best.value()) {
                byDay.put(day, new DailyPeak(day, p.at(), p.value()));
            }
        }
        return new ArrayList<>(byDay.values());
    }
}
