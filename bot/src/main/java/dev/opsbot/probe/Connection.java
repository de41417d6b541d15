package dev.opsbot.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * A TCP connection to an address the allow list admitted — never to the name again, so a second
 * lookup cannot lead somewhere else — and the sentence a failed connection reads as.
 */
final class Connection {

    private Connection() {
    }

    /** Tries each admitted address in turn; the last failure is the one reported. */
    static Socket open(List<InetAddress> addresses, int port, ProbeAttempt attempt) throws IOException {
        IOException last = new ConnectException("no address to connect to");
        for (InetAddress address : addresses) {
            Socket socket = attempt.open(new Socket());
            try {
                socket.connect(new InetSocketAddress(address, port), attempt.remainingMillis());
                socket.setSoTimeout(attempt.remainingMillis());
                return socket;
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw last;
    }

    /** What went wrong, in words: "refused the connection", "gave no answer within 3 s". */
    static String failure(IOException e, java.time.Duration timeout) {
        if (e instanceof ConnectException) {
            return "refused the connection";
        }
        if (e instanceof SocketTimeoutException) {
            return timedOut(timeout);
        }
        if (e instanceof NoRouteToHostException) {
            return "is unreachable (no route to host)";
        }
        return "failed: " + reason(e);
    }

    /** The exception's own words, without control characters; its kind when it has none. */
    static String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String clean = message.replaceAll("[\\p{Cntrl}]", " ").strip();
        return clean.length() > 120 ? clean.substring(0, 120) + "…" : clean;
    }

    static String timedOut(java.time.Duration timeout) {
        long millis = timeout.toMillis();
        return "gave no answer within " + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms");
    }

    static String millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000 + " ms";
    }
}
