package dev.opsbot.change;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where a change is in its life: requested → approved → in progress → one of the three endings, or stopped early. */
public enum ChangeState {
    REQUESTED, APPROVED, IN_PROGRESS, COMPLETED, FAILED, ROLLED_BACK, REJECTED, CANCELLED;

    public static final List<String> WORDS = Arrays.stream(values()).map(ChangeState::word).toList();

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ChangeState> parse(String word) {
        return Arrays.stream(values()).filter(s -> s.word().equalsIgnoreCase(word.strip())).findFirst();
    }

    /** Still ahead or under way: what a window can conflict with. */
    public boolean isActive() {
        return this == REQUESTED || this == APPROVED || this == IN_PROGRESS;
    }

    /** Carried out, whatever the result: what counts for the success rate and for suspects. */
    public boolean wasCarriedOut() {
        return this == COMPLETED || this == FAILED || this == ROLLED_BACK;
    }
}
