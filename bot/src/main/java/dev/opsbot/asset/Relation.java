package dev.opsbot.asset;

import java.util.List;

/**
 * How one node (an asset or a service) needs another. Both kinds are followed alike by walks:
 * if what is needed breaks, what needs it breaks too.
 */
enum Relation {
    DEPENDS_ON("depends-on"), RUNS_ON("runs-on");

    static final List<String> WORDS = List.of("depends-on", "runs-on");

    private final String word;

    Relation(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }

    static Relation of(String word) {
        return word.equals("runs-on") ? RUNS_ON : DEPENDS_ON;
    }
}
