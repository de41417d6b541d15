package dev.opsbot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.store.MongoActors;
import dev.opsbot.testing.CoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The clock starts on Friday 27 November 2026, 14:00 UTC; the team reads UTC unless a channel chose otherwise. */
class ChannelZonesTest {

    /** As OPSBOT_TIMEZONE reads it by default. */
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final CoreFixture core = new CoreFixture();
    private final ChannelZones zones = ChannelZones.inMongo(core.store.database(), UTC, core.clock);

    ChannelZonesTest() {
        core.zones(zones::of).with(ChannelCommands.ROOT.handledBy(new ChannelCommands(zones, core.audit)));
    }

    @AfterEach
    void close() {
        core.close();
    }

    private String story(String id) {
        return core.run("carol", "/incident show " + id).plainText();
    }

    @Test
    void aStoryReadsInTheTeamZoneUntilTheChannelChoosesItsOwn() {
        core.run("bob", "/incident declare sev2 db latency");
        assertThat(story("INC-1")).contains("Declared: @bob at 14:00 UTC").contains("14:00 UTC @bob declared");

        Reply chosen = core.run("alice", "/channel zone #ops Europe/Berlin");
        assertThat(chosen.plainText()).contains("#ops now reads its times in Europe/Berlin (was the team's, UTC)")
                .contains("it is 15:00 CET there");

        assertThat(story("INC-1")).contains("Declared: @bob at 15:00 CET").contains("15:00 CET @bob declared")
                .doesNotContain("UTC");
        assertThat(core.audit.forItem("console:ops", 5)).singleElement()
                .satisfies(e -> assertThat(e.action() + " " + e.before() + " -> " + e.after())
                        .isEqualTo("channel.zone  -> Europe/Berlin"));
    }

    @Test
    void aTimeYesterdayShowsTheDateAndLastYearsTheYear() {
        core.run("bob", "/incident declare sev2 db latency");
        core.clock.advance(Duration.ofDays(1));
        assertThat(story("INC-1")).contains("Declared: @bob at Fri 27 Nov 14:00 UTC")
                .contains("Fri 27 Nov 14:00 UTC @bob declared");

        core.clock.set(Instant.parse("2027-01-04T09:00:00Z"));
        assertThat(story("INC-1")).contains("Declared: @bob at 27 Nov 2026 14:00 UTC");
    }

    @Test
    void todayIsTheChannelsDay() {
        // 23:30 UTC on the 27th is already the 28th in Tokyo, where the channel reads it at 08:30 the same day.
        core.clock.set(Instant.parse("2026-11-27T23:30:00Z"));
        core.run("bob", "/incident declare sev2 db latency");
        core.run("alice", "/channel zone #ops Asia/Tokyo");
        core.clock.set(Instant.parse("2026-11-28T00:10:00Z"));
        assertThat(story("INC-1")).contains("Declared: @bob at 08:30 JST");
        core.run("alice", "/channel unzone #ops");
        assertThat(story("INC-1")).contains("Declared: @bob at Fri 27 Nov 23:30 UTC");
    }

    @Test
    void showNamesTheZoneAndTheChannelsWithTheirOwn() {
        assertThat(core.run("alice", "/channel show").plainText())
                .contains("#ops reads its times in UTC, the team's zone: it is 14:00 UTC there.");
        core.run("alice", "/channel zone #berlin Europe/Berlin");
        Reply shown = core.run("alice", "/channel show #berlin");
        assertThat(shown.plainText()).contains("#berlin reads its times in Europe/Berlin, its own zone");
        assertThat(shown.rows()).extracting(Inline::plain).containsExactly("#berlin · Europe/Berlin");
        assertThat(zones.of(ChannelRef.console("berlin"))).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void badInputIsOneSentenceAndNothingIsStored() {
        Reply bad = core.run("alice", "/channel zone #ops Mars/Base");
        assertThat(bad.isPrivate()).isTrue();
        assertThat(bad.plainText()).contains("“Mars/Base” is not a time zone").contains("/channel zone");
        assertThat(zones.all()).isEmpty();
        Reply nothingToUndo = core.run("alice", "/channel unzone #ops");
        assertThat(nothingToUndo.plainText()).isEqualTo("#ops already reads its times in the team's zone, UTC.");
    }

    @Test
    void anotherInstancesChoiceIsSeenOnceTheCacheIsStale() {
        ChannelZones other = ChannelZones.inMongo(core.store.database(), UTC, core.clock);
        assertThat(zones.of(core.here)).isEqualTo(UTC);
        other.choose(core.here, ZoneId.of("Europe/Berlin"));
        assertThat(zones.of(core.here)).isEqualTo(UTC);
        core.clock.advance(MongoChannelZones.FRESH);
        assertThat(zones.of(core.here)).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aStoredZoneThisJvmDoesNotKnowFallsBackToTheTeamsInsteadOfFailingEveryCommand() {
        core.store.database().getCollection("channel_zones").insertOne(new Document("_id", core.here.key())
                .append("channel", MongoActors.encode(core.here)).append("zone", "Atlantis/Capital"));
        core.run("bob", "/incident declare sev2 db latency");
        assertThat(story("INC-1")).contains("Declared: @bob at 14:00 UTC");
    }
}
