package dev.opsbot.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import dev.opsbot.chat.Actor;
import dev.opsbot.command.Invocation;
import dev.opsbot.testing.CoreFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.h2.mvstore.MVStore;

/**
 * What durability costs a declaration: {@code /incident declare} through the router, one caller
 * after another, on an H2 file store three ways in one run: as the H2 backend ships (writes
 * saved in the background), committed before each answer, and committed and synced (the store
 * opsbot runs), with the size of each file afterwards. Not a test; run by hand (docs/benchmarks.md,
 * "Durability").
 */
public final class DeclareCost {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        Path root = Files.createTempDirectory(args.length > 1 ? Path.of(args[1]) : Path.of("/tmp"), "declare-cost");
        System.out.printf("%-34s %8s %8s %8s %9s%n", "store", "p50 ms", "p99 ms", "max ms", "file KB");
        for (int round = 0; round < 2; round++) {
            Path shipped = root.resolve("shipped" + round + ".mv");
            measure("background save (H2 as shipped)", count, round, new H2Backend(MVStore.open(shipped.toString())),
                    shipped);
            Path commit = root.resolve("commit" + round + ".mv");
            measure("commit before answering", count, round, new CommitOnly(MVStore.open(commit.toString())), commit);
            Path synced = root.resolve("sync" + round + ".mv");
            measure("commit + sync (opsbot)", count, round, new EmbeddedBackend(MVStore.open(synced.toString())),
                    synced);
        }
    }

    private static void measure(String name, int count, int round, H2Backend backend, Path file) throws Exception {
        double[] ms = new double[count];
        try (CoreFixture core = new CoreFixture(MongoStore.startEmbedded(backend, name, null))) {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                core.router().handle(Invocation.of(Actor.console("alice"), core.here,
                        "/incident declare sev2 disk latency " + i));
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(ms);
        if (round > 0) {
            System.out.printf("%-34s %8.2f %8.2f %8.2f %9d%n", name, ms[count / 2], ms[(int) (count * 0.99)],
                    ms[count - 1], Files.size(file) / 1024);
        }
    }

    /** The H2 backend with a commit before each write's answer but no sync. */
    private static final class CommitOnly extends H2Backend {
        CommitOnly(MVStore store) {
            super(store);
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            try {
                return super.handleMessage(message);
            } finally {
                getMvStore().commit();
            }
        }
    }
}
