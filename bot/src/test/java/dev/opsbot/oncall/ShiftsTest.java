package dev.opsbot.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.command.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftsTest {

    private static final Actor A = Actor.console("a");
    private static final Actor B = Actor.console("b");
    private static final Actor C = Actor.console("c");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /** Weekly, Monday 09:00 London, created on Wednesday 25 March 2026, four days before clocks go forward. */
    private static Rotation weeklyLondon() {
        return Rotation.create("weekly", List.of(A, B, C), Duration.ofDays(7), HandoffTime.parse("mon 09:00"), LONDON,
                ChannelRef.console("ops"), A, at("2026-03-25T12:00:00Z"));
    }

    @Test
    void aNewRotationStartsWithItsFirstMemberFromTheLatestHandoff() {
        Rotation r = weeklyLondon();
        assertThat(r.firstDay()).isEqualTo(LocalDate.of(2026, 3, 23));
        Shift now = Shifts.at(r, at("2026-03-25T12:00:00Z"));
        assertThat(now.primary()).isEqualTo(A);
        assertThat(now.secondary()).isEqualTo(B);
        assertThat(now.from()).isEqualTo(at("2026-03-23T09:00:00Z"));
    }

    @Test
    void theHandoffStaysAtNineLocalWhenTheClocksGoForward() {
        Rotation r = weeklyLondon();
        // 09:00 GMT before the change, 09:00 BST (08:00 UTC) after it: a turn of 167 hours.
        assertThat(Shifts.at(r, at("2026-03-30T07:59:59Z")).primary()).isEqualTo(A);
        assertThat(Shifts.at(r, at("2026-03-30T08:00:00Z")).primary()).isEqualTo(B);
        Shift first = Shifts.scheduled(r, at("2026-03-29T12:00:00Z"));
        assertThat(Duration.between(first.from(), first.until())).isEqualTo(Duration.ofHours(167));
        assertThat(Shifts.nextHandoff(r, at("2026-03-25T12:00:00Z"))).isEqualTo(at("2026-03-30T08:00:00Z"));
    }

    @Test
    void theHandoffStaysAtNineLocalWhenTheClocksGoBack() {
        Rotation r = weeklyLondon();
        // Turn 30 (a) starts 19 October 09:00 BST; turn 31 (b) on 26 October 09:00 GMT, 169 hours later.
        Shift turn30 = Shifts.at(r, at("2026-10-25T12:00:00Z"));
        assertThat(turn30.primary()).isEqualTo(A);
        assertThat(turn30.from()).isEqualTo(at("2026-10-19T08:00:00Z"));
        assertThat(turn30.until()).isEqualTo(at("2026-10-26T09:00:00Z"));
        assertThat(Duration.between(turn30.from(), turn30.until())).isEqualTo(Duration.ofHours(169));
        assertThat(Shifts.at(r, at("2026-10-26T08:30:00Z")).primary()).isEqualTo(A);
        assertThat(Shifts.at(r, at("2026-10-26T09:00:00Z")).primary()).isEqualTo(B);
    }

    @Test
    void aDailyHandoffInsideTheSpringGapMovesPastTheGap() {
        Rotation r = Rotation.create("nightly", List.of(A, B), Duration.ofDays(1), HandoffTime.parse("02:30"), NEW_YORK,
                ChannelRef.console("ops"), A, at("2026-03-07T12:00:00Z"));
        // 7 March 02:30 EST is 07:30Z; on 8 March 02:30 does not exist, so 03:30 EDT (07:30Z);
        // 9 March 02:30 EDT is 06:30Z.
        assertThat(Shifts.at(r, at("2026-03-07T12:00:00Z")).primary()).isEqualTo(A);
        Shift eighth = Shifts.at(r, at("2026-03-08T12:00:00Z"));
        assertThat(eighth.primary()).isEqualTo(B);
        assertThat(eighth.from()).isEqualTo(at("2026-03-08T07:30:00Z"));
        assertThat(eighth.until()).isEqualTo(at("2026-03-09T06:30:00Z"));
        assertThat(Shifts.at(r, at("2026-03-09T06:30:00Z")).primary()).isEqualTo(A);
    }

    @Test
    void aDailyHandoffInsideTheAutumnOverlapTakesTheEarlierInstant() {
        Rotation r = Rotation.create("nightly", List.of(A, B), Duration.ofDays(1), HandoffTime.parse("01:30"), NEW_YORK,
                ChannelRef.console("ops"), A, at("2026-10-31T12:00:00Z"));
        // 1 November 01:30 happens twice; the handoff is the first (EDT, 05:30Z); the turn lasts 25 hours.
        Shift first = Shifts.at(r, at("2026-11-01T05:29:59Z"));
        assertThat(first.primary()).isEqualTo(A);
        Shift overlapDay = Shifts.at(r, at("2026-11-01T05:30:00Z"));
        assertThat(overlapDay.primary()).isEqualTo(B);
        assertThat(overlapDay.until()).isEqualTo(at("2026-11-02T06:30:00Z"));
        assertThat(Duration.between(overlapDay.from(), overlapDay.until())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void turnsCycleThroughTheMembersAndTwoWeekTurnsSkipAWeek() {
        Rotation r = Rotation.create("fortnight", List.of(A, B), Duration.ofDays(14), HandoffTime.parse("mon 09:00"),
                ZoneId.of("UTC"), ChannelRef.console("ops"), A, at("2026-01-05T09:00:00Z"));
        assertThat(Shifts.at(r, at("2026-01-12T10:00:00Z")).primary()).isEqualTo(A);
        assertThat(Shifts.at(r, at("2026-01-19T10:00:00Z")).primary()).isEqualTo(B);
        assertThat(Shifts.at(r, at("2026-02-02T10:00:00Z")).primary()).isEqualTo(A);
        assertThat(Shifts.at(r, at("2026-01-05T08:00:00Z")).primary()).as("before the first handoff, turn -1")
                .isEqualTo(B);
    }

    @Test
    void anOverrideTakesThePrimaryAndTheBackupIsNeverWhoSteppedAway() {
        Rotation r = weeklyLondon().withCovers(List.of(new Cover(C, at("2026-03-26T10:00:00Z"),
                at("2026-03-26T14:00:00Z"), A)), at("2026-03-26T10:00:00Z"));
        Shift covered = Shifts.at(r, at("2026-03-26T12:00:00Z"));
        assertThat(covered.primary()).isEqualTo(C);
        assertThat(covered.secondary()).as("the turn's own backup, not A who stepped away").isEqualTo(B);
        assertThat(covered.overridden()).isTrue();
        assertThat(covered.until()).isEqualTo(at("2026-03-26T14:00:00Z"));
        assertThat(Shifts.at(r, at("2026-03-26T14:00:00Z")).primary()).isEqualTo(A);
    }

    @Test
    void overridesThatAreOverAreForgottenWhenNewOnesAreAdded() {
        Rotation r = weeklyLondon().withCovers(List.of(new Cover(C, at("2026-03-26T10:00:00Z"),
                at("2026-03-26T14:00:00Z"), A)), at("2026-03-26T10:00:00Z"));
        Rotation later = r.withCovers(List.of(new Cover(B, at("2026-03-27T10:00:00Z"), at("2026-03-27T11:00:00Z"), A)),
                at("2026-03-27T10:00:00Z"));
        assertThat(later.covers()).extracting(Cover::who).containsExactly(B);
    }

    @Test
    void someonesNextTurnIsFoundWithinOneCycle() {
        Rotation r = weeklyLondon();
        assertThat(Shifts.nextTurnOf(r, C, at("2026-03-25T12:00:00Z")).orElseThrow().from())
                .isEqualTo(at("2026-04-06T08:00:00Z"));
        assertThat(Shifts.nextTurnOf(r, Actor.console("zed"), at("2026-03-25T12:00:00Z"))).isEmpty();
    }

    @Test
    void handoffTimesAreReadAsPeopleWriteThem() {
        assertThat(HandoffTime.parse("Monday 09:00").text()).isEqualTo("Mon 09:00");
        assertThat(HandoffTime.parse("17:30").day()).isNull();
        assertThatThrownBy(() -> HandoffTime.parse("mo 9")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> HandoffTime.parse("funday 09:00")).isInstanceOf(Refusal.class);
    }

    @Test
    void aRotationRefusesTurnsItCannotKeep() {
        ChannelRef ops = ChannelRef.console("ops");
        Instant now = at("2026-03-25T12:00:00Z");
        assertThatThrownBy(() -> Rotation.create("r1", List.of(A), Duration.ofHours(12), HandoffTime.parse("09:00"),
                LONDON, ops, A, now)).hasMessageContaining("whole days or weeks");
        assertThatThrownBy(() -> Rotation.create("r1", List.of(A), Duration.ofDays(3), HandoffTime.parse("mon 09:00"),
                LONDON, ops, A, now)).hasMessageContaining("whole weeks");
        assertThatThrownBy(() -> Rotation.create("r1", List.of(A, A), Duration.ofDays(7),
                HandoffTime.parse("mon 09:00"), LONDON, ops, A, now)).hasMessageContaining("only once");
        assertThatThrownBy(() -> Rotation.create("Bad Name", List.of(A), Duration.ofDays(7),
                HandoffTime.parse("mon 09:00"), LONDON, ops, A, now)).hasMessageContaining("not a rotation name");
    }

    @Test
    void whenTheBackupCoversThePrimaryTheNextMemberInLineIsBackup() {
        Rotation r = weeklyLondon().withCovers(List.of(new Cover(B, at("2026-03-26T10:00:00Z"),
                at("2026-03-26T14:00:00Z"), A)), at("2026-03-26T10:00:00Z"));
        assertThat(Shifts.at(r, at("2026-03-26T12:00:00Z")).secondary()).isEqualTo(C);

        Rotation pair = Rotation.create("pair", List.of(A, B), Duration.ofDays(7), HandoffTime.parse("mon 09:00"),
                LONDON, ChannelRef.console("ops"), A, at("2026-03-25T12:00:00Z"))
                .withCovers(List.of(new Cover(B, at("2026-03-26T10:00:00Z"), at("2026-03-26T14:00:00Z"), A)),
                        at("2026-03-26T10:00:00Z"));
        assertThat(Shifts.at(pair, at("2026-03-26T12:00:00Z")).secondary()).as("nobody else is left").isNull();
    }

    @Test
    void aWeeklyHandoffWithoutADayIsOnMondaysWhateverDayTheRotationIsCreated() {
        Rotation r = Rotation.create("weekly", List.of(A, B), Duration.ofDays(7), HandoffTime.parse("09:00"), LONDON,
                ChannelRef.console("ops"), A, at("2026-03-29T12:00:00Z"));
        assertThat(r.handoffText()).isEqualTo("Mondays 09:00 Europe/London");
        assertThat(Shifts.nextHandoff(r, at("2026-03-29T12:00:00Z"))).as("Monday Mar 30, 09:00 BST")
                .isEqualTo(at("2026-03-30T08:00:00Z"));
        Rotation daily = Rotation.create("daily", List.of(A, B), Duration.ofDays(1), HandoffTime.parse("09:00"),
                ZoneId.of("UTC"), ChannelRef.console("ops"), A, at("2026-03-29T12:00:00Z"));
        assertThat(daily.handoffText()).isEqualTo("09:00 UTC");
    }
}
