package dev.opsbot.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Invocation;
import dev.opsbot.command.MongoHandledRequests;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.MongoAuditLog;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditCommandsTest {

    private final MutableClock clock = MutableClock.at("2026-11-27T14:00:00Z");
    private final MongoStore store = MongoStore.inMemory();
    private final AuditTrail trail = AuditTrail.inMongo(store.database());
    private final IndexedAuditLog log = new IndexedAuditLog(new MongoAuditLog(store.database()), trail);
    private final CommandRouter router = new CommandRouter(
            List.of(AuditCommands.ROOT.handledBy(new AuditCommands(trail, ZoneOffset.UTC))),
            new MongoHandledRequests(store.database()), clock);

    @AfterEach
    void close() {
        store.close();
    }

    private Reply run(String line) {
        return router.handle(Invocation.of(Actor.console("mallory"), ChannelRef.console("ops"), line));
    }

    private void entry(Instant at, String who, String action, String item, String before, String after) {
        log.append(new AuditEntry(at, Actor.console(who), action, item, before, after));
    }

    @Test
    void anItemReadsNewestFirstAPageAtATime() {
        for (int i = 1; i <= 12; i++) {
            entry(clock.instant().minusSeconds(100 - i), "bob", "incident.update", "INC-7", "", "note " + i);
        }

        Reply first = run("/audit INC-7");
        Reply second = run("/audit inc-7 --page 2");

        assertThat(first.isPrivate()).isTrue();
        assertThat(first.title()).isEqualTo("Audit · INC-7");
        assertThat(first.rows()).hasSize(AuditCommands.PAGE).first().asString()
                .isEqualTo("Nov 27 13:58 UTC · \u0001u:console:bob:bob\u0002 · incident.update · INC-7 · note 12");
        assertThat(first.footer()).isEqualTo("Page 1 of 2 · older: the same command with --page 2");
        assertThat(second.rows()).hasSize(2);
        assertThat(second.plainText()).contains("note 2").contains("note 1").doesNotContain("note 3");
        assertThat(second.footer()).isEqualTo("Page 2 of 2");
        assertThat(run("/audit show INC-7").rows()).isEqualTo(first.rows());
    }

    @Test
    void anActorSinceADurationShowsOnlyWhatTheyDidThen() {
        entry(clock.instant().minus(Duration.ofDays(3)), "bob", "escalation.set", "search", "5m", "7m");
        entry(clock.instant().minus(Duration.ofHours(2)), "bob", "escalation.set", "payments", "5m", "7m");
        entry(clock.instant().minus(Duration.ofHours(1)), "carol", "incident.ack", "INC-1", "declared", "acknowledged");

        Reply recent = run("/audit --actor @bob --since 1d");
        Reply all = run("/audit --actor @bob");

        assertThat(recent.rows()).singleElement().asString().contains("payments · 5m → 7m");
        assertThat(recent.footer()).isEqualTo("Page 1");
        assertThat(all.rows()).hasSize(2);
        assertThat(run("/audit --actor @dave").text()).isEqualTo("Nothing recorded.");
        assertThat(run("/audit --actor @bob --since 1m").text()).isEqualTo("Nothing recorded in that time.");
    }

    @Test
    void itNeedsAnItemOrAnActorButNotBoth() {
        assertThat(run("/audit show").plainText()).contains("Name an item or --actor, one of the two.")
                .contains("Usage: /audit show [item] [--actor <@user>] [--since <duration>] [--page <page>]");
        assertThat(run("/audit INC-7 --actor @bob").plainText()).contains("Name an item or --actor, one of the two.");
        assertThat(run("/audit INC-7 --page 0").plainText()).contains("--page counts from 1.");
        assertThat(run("/audit").plainText()).contains("Name an item or --actor, one of the two.");
        assertThat(run("/audit help").title()).startsWith("/audit");
    }

    @Test
    void exportWritesJsonLinesOldestFirstFromTheSinceTime() throws IOException {
        entry(Instant.parse("2026-11-20T10:00:00Z"), "bob", "incident.declare", "INC-1", "", "sev2 \"db\"");
        entry(Instant.parse("2026-11-26T10:00:00Z"), "carol", "access.denied", "payments", "", "incident.close: x");
        entry(Instant.parse("2026-11-27T10:00:00Z"), "alice", "role.grant", "payments", "", "console:bob manager of payments");
        StringBuilder out = new StringBuilder();

        long written = AuditExport.inMongo(store.database())
                .write(AuditExport.since("2d", clock.instant()).orElseThrow(), out);

        assertThat(written).isEqualTo(2);
        assertThat(out.toString().split("\n")).containsExactly(
                "{\"at\": \"2026-11-26T10:00:00Z\", \"actor\": \"console:carol\", \"actorName\": \"carol\", "
                        + "\"action\": \"access.denied\", \"item\": \"payments\", \"before\": \"\", \"after\": \"incident.close: x\"}",
                "{\"at\": \"2026-11-27T10:00:00Z\", \"actor\": \"console:alice\", \"actorName\": \"alice\", "
                        + "\"action\": \"role.grant\", \"item\": \"payments\", \"before\": \"\", "
                        + "\"after\": \"console:bob manager of payments\"}");
        assertThat(AuditExport.since("2026-11-01T00:00:00Z", clock.instant()))
                .contains(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(AuditExport.since("yesterday", clock.instant())).isEmpty();
    }
}
