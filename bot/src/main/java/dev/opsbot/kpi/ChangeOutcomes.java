package dev.opsbot.kpi;

import java.time.Instant;

/**
 * How the changes made in a window turned out, for the change success rate. The change feature
 * answers it; until it is wired, {@link #none()} answers that no changes were recorded.
 */
public interface ChangeOutcomes {

    static ChangeOutcomes none() {
        return (from, to, service) -> new NoneRecorded();
    }

    /** Changes finished in {@code [from, to)}, of one service or (null) of all. */
    Outcome between(Instant from, Instant to, String service);

    sealed interface Outcome permits NoneRecorded, Counted {
    }

    record NoneRecorded() implements Outcome {
    }

    /** {@code succeeded} went as planned; {@code failed} were rolled back or caused an incident. */
    record Counted(long succeeded, long failed) implements Outcome {
        public Counted {
            if (succeeded < 0 || failed < 0) {
                throw new IllegalArgumentException("negative change count");
            }
        }

        public long total() {
            return succeeded + failed;
        }
    }
}
