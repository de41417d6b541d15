package dev.opsbot.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.ownership.OpsFixture;
import dev.opsbot.testing.RecordingPoster.Post;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clock starts on Friday 27 November 2026, 14:00 UTC (GMT in London). */
class OnCallCommandsTest {

    private final OpsFixture ops = new OpsFixture();

    @BeforeEach
    void paymentsWithRotation() {
        ops.ok("lead", "/service add payments --team core --channel #payments --tier 1");
        ops.ok("lead", "/oncall rotation create payments-primary --members @alice,@bob,@carol --every 1w "
                + "--handoff \"mon 09:00\" --tz Europe/London --service payments");
    }

    @AfterEach
    void close() {
        ops.close();
    }

    private Rotation rotation() {
        return ops.rotations.find("payments-primary").orElseThrow();
    }

    @Test
    void creatingARotationAttachesItAndSaysWhoIsOnCall() {
        assertThat(ops.services.find("payments").orElseThrow().rotation()).isEqualTo("payments-primary");
        String who = ops.ok("dave", "/oncall who payments").plainText();
        assertThat(who).contains("@alice until Mon 30 Nov 09:00 UTC, backup @bob");
        assertThat(ops.ok("dave", "/oncall rotation show payments-primary").plainText())
                .contains("every 1w, handoff Mondays 09:00 Europe/London").contains("Services: payments");
        assertThat(ops.core.audit.forItem("rotation:payments-primary", 5))
                .anyMatch(e -> e.action().equals("oncall.rotation.create"));
    }

    @Test
    void eachHandoffIsAnnouncedInTheServiceChannelAndTheNextOneIsScheduled() {
        ops.advance(Duration.ofDays(2).plusHours(18).plusMinutes(59));
        assertThat(ops.postsTo("payments")).isEmpty();

        ops.advance(Duration.ofMinutes(1));
        assertThat(ops.postsTo("payments")).hasSize(1);
        assertThat(ops.postsTo("payments").get(0).text()).startsWith("On-call handoff · payments-primary")
                .contains("@bob is now on call until Mon 7 Dec 09:00 GMT, taking over from @alice.")
                .contains("Backup: @carol.");
        assertThat(ops.due.pending("rotation:payments-primary", 5)).extracting(i -> i.dueAt())
                .containsExactly(Instant.parse("2026-12-07T09:00:00Z"));

        ops.advance(Duration.ofDays(7));
        assertThat(ops.postsTo("payments")).extracting(Post::text).last().asString()
                .contains("@carol is now on call");
    }

    @Test
    void anOverrideHandsThePagerOverForAWhile() {
        String reply = ops.ok("alice", "/oncall override @dave 4h --service payments").plainText();
        assertThat(reply).contains("@dave is on call for payments-primary until 18:00 UTC, "
                + "instead of @alice.");
        assertThat(Shifts.at(rotation(), ops.core.clock.instant()).primary()).isEqualTo(Actor.console("dave"));
        assertThat(ops.ok("x", "/oncall who payments").plainText()).contains("@dave (override) until")
                .contains("backup @bob").as("never the person who stepped away").doesNotContain("backup @alice");

        ops.advance(Duration.ofHours(4));
        assertThat(Shifts.at(rotation(), ops.core.clock.instant()).primary()).isEqualTo(Actor.console("alice"));
    }

    @Test
    void aSwapTradesTheRestOfMyShiftForTheirNextOneAndShowsBeforeAndAfter() {
        String reply = ops.ok("alice", "/oncall swap @bob").plainText();
        assertThat(reply).contains("@alice and @bob traded shifts.")
                .contains("Before: @alice 14:00 UTC – Mon 30 Nov 09:00 UTC; "
                        + "@bob Mon 30 Nov 09:00 UTC – Mon 7 Dec 09:00 UTC")
                .contains("After: @bob 14:00 UTC – Mon 30 Nov 09:00 UTC; "
                        + "@alice Mon 30 Nov 09:00 UTC – Mon 7 Dec 09:00 UTC");
        Rotation r = rotation();
        assertThat(Shifts.at(r, Instant.parse("2026-11-28T00:00:00Z")).primary()).isEqualTo(Actor.console("bob"));
        assertThat(Shifts.at(r, Instant.parse("2026-12-01T00:00:00Z")).primary()).isEqualTo(Actor.console("alice"));
        assertThat(Shifts.at(r, Instant.parse("2026-12-08T00:00:00Z")).primary()).as("the cycle goes on")
                .isEqualTo(Actor.console("carol"));
        assertThat(Shifts.at(r, Instant.parse("2026-12-15T00:00:00Z")).primary()).as("bob's own later turn is his")
                .isEqualTo(Actor.console("alice"));
    }

