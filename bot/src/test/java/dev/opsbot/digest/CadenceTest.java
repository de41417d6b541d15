package dev.opsbot.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CadenceTest {

    private static final LocalTime NINE = LocalTime.of(9, 0);
    // Friday 27 November 2026.
    private static final Instant FRIDAY_NOON = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void dailyIsTheNextNineOClockStrictlyAfter() {
        assertThat(Cadence.DAILY.next(FRIDAY_NOON, NINE, ZoneOffset.UTC)).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(Cadence.DAILY.next(Instant.parse("2026-11-27T08:59:59Z"), NINE, ZoneOffset.UTC))
                .isEqualTo("2026-11-27T09:00:00Z");
        assertThat(Cadence.DAILY.next(Instant.parse("2026-11-27T09:00:00Z"), NINE, ZoneOffset.UTC))
                .isEqualTo("2026-11-28T09:00:00Z");
    }

    @Test
    void weekdaysSkipTheWeekendAndWeeklyIsMondays() {
        assertThat(Cadence.WEEKDAYS.next(FRIDAY_NOON, NINE, ZoneOffset.UTC)).isEqualTo("2026-11-30T09:00:00Z");
        assertThat(Cadence.WEEKLY.next(FRIDAY_NOON, NINE, ZoneOffset.UTC)).isEqualTo("2026-11-30T09:00:00Z");
        assertThat(Cadence.WEEKLY.next(Instant.parse("2026-11-30T09:00:00Z"), NINE, ZoneOffset.UTC))
                .isEqualTo("2026-12-07T09:00:00Z");
    }

    @Test
    void theTimeIsReadInTheSubscriptionsZoneAcrossDaylightSaving() {
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(Cadence.DAILY.next(FRIDAY_NOON, NINE, london)).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(Cadence.DAILY.next(Instant.parse("2027-03-27T12:00:00Z"), NINE, london))
                .isEqualTo("2027-03-28T08:00:00Z");
        // 01:30 does not exist in London on 28 March 2027: the post comes at the end of the gap.
        assertThat(Cadence.DAILY.next(Instant.parse("2027-03-27T12:00:00Z"), LocalTime.of(1, 30), london))
                .isEqualTo("2027-03-28T01:30:00Z");
    }

    @Test
    void describesItselfInPlainWords() {
        assertThat(Cadence.WEEKDAYS.describe(NINE, ZoneId.of("Europe/London")))
                .isEqualTo("on weekdays at 09:00 Europe/London");
    }
}
