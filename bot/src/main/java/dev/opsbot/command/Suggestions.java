package dev.opsbot.command;

import java.util.ArrayList;
import java.util.List;

/**
 * What an adapter may offer while someone is still typing an option's value (Discord
 * autocomplete). Each feature answers for the kinds of value it owns and returns nothing for
 * the rest, so several sources can be asked in turn.
 */
@FunctionalInterface
public interface Suggestions {

    /** At most {@code limit} values for {@code option} that match what has been typed so far. */
    List<Suggestion> suggest(OptionSpec option, String typed, int limit);

    /** {@code label} is what the person sees; {@code value} is what the option receives. */
    record Suggestion(String label, String value) {
    }

    Suggestions NONE = (option, typed, limit) -> List.of();

    /** Asks each source in order until {@code limit} suggestions are found. */
    static Suggestions all(List<Suggestions> sources) {
        List<Suggestions> copy = List.copyOf(sources);
        return (option, typed, limit) -> {
            List<Suggestion> found = new ArrayList<>();
            for (Suggestions source : copy) {
                if (found.size() >= limit) {
                    break;
                }
                found.addAll(source.suggest(option, typed, limit - found.size()));
            }
            return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
        };
    }
}