    @Test
    void twoPeopleNotOnCallTradeTheirNextShifts() {
        String reply = ops.ok("carol", "/oncall swap @bob").plainText();
        assertThat(reply).contains("After: @bob Mon 7 Dec 09:00 UTC – Mon 14 Dec 09:00 UTC; "
                + "@carol Mon 30 Nov 09:00 UTC – Mon 7 Dec 09:00 UTC");
        Rotation r = rotation();
        assertThat(Shifts.at(r, Instant.parse("2026-12-01T00:00:00Z")).primary()).isEqualTo(Actor.console("carol"));
        assertThat(Shifts.at(r, Instant.parse("2026-12-08T00:00:00Z")).primary()).isEqualTo(Actor.console("bob"));
    }

    @Test
    void aSwapThatWouldLeaveSomeoneOnCallForTwoTurnsInARowIsRefused() {
        String reply = ops.run("alice", "/oncall swap @carol").plainText();
        assertThat(reply).isEqualTo("That would leave @alice on call for two turns in a row around Mon 14 Dec "
                + "09:00 UTC; swap with someone else, or use /oncall override for part of a shift.");
        assertThat(rotation().covers()).isEmpty();
    }

    @Test
    void aSwapNeedsSomeoneElseInTheRotationAndAShiftToTrade() {
        assertThat(ops.run("alice", "/oncall swap @zed").plainText()).contains("@zed is not in payments-primary");
        assertThat(ops.run("alice", "/oncall swap @alice").plainText()).startsWith("Swap with someone else.");
        assertThat(ops.run("zed", "/oncall swap @bob").plainText())
                .startsWith("You have no shift in payments-primary to trade");
        assertThat(rotation().covers()).isEmpty();
    }

    @Test
    void attachingARotationToAServiceThatHasOneSaysWhatItReplaces() {
        ops.ok("lead", "/oncall rotation create db --members @erin --every 1d --handoff 08:00");
        String reply = ops.ok("lead", "/oncall rotation attach db --service payments").plainText();
        assertThat(reply).contains("This replaces payments-primary for payments; payments-primary no longer pages "
                + "for it.");
        assertThat(ops.run("lead", "/oncall rotation attach db --service payments").plainText())
                .isEqualTo("payments is already answered by db.");
    }

