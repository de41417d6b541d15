package dev.opsbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.Invocation;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.testing.CoreFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/** Many people press Acknowledge on the same incident at once, through the real driver. */
class ConcurrentAcknowledgeTest {

    private static final int PEOPLE = 16;

    @RepeatedTest(5)
    void exactlyOneWinsAndEveryoneElseIsToldWhoDid() throws Exception {
        try (CoreFixture core = new CoreFixture()) {
            core.clock.set(Instant.parse("2026-11-27T14:03:00Z"));
            core.run("dana", "/incident declare sev1 checkout down");
            ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
            List<Reply> replies = new ArrayList<>();
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Reply>> pending = new ArrayList<>();
                for (int p = 0; p < PEOPLE; p++) {
                    Actor person = Actor.console("oncall" + p);
                    pending.add(pool.submit(() -> {
                        go.await();
                        return core.router().handle(Invocation.of(person, core.here, "/incident ack INC-1"));
                    }));
                }
                go.countDown();
                for (Future<Reply> f : pending) {
                    replies.add(f.get(30, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }

            List<Reply> wins = replies.stream().filter(r -> !r.isPrivate()).toList();
            assertThat(wins).hasSize(1);
            Incident stored = core.incidents.find("INC-1").orElseThrow();
            String winner = stored.acknowledgedBy().name();
            assertThat(Inline.plain(wins.get(0).text())).isEqualTo("Acknowledged by @" + winner + ".");
            assertThat(replies).filteredOn(Reply::isPrivate).hasSize(PEOPLE - 1)
                    .allSatisfy(r -> {
                        assertThat(Inline.plain(r.text()))
                                .isEqualTo("INC-1 was already acknowledged by @" + winner + " at 14:03 UTC.");
                        assertThat(r.footer()).as("state, not input, was at fault").isEmpty();
                    });
            assertThat(stored.timeline()).extracting(TimelineEntry::kind).containsExactly("declared", "acknowledged");
            assertThat(core.audit.forItem("INC-1", 50)).extracting(AuditEntry::action)
                    .containsExactly("incident.ack", "incident.declare");
        }
    }
}
