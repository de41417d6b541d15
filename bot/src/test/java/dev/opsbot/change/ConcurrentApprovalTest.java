package dev.opsbot.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.Invocation;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.MongoStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two owners press Approve on a high-risk change that already has its first approval, at the same
 * moment, on the embedded file store the application runs: exactly one second approval is stored.
 */
class ConcurrentApprovalTest {

    @TempDir
    Path data;

    @RepeatedTest(3)
    void twoApproversAtOnceGiveExactlyOneSecondApproval() throws Exception {
        try (ChangeFixture f = new ChangeFixture(MongoStore.embedded(data))) {
            f.ok("lead", "/service add payments --team core --channel #payments --owner @carol");
            f.ok("lead", "/service add storefront --team web --channel #storefront --owner @frank");
            f.ok("alice", "/change request upgrade postgres --asset db-01 --start +1h --end +2h --risk high");
            f.ok("bob", "/change approve CHG-1");

            List<Reply> replies = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Reply>> pending = new ArrayList<>();
                for (String owner : List.of("carol", "frank")) {
                    pending.add(pool.submit(() -> {
                        go.await();
                        return f.core.router().handle(Invocation.of(Actor.console(owner), f.core.here,
                                "/change approve CHG-1"));
                    }));
                }
                go.countDown();
                for (Future<Reply> p : pending) {
                    replies.add(p.get(30, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }

            ChangeRequest stored = f.changes.find("CHG-1").orElseThrow();
            assertThat(stored.state()).isEqualTo(ChangeState.APPROVED);
            assertThat(stored.approvals()).hasSize(2);
            assertThat(replies).filteredOn(r -> !r.isPrivate()).hasSize(1);
            assertThat(replies).filteredOn(Reply::isPrivate).singleElement()
                    .satisfies(r -> assertThat(r.plainText()).contains("CHG-1 is already approved by @bob and @"));
            assertThat(f.core.audit.forItem("CHG-1", 10)).extracting(AuditEntry::action)
                    .containsExactly("change.approve", "change.approve", "change.request");
        }
    }
}
