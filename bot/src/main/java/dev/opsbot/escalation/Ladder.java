package dev.opsbot.escalation;

import java.util.List;

/**
 * Step numbers laid over the rungs: steps 0..n-1 climb the rungs, the next {@code repeats} steps
 * page the last rung again, and the step after that is the end (one last message, no page).
 */
record Ladder(List<Target> rungs, int repeats) {

    Ladder {
        rungs = List.copyOf(rungs);
    }

    boolean isOver(int step) {
        return step > last() + repeats;
    }

    Target target(int step) {
        return rungs.get(Math.min(step, last()));
    }

    /** The level of a step and where it stands: "secondary on call (2 of 3)", "the whole channel, repeat 1 of 3". */
    String describe(int step) {
        return target(step).capacity() + where(step);
    }

    /** A step named without pinging anyone, for the "next" line of the page before it. */
    String named(int step) {
        return target(step).named() + where(step);
    }

    private String where(int step) {
        return step <= last() ? " (" + (step + 1) + " of " + rungs.size() + ")"
                : ", repeat " + (step - last()) + " of " + repeats;
    }

    private int last() {
        return rungs.size() - 1;
    }
}
