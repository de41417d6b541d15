package dev.opsbot.bench;

import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.asset.Asset;
import dev.opsbot.asset.Assets;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Invocation;
import dev.opsbot.probe.ProbeSpec;
import dev.opsbot.probe.Prober;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code /asset verify --all} over a loopback inventory: the application started in-process in
 * server mode on the embedded file store, {@code --assets} assets added through the {@code Assets}
 * port, half probing a listener that accepts, half a closed port (or, with {@code --silent}, a
 * listener that accepts and never answers an HTTP GET, so every probe runs into its timeout). The
 * command goes through the {@code CommandRouter} every adapter hands commands to; while it runs, an
 * {@code /asset show} is timed on another thread. Before it, reading every asset and running every
 * probe (no store writes) are timed alone, to show where the time goes. One application per pool size.
 *
 * <pre>java -cp bench/target/opsbot-bench.jar -Dloader.main=dev.opsbot.bench.VerifyBench \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --assets=2000 --pools=8,32,128</pre>
 */
public final class VerifyBench {

    private static final Actor WHO = Actor.console("bench");
    private static final ChannelRef WHERE = ChannelRef.console("ops");

    private VerifyBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = 2000;
        List<Integer> pools = List.of(8, 32, 128);
        boolean silent = false;
        String timeout = "3s";
        for (String a : args) {
            if (a.startsWith("--assets=")) {
                count = Integer.parseInt(a.substring(9));
            } else if (a.startsWith("--pools=")) {
                pools = java.util.Arrays.stream(a.substring(8).split(",")).map(Integer::parseInt).toList();
            } else if (a.equals("--silent")) {
                silent = true;
            } else if (a.startsWith("--timeout=")) {
                timeout = a.substring(10);
            } else {
                throw new IllegalArgumentException("unknown option " + a);
            }
        }
        System.out.println("| assets | answering / " + (silent ? "silent" : "closed") + " | pool | timeout | "
                + "`/asset verify --all` | reading the assets alone | the probes alone | answer | /asset show meanwhile |");
        System.out.println("|---:|---|---:|---|---:|---:|---:|---|---:|");
        try (Listener answering = new Listener(false); Listener silentOne = new Listener(true)) {
            int other = silent ? silentOne.port() : closedPort();
            for (int pool : pools) {
                System.out.println(run(count, pool, timeout, answering.port(), other, silent));
            }
        }
        System.exit(0);
    }

    private static String run(int count, int pool, String timeout, int open, int other, boolean silent) throws Exception {
        Path data = Files.createTempDirectory("opsbot-verify-bench");
        SpringApplication app = new SpringApplication(OpsbotApplication.class);
        app.setDefaultProperties(Map.of("opsbot.mode", "server"));
        try (ConfigurableApplicationContext context = app.run("--server.port=0", "--server.address=127.0.0.1",
                "--opsbot.data-dir=" + data, "--logging.level.root=WARN", "--OPSBOT_PROBE_POOL=" + pool,
                "--OPSBOT_PROBE_TIMEOUT=" + timeout)) {
            Assets assets = context.getBean(Assets.class);
            for (int i = 0; i < count; i++) {
                String probe = i % 2 == 0 ? "tcp://127.0.0.1:" + open
                        : silent ? "http://127.0.0.1:" + other + "/health" : "tcp://127.0.0.1:" + other;
                assets.add(Asset.declare(String.format(Locale.ROOT, "host-%05d", i), "server", "prod", null, "fra1",
                        null, WHO, null, null, List.of(probe), Map.of(), WHO, Instant.now()));
            }
            CommandRouter router = context.getBean(CommandRouter.class);
            router.handle(Invocation.of(WHO, WHERE, "/asset verify host-00000"));
            long readStart = System.nanoTime();
            List<ProbeSpec> specs = new ArrayList<>();
            assets.each(a -> a.probes().forEach(p -> specs.add(ProbeSpec.parse(p))));
            long readMillis = (System.nanoTime() - readStart) / 1_000_000;
            long probeStart = System.nanoTime();
            context.getBean(Prober.class).runAll(specs);
            long probeMillis = (System.nanoTime() - probeStart) / 1_000_000;
            long start = System.nanoTime();
            CompletableFuture<Reply> all = CompletableFuture.supplyAsync(
                    () -> router.handle(Invocation.of(WHO, WHERE, "/asset verify --all")));
            Thread.sleep(200);
            long showStart = System.nanoTime();
            Reply show = router.handle(Invocation.of(WHO, WHERE, "/asset show host-00001"));
            long showMillis = (System.nanoTime() - showStart) / 1_000_000;
            boolean stillRunning = !all.isDone();
            Reply reply = all.join();
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (!reply.title().equals("Verified " + count + " assets") || show.title().isEmpty()) {
                throw new IllegalStateException("unexpected answer: " + reply.plainText());
            }
            return String.format(Locale.ROOT, "| %,d | %s | %d | %s | %.2f s | %.2f s | %.2f s | %s | %d ms%s |", count,
                    count / 2 + " / " + (count - count / 2), pool, timeout, millis / 1000.0, readMillis / 1000.0,
                    probeMillis / 1000.0, reply.text(), showMillis,
                    stillRunning ? " (verify still running)" : " (verify had finished)");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A loopback listener: closes each connection at once, or holds it without a word. */
    private static final class Listener implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new ArrayList<>();

        Listener(boolean hold) throws IOException {
            server = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        if (hold) {
                            synchronized (held) {
                                held.add(s);
                            }
                        } else {
                            s.close();
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "bench-listener");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
