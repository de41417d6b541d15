package dev.opsbot.kpi;

import dev.opsbot.digest.DigestSection;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The weekly KPIs in a digest: the last seven days, in the digest that goes out on a Monday (every
 * weekly digest, and the Monday one of daily and weekday digests), so it reads as a week's review.
 */
public final class KpiSection implements DigestSection {

    private final Kpis kpis;

    public KpiSection(Kpis kpis) {
        this.kpis = kpis;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String title() {
        return "KPIs of the last 7 days";
    }

    @Override
    public List<String> lines(Instant now, ZoneId zone) {
        if (now.atZone(zone).getDayOfWeek() != DayOfWeek.MONDAY) {
            return List.of();
        }
        return Kpis.lines(kpis.measure(now, Duration.ofDays(7), null));
    }
}
