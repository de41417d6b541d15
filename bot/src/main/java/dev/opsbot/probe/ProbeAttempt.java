package dev.opsbot.probe;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One probe's run against its deadline. Blocking socket calls do not notice an interrupt, so when
 * the deadline passes the watchdog closes what the probe opened, and the probe's call fails at once.
 */
final class ProbeAttempt {

    private final long deadlineNanos;
    private final List<Closeable> opened = new ArrayList<>();
    private boolean expired;

    ProbeAttempt(java.time.Duration timeout) {
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    /** Milliseconds left, at least 1 (a socket timeout of 0 would mean forever). */
    int remainingMillis() {
        return (int) Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    synchronized <T extends Closeable> T open(T resource) throws IOException {
        if (expired) {
            resource.close();
            throw new IOException("deadline passed");
        }
        opened.add(resource);
        return resource;
    }

    synchronized void expire() {
        expired = true;
        closeAll();
    }

    synchronized void closeAll() {
        for (Closeable c : opened) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing is all that is left to do with it
            }
        }
        opened.clear();
    }
}
