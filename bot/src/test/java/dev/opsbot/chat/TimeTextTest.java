package dev.opsbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeTextTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-11-30T13:00:00Z");

    @Test
    void aTimeTodayShowsTheClockAndTheZoneAsPeopleSayIt() {
        assertThat(TimeText.at(Instant.parse("2026-11-30T13:03:00Z"), BERLIN, NOW)).isEqualTo("14:03 CET");
        assertThat(TimeText.at(Instant.parse("2026-11-30T13:03:00Z"), ZoneOffset.UTC, NOW)).isEqualTo("13:03 UTC");
        assertThat(TimeText.at(Instant.parse("2026-11-30T13:03:00Z"), ZoneId.of("Etc/UTC"), NOW)).isEqualTo("13:03 UTC");
    }

    @Test
    void aTimeYesterdayOrTomorrowShowsTheDay() {
        assertThat(TimeText.at(Instant.parse("2026-11-29T13:03:00Z"), BERLIN, NOW)).isEqualTo("Sun 29 Nov 14:03 CET");
        assertThat(TimeText.at(Instant.parse("2026-12-01T13:03:00Z"), BERLIN, NOW)).isEqualTo("Tue 1 Dec 14:03 CET");
    }

    @Test
    void aTimeInAnotherYearShowsTheYear() {
        assertThat(TimeText.at(Instant.parse("2025-01-03T13:03:00Z"), BERLIN, NOW)).isEqualTo("3 Jan 2025 14:03 CET");
        assertThat(TimeText.at(Instant.parse("2027-01-03T13:03:00Z"), BERLIN, NOW)).isEqualTo("3 Jan 2027 14:03 CET");
    }

    @Test
    void todayIsTheReadersDayNotUtcs() {
        Instant lateEvening = Instant.parse("2026-11-30T22:00:00Z");
        Instant halfPastMidnightInBerlin = Instant.parse("2026-11-30T23:30:00Z");
        assertThat(TimeText.at(halfPastMidnightInBerlin, BERLIN, lateEvening)).isEqualTo("Tue 1 Dec 00:30 CET");
        assertThat(TimeText.at(halfPastMidnightInBerlin, ZoneOffset.UTC, lateEvening)).isEqualTo("23:30 UTC");
    }

    @Test
    void summerTimeIsNamedAsSuch() {
        Instant july = Instant.parse("2026-07-14T12:00:00Z");
        assertThat(TimeText.at(july, BERLIN, july)).isEqualTo("14:00 CEST");
        assertThat(TimeText.at(july, ZoneId.of("America/New_York"), july)).isEqualTo("08:00 EDT");
    }

    @Test
    void theOlderFormsAreUnchanged() {
        assertThat(TimeText.clock(Instant.parse("2026-11-30T13:03:00Z"), ZoneOffset.UTC)).isEqualTo("13:03 UTC");
        assertThat(TimeText.dayClock(Instant.parse("2026-11-27T13:03:00Z"), ZoneId.of("Europe/London")))
                .isEqualTo("Nov 27 13:03 Europe/London");
    }
}
