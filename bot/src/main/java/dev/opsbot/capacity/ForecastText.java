package dev.opsbot.capacity;

import dev.opsbot.capacity.Forecast.AlreadyOver;
import dev.opsbot.capacity.Forecast.Crossing;
import dev.opsbot.capacity.Forecast.Doubt;
import dev.opsbot.capacity.Forecast.NotEnoughHistory;
import dev.opsbot.capacity.Forecast.NotWithinHorizon;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a forecast reads in chat, in the watch's unit and the team's zone. */
final class ForecastText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("MMM d yyyy", Locale.ENGLISH);

    private final ZoneId zone;

    ForecastText(ZoneId zone) {
        this.zone = zone;
    }

    /** One sentence: when the threshold is crossed, or why it cannot be told. */
    String outlook(WatchForecast wf) {
        Forecast f = wf.forecast();
        String name = wf.watch().name();
        String threshold = wf.watch().thresholdText();
        if (f.outlook() instanceof NotEnoughHistory n) {
            return "Not enough history to forecast " + name + " (" + n.days() + (n.days() == 1 ? " day" : " days")
                    + "; " + Forecast.FEWEST_DAYS + " are needed).";
        }
        if (f.outlook() instanceof AlreadyOver) {
            return name + " is over its " + threshold + " threshold already.";
        }
        if (f.outlook() instanceof NotWithinHorizon n) {
            String why = switch (n.direction()) {
                case FLAT -> "usage is flat";
                case FALLING -> "usage is falling";
                case RISING -> "at this rate it crosses after " + day(n.limit(), wf.now());
            };
            return name + " will not cross " + threshold + " before " + day(n.limit(), wf.now()) + ": " + why + ".";
        }
        Crossing c = (Crossing) f.outlook();
        String upTo = c.latest() == null ? day(c.limit(), wf.now()) + " or later" : day(c.latest(), wf.now());
        if (day(c.earliest(), wf.now()).equals(upTo)) {
            return name + " crosses " + threshold + " on " + upTo + ".";
        }
        return name + " crosses " + threshold + " between " + day(c.earliest(), wf.now()) + " and " + upTo
                + " (most likely " + day(c.likely(), wf.now()) + ").";
    }

    /** "612 GiB of 1000 GiB (61%)". */
    String now(WatchForecast wf) {
        Unit unit = wf.watch().unit();
        double current = wf.forecast().current();
        return unit.show(current) + " of " + unit.show(wf.capacity()) + " (" + Quantity.plain(100 * current / wf.capacity())
                + "%)";
    }

    /** "238 GiB to 85%", or how far over it is. */
    String headroom(WatchForecast wf) {
        double left = wf.thresholdValue() - wf.forecast().current();
        Unit unit = wf.watch().unit();
        return left >= 0 ? unit.show(left) + " to " + wf.watch().thresholdText()
                : unit.show(-left) + " over " + wf.watch().thresholdText();
    }

    /** "+10 GiB/day (R² 0.99)", empty without a trend. */
    String trend(WatchForecast wf) {
        Forecast f = wf.forecast();
        if (f.trend() == null) {
            return "";
        }
        return perDay(wf, f.slopePerDay()) + String.format(Locale.ROOT, " (R² %.2f)", f.trend().rSquared());
    }

    /** "high", or "low: " and why. */
    String confidence(WatchForecast wf) {
        Forecast f = wf.forecast();
        if (f.trend() == null) {
            return "";
        }
        if (!f.lowConfidence()) {
            return "high";
        }
        List<String> why = new ArrayList<>();
        if (f.doubts().contains(Doubt.POOR_FIT)) {
            why.add(String.format(Locale.ROOT, "a straight line explains little of the history (R² %.2f)",
                    f.trend().rSquared()));
        }
        if (f.doubts().contains(Doubt.CHANGED_TREND)) {
            why.add("the last " + Trend.RECENT + " days move at " + perDay(wf, f.trend().recentSlope())
                    + " against " + perDay(wf, f.slopePerDay()) + " overall");
        }
        return "low: " + String.join("; ", why);
    }

    String day(Instant at, Instant now) {
        boolean sameYear = at.atZone(zone).getYear() == now.atZone(zone).getYear();
        return (sameYear ? DAY : DAY_YEAR).format(at.atZone(zone));
    }

    private static String perDay(WatchForecast wf, double slope) {
        return (slope > 0 ? "+" : "") + wf.watch().unit().show(slope) + "/day";
    }
}
