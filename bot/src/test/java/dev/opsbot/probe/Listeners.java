package dev.opsbot.probe;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/** Real listeners on 127.0.0.1 for probes to find, closed together when the test ends. */
public final class Listeners implements AutoCloseable {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final String PASSWORD = "probe-test";

    private final List<AutoCloseable> open = new ArrayList<>();

    /** A socket that accepts connections and does nothing with them. */
    public ServerSocket tcp() throws IOException {
        ServerSocket server = new ServerSocket(0, 200, LOOPBACK);
        Thread accept = new Thread(() -> {
            List<Socket> held = new ArrayList<>();
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException e) {
                    held.forEach(Listeners::quietly);
                    return;
                }
            }
        }, "test-tcp-accept");
        accept.setDaemon(true);
        accept.start();
        open.add(server);
        return server;
    }

    /** Writes {@code banner} to each connection and closes it, as an SSH or SMTP server greets. */
    public ServerSocket banner(String banner) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, LOOPBACK);
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    socket.getOutputStream().write(banner.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    // the client went first, or the server closed
                }
            }
        }, "test-banner-accept");
        accept.setDaemon(true);
        accept.start();
        open.add(server);
        return server;
    }

    /** A port on 127.0.0.1 that nothing listens on (bound, then released). */
    public static int closedPort() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, LOOPBACK)) {
            return server.getLocalPort();
        }
    }

    /** {@code /health} answers {@code status} with {@code body}, in chunks when {@code chunked}. */
    public HttpServer http(int status, String body, boolean chunked) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 50);
        serve(server, status, body, chunked);
        return server;
    }

    public HttpsServer https(Path keystore, int status, String body) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keystore)));
        serve(server, status, body, false);
        return server;
    }

    private void serve(HttpServer server, int status, String body, boolean chunked) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length == 0 ? -1 : bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        open.add(() -> server.stop(0));
    }

    /** A TLS server that completes handshakes with the certificate in {@code keystore}. */
    public SSLServerSocket tls(Path keystore) throws Exception {
        SSLServerSocket server = (SSLServerSocket) serverContext(keystore).getServerSocketFactory()
                .createServerSocket(0, 50, LOOPBACK);
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    ((javax.net.ssl.SSLSocket) socket).startHandshake();
                    InputStream in = socket.getInputStream();
                    socket.setSoTimeout(2000);
                    in.read();
                } catch (IOException e) {
                    // the client hung up after its handshake, or the server closed
                }
            }
        }, "test-tls-accept");
        accept.setDaemon(true);
        accept.start();
        open.add(server);
        return server;
    }

    /** Accepts connections and never writes a byte; counts how many it holds at once. */
    public Silent silent() throws IOException {
        Silent silent = new Silent(new ServerSocket(0, 200, LOOPBACK));
        open.add(silent.server);
        return silent;
    }

    public static final class Silent {
        final ServerSocket server;
        final AtomicInteger holding = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        Silent(ServerSocket server) {
            this.server = server;
            Thread accept = new Thread(this::accept, "test-silent-accept");
            accept.setDaemon(true);
            accept.start();
        }

        public int port() {
            return server.getLocalPort();
        }

        public int peak() {
            return peak.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    peak.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    Thread hold = new Thread(() -> {
                        try (socket) {
                            while (socket.getInputStream().read() >= 0) {
                                // read what the client sends, never answer
                            }
                        } catch (IOException e) {
                            // the client gave up
                        } finally {
                            holding.decrementAndGet();
                        }
                    });
                    hold.setDaemon(true);
                    hold.start();
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    /**
     * A PKCS12 keystore made by the JDK's keytool: a certificate for {@code cn} with the SANs given
     * (e.g. {@code dns:localhost,ip:127.0.0.1}), valid for {@code days} from now.
     */
    public static Path keystore(Path dir, String cn, String sans, int days) throws Exception {
        Path file = dir.resolve(cn + "-" + days + "d.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "probe", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + cn, "-ext", "SAN=" + sans, "-validity", Integer.toString(days),
                "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0 || !Files.exists(file)) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return file;
    }

    /** The certificate inside a keystore made by {@link #keystore}. */
    public static X509Certificate certificate(Path keystore) throws Exception {
        return (X509Certificate) load(keystore).getCertificate("probe");
    }

    private static KeyStore load(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static SSLContext serverContext(Path keystore) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keystore), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void quietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing at the end of a test
        }
    }

    @Override
    public void close() {
        open.forEach(Listeners::quietly);
    }
}