    @Test
    void aRotationWithoutTzUsesTheTeamZone() {
        var team = new OpsFixture(ZoneId.of("Europe/Berlin"));
        try (team) {
            team.ok("lead", "/oncall rotation create ops-week --members @a,@b --handoff 09:00");
            assertThat(team.rotations.find("ops-week").orElseThrow().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(team.ok("x", "/oncall rotation show ops-week").plainText())
                    .contains("every 1w, handoff Mondays 09:00 Europe/Berlin");
        }
    }

    @Test
    void whoWithoutAServiceListsEveryRotation() {
        ops.ok("lead", "/oncall rotation create db --members @erin --every 1d --handoff 08:00");
        String all = ops.ok("x", "/oncall who").plainText();
        assertThat(all).contains("db: @erin until Sat 28 Nov 08:00 UTC")
                .contains("payments-primary (payments): @alice until Mon 30 Nov 09:00 UTC");
    }

    @Test
    void withSeveralRotationsAnOverrideMustSayWhich() {
        ops.ok("lead", "/oncall rotation create db --members @erin --every 1d --handoff 08:00");
        assertThat(ops.run("alice", "/oncall override @dave 1h").plainText())
                .contains("Say which rotation, with --rotation <name> or --service <name>.")
                .contains("Usage: /oncall override");
        ops.ok("alice", "/oncall override @dave 1h --rotation db");
        assertThat(ops.rotations.find("db").orElseThrow().covers()).hasSize(1);
    }

    @Test
    void badRotationsAreRefusedAndNothingIsStored() {
        assertThat(ops.run("lead", "/oncall rotation create r2 --members @a --every 3h").plainText())
                .contains("whole days or weeks");
        assertThat(ops.run("lead", "/oncall rotation create r2 --members @a --handoff \"someday 9\"").plainText())
                .contains("is not a handoff time");
        assertThat(ops.run("lead", "/oncall rotation create r2 --members @a --tz Mars/Base").plainText())
                .contains("not a time zone");
        assertThat(ops.run("lead", "/oncall rotation create r2 --members @a --service nope").plainText())
                .contains("There is no service “nope”");
        assertThat(ops.run("lead", "/oncall rotation create payments-primary --members @a").plainText())
                .contains("There is already a rotation payments-primary.");
        assertThat(ops.run("lead", "/oncall rotation create").plainText()).contains("Name the rotation");
        assertThat(ops.run("lead", "/oncall override @bob 40d").plainText()).contains("at most 31 days");
        assertThat(ops.rotations.list(10)).extracting(Rotation::name).containsExactly("payments-primary");
    }

    @Test
    void attachingPointsAServiceAtARotation() {
        ops.ok("lead", "/service add search --team find --channel #search");
        ops.ok("lead", "/oncall rotation attach payments-primary --service search");
        assertThat(ops.services.find("search").orElseThrow().rotation()).isEqualTo("payments-primary");
        assertThat(ops.run("lead", "/oncall rotation attach payments-primary").plainText())
                .contains("Say which service");
    }

    @Test
    void theDigestSaysWhoIsOnCallNow() {
        var section = new OnCallNow(ops.rotations, ops.onCall);
        assertThat(section.lines(ops.core.clock.instant(), java.time.ZoneId.of("UTC")))
                .extracting(dev.opsbot.chat.Inline::plain)
                .containsExactly("payments-primary (payments): @alice until Mon 30 Nov 09:00 UTC, backup @bob");
    }

    @Test
    void aRotationInUtcSaysUtcNotZ() {
        ops.ok("lead", "/oncall rotation create db --members @erin --every 1d --handoff 08:00");
        assertThat(ops.ok("x", "/oncall rotation show db").plainText())
                .contains("Turns: every 1d, handoff 08:00 UTC").doesNotContain(" Z");
    }

    @Test
    void optionsAnActionWouldIgnoreAreRefusedAndNothingChanges() {
        ops.ok("lead", "/service add search --team find --channel #search");
        String refused = ops.run("lead", "/oncall rotation attach payments-primary --service search --members @zed")
                .plainText();
        assertThat(refused).contains("--members is only for /oncall rotation create.")
                .contains("Usage: /oncall rotation");
        assertThat(ops.services.find("search").orElseThrow().rotation()).isNull();
        assertThat(ops.run("x", "/oncall rotation show payments-primary --tz UTC").plainText())
                .contains("--tz is only for /oncall rotation create.");
        assertThat(ops.run("x", "/oncall rotation show payments-primary --service search").plainText())
                .contains("--service is only for /oncall rotation create and attach.");
        assertThat(rotation().members()).extracting(Actor::id).containsExactly("alice", "bob", "carol");
    }

    @Test
    void anOverrideOnAServiceWithoutRotationSaysHowToAttachOne() {
        ops.ok("lead", "/service add search --team find --channel #search");
        assertThat(ops.run("alice", "/oncall override @dave 1h --service search").plainText())
                .contains("search has no on-call rotation; attach one with /oncall rotation attach <rotation> "
                        + "--service search.");
    }

    @Test
    void serviceAndRotationNamesAreOneWordSoAnExtraWordIsNamedAsUnexpected() {
        assertThat(ops.run("dave", "/oncall who payments extra").plainText())
                .contains("I did not expect “extra” there.").contains("Usage: /oncall who");
        assertThat(ops.run("dave", "/oncall rotation show payments-primary extra").plainText())
                .contains("I did not expect “extra” there.").contains("Usage: /oncall rotation");
    }
}
