package dev.opsbot.command;

/**
 * A command that cannot be carried out, with one sentence saying why. Thrown before anything is
 * written; the router turns it into a private reply. {@code showUsage} is set when the input
 * itself was wrong, so the person also sees how to write the command.
 */
public final class Refusal extends RuntimeException {

    private final boolean showUsage;

    private Refusal(String sentence, boolean showUsage) {
        super(sentence, null, false, false);
        this.showUsage = showUsage;
    }

    /** The input was wrong: a bad value, an id that does not exist. */
    public static Refusal badInput(String sentence) {
        return new Refusal(sentence, true);
    }

    /** The input was fine but the state of things forbids it: already acknowledged, closed. */
    public static Refusal because(String sentence) {
        return new Refusal(sentence, false);
    }

    public boolean showUsage() {
        return showUsage;
    }
}
