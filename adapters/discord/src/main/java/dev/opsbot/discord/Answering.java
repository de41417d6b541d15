package dev.opsbot.discord;

import dev.opsbot.chat.Reply;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Discord drops an interaction not acknowledged within three seconds. A command that answers
 * within {@code patience} is answered directly, which lets the answer choose to be private; one
 * that takes longer is acknowledged ("thinking…") when patience runs out and its answer arrives
 * through the interaction hook afterwards.
 */
final class Answering {

    /** The three ways of answering one kind of interaction. */
    interface Answer {
        /** The reply is ready in time: the first and only response. */
        void now(Reply reply);

        /** Patience ran out: acknowledge now, answer later. Must not block. */
        void defer();

        /** The reply after {@link #defer()}. */
        void later(Reply reply);
    }

    private final ScheduledExecutorService timer;
    private final Duration patience;

    Answering(ScheduledExecutorService timer, Duration patience) {
        this.timer = timer;
        this.patience = patience;
    }

    /** Runs {@code work} on the calling thread and answers with its reply one way or the other. */
    void answer(Supplier<Reply> work, Answer answer) {
        Race race = new Race();
        ScheduledFuture<?> deadline = timer.schedule(() -> race.deferIfRunning(answer), patience.toMillis(),
                TimeUnit.MILLISECONDS);
        Reply reply = work.get();
        deadline.cancel(false);
        if (race.finish()) {
            answer.now(reply);
        } else {
            answer.later(reply);
        }
    }

    /** Whichever of the work and the deadline comes first decides how the interaction is answered. */
    private static final class Race {
        private boolean settled;
        private boolean deferred;

        synchronized void deferIfRunning(Answer answer) {
            if (!settled) {
                settled = true;
                deferred = true;
                answer.defer();
            }
        }

        /** True if the work finished first. */
        synchronized boolean finish() {
            if (settled) {
                return !deferred;
            }
            settled = true;
            return true;
        }
    }
}
