package dev.opsbot.app;

import java.io.PrintStream;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Prints why start-up failed as one line on stderr, in place of Spring's multi-line report (its
 * logging reporter is switched off in {@code logback-spring.xml}). Whoever started opsbot reads
 * the reason and nothing else; the exit code is non-zero.
 */
public final class OneLineFailureReporter implements FailureAnalysisReporter {

    private final PrintStream err;

    public OneLineFailureReporter() {
        this(System.err);
    }

    OneLineFailureReporter(PrintStream err) {
        this.err = err;
    }

    @Override
    public void report(FailureAnalysis analysis) {
        err.println(line(analysis));
        err.flush();
    }

    static String line(FailureAnalysis analysis) {
        String action = analysis.getAction() == null ? "" : analysis.getAction().strip();
        String text = analysis.getDescription() + (action.isEmpty() ? "" : " " + action);
        return "opsbot cannot start: " + text.strip().replaceAll("\\s+", " ");
    }
}
