package dev.opsbot.command;

/**
 * How every paged list reads its {@code --page} option and refuses a page past its end, so the
 * lists say the same thing in the same words.
 */
public final class Pages {

    private Pages() {
    }

    /** The page asked for with {@code --page}, 1 when none; refused below 1. */
    public static long requested(CommandCall call) {
        long number = call.args().optionalInteger("page").orElse(1L);
        if (number < 1) {
            throw Refusal.badInput("Pages count from 1.");
        }
        return number;
    }

    /** How many pages of {@code size} rows {@code total} rows fill. */
    public static long count(long total, int size) {
        return (total + size - 1) / size;
    }

    /**
     * The refusal for a page past the end: "There are 30 follow-ups to list, on 2 pages."
     * {@code totalText} is how the total reads ("1,000+" where it was counted only so far).
     */
    public static Refusal pastTheEnd(long total, String totalText, String one, String many, long pages) {
        return Refusal.badInput("There " + (total == 1 ? "is 1 " + one : "are " + totalText + " " + many)
                + " to list, on " + pages + (pages == 1 ? " page." : " pages."));
    }
}
