package dev.opsbot.app;

import java.io.PrintStream;
import java.util.List;

/** Commands that print something generated from the catalog and exit, starting nothing. */
final class Cli {

    private Cli() {
    }

    static boolean printAndExit(List<String> words, PrintStream out) {
        return false;
    }
}
