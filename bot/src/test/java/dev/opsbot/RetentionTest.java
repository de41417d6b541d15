package dev.opsbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.MongoHandledRequests;
import dev.opsbot.testing.CoreFixture;
import java.time.Duration;
import java.time.ZoneOffset;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void oldRequestIdsAndOldSentAnnouncementsGoRecentOnesAndPendingOnesStay() {
        try (CoreFixture core = new CoreFixture()) {
            MongoHandledRequests requests = new MongoHandledRequests(core.store.database());
            requests.firstTime("old-request", core.clock.instant());
            core.outbox.announce(ChannelRef.console("ops"), Reply.note("old, sent"), "old-sent");
            core.outbox.deliverDue();
            core.clock.advance(Duration.ofDays(40));
            requests.firstTime("new-request", core.clock.instant());
            core.outbox.announce(ChannelRef.console("ops"), Reply.note("new, sent"), "new-sent");
            core.outbox.deliverDue();
            // Nothing posts to Discord here, so this one stays pending.
            core.outbox.announce(new ChannelRef(Platform.DISCORD, "1", "x"), Reply.note("pending"), "old-pending");

            Retention.routine(core.outbox, requests, ZoneOffset.UTC).action().run(core.clock.instant());

            var outbox = core.store.database().getCollection("outbox");
            assertThat(outbox.countDocuments(new Document("_id", "old-sent"))).isZero();
            assertThat(outbox.countDocuments(new Document("_id", "new-sent"))).isOne();
            assertThat(outbox.countDocuments(new Document("_id", "old-pending"))).isOne();
            assertThat(requests.firstTime("old-request", core.clock.instant())).as("forgotten").isTrue();
            assertThat(requests.firstTime("new-request", core.clock.instant())).as("still known").isFalse();
        }
    }
}
