package dev.opsbot.problem;

import java.util.Arrays;
import java.util.Optional;

/** Where a problem stands: being investigated, known with a workaround, or resolved. */
public enum ProblemStatus {
    OPEN("open"), KNOWN_ERROR("known error"), RESOLVED("resolved");

    private final String word;

    ProblemStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public boolean isLive() {
        return this != RESOLVED;
    }

    static Optional<ProblemStatus> parse(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equals(word)).findFirst();
    }
}
