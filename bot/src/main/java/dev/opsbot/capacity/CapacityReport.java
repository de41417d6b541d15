package dev.opsbot.capacity;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.metrics.MetricsUnavailable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every watch (of a service, or all) ranked by days until its threshold, soonest first, with the
 * charts of the first few. A watch whose metric cannot be read is listed last with the reason,
 * so one broken query never hides the others.
 */
public final class CapacityReport {

    /** Charts attached to a report: the watches that run out soonest. */
    static final int CHARTS = 3;
    /** Rows listed; past this the report says how many more there are. */
    static final int ROWS = 50;

    private final Watches watches;
    private final Forecaster forecaster;
    private final ForecastChart charts;
    private final ForecastText text;

    public CapacityReport(Watches watches, Forecaster forecaster, ZoneId zone) {
        this.watches = watches;
        this.forecaster = forecaster;
        this.charts = new ForecastChart(zone);
        this.text = new ForecastText(zone);
    }

    /** The watches' forecasts, soonest first, and the ones that could not be read. */
    public Ranking rank(String service, Instant now) {
        List<WatchForecast> read = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (Watch w : watches.all()) {
            if (service != null && !service.equalsIgnoreCase(w.service())) {
                continue;
            }
            try {
                read.add(forecaster.forecast(w, now, Forecaster.LOOKBACK, Forecaster.HORIZON));
            } catch (MetricsUnavailable e) {
                unread.add(Inline.strong(w.name()) + " — " + e.getMessage());
            }
        }
        read.sort(Comparator.comparingDouble(WatchForecast::daysLeft).thenComparing(wf -> wf.watch().name()));
        return new Ranking(read, unread);
    }

    /** What was ranked: forecasts soonest first, and a line for each watch that could not be read. */
    public record Ranking(List<WatchForecast> forecasts, List<String> unread) {

        public boolean isEmpty() {
            return forecasts.isEmpty() && unread.isEmpty();
        }
    }

    /** The report as a message, titled for where it goes. */
    public Reply reply(Ranking ranking, String service, Reply.Builder builder) {
        if (ranking.isEmpty()) {
            return builder.text(service == null ? "There are no capacity watches yet; add one with /capacity watch add."
                    : "No capacity watch belongs to " + service + ".").build();
        }
        List<String> rows = new ArrayList<>();
        int n = 0;
        for (WatchForecast wf : ranking.forecasts()) {
            if (++n > ROWS) {
                break;
            }
            rows.add(n + ". " + row(wf));
        }
        int left = ranking.forecasts().size() - Math.min(ROWS, ranking.forecasts().size());
        if (left > 0) {
            rows.add("+" + left + " more: /capacity report --service <name> narrows the list");
        }
        rows.addAll(ranking.unread());
        builder.text(ranking.forecasts().size() + (ranking.forecasts().size() == 1 ? " watch" : " watches")
                + " ranked by time left before the threshold, soonest first"
                + (ranking.unread().isEmpty() ? "." : "; " + ranking.unread().size() + " could not be read."));
        builder.rows(rows);
        ranking.forecasts().stream()
                .filter(wf -> wf.forecast().trend() != null)
                .limit(CHARTS)
                .forEach(wf -> builder.image(charts.image(wf)));
        return builder.footer("Forecasts from daily peaks of the last " + Forecaster.LOOKBACK.toDays()
                + " days; /capacity forecast <name> shows one in full.").build();
    }

    /** "disk-data — crosses 85% between Dec 14 and Dec 16 · 612 GiB of 1000 GiB (61%) · +10 GiB/day". */
    String row(WatchForecast wf) {
        String outlook = text.outlook(wf);
        String name = wf.watch().name();
        if (outlook.startsWith(name + " ")) {
            outlook = outlook.substring(name.length() + 1);
        }
        List<String> parts = new ArrayList<>(List.of(Inline.strong(name) + " — " + outlook, text.now(wf)));
        String trend = text.trend(wf);
        if (!trend.isEmpty()) {
            parts.add(trend);
        }
        if (wf.forecast().lowConfidence()) {
            parts.add("low confidence");
        }
        return String.join(" · ", parts);
    }
}
