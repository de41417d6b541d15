package dev.opsbot.capacity;

import dev.opsbot.digest.DigestSection;
import dev.opsbot.metrics.MetricsUnavailable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The digest section "Running out soonest": the watches that cross their threshold within the horizon. */
public final class RunningOutSoonest implements DigestSection {

    private static final int SHOWN = 3;

    private final CapacityReport report;

    public RunningOutSoonest(CapacityReport report) {
        this.report = report;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public String title() {
        return "Running out soonest";
    }

    @Override
    public List<String> lines(Instant now, ZoneId zone) {
        CapacityReport.Ranking ranking;
        try {
            ranking = report.rank(null, now);
        } catch (MetricsUnavailable e) {
            return List.of(e.getMessage());
        }
        List<WatchForecast> crossing = ranking.forecasts().stream().filter(wf -> Double.isFinite(wf.daysLeft())).toList();
        return DigestSection.firstOf(crossing, SHOWN, report::row, "/capacity report");
    }
}
