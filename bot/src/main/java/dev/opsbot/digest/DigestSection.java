package dev.opsbot.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One part of a channel digest, contributed by a feature (open incidents, pending handovers,
 * who is on call). The digest knows only this interface, so new features plug in untouched.
 */
public interface DigestSection {

    /** Orders sections in the digest; lower comes first. */
    int order();

    String title();

    /** The section's lines in {@link dev.opsbot.chat.Inline} markup; empty to leave the section out. */
    List<String> lines(Instant now, ZoneId zone);

    /**
     * A line for each of the first {@code shown} items, then one counting the rest, with where to
     * see them all if {@code seeAll} is given, so a long list never floods the digest.
     */
    static <T> List<String> firstOf(List<T> items, int shown, Function<T, String> line, String seeAll) {
        List<String> lines = new ArrayList<>();
        items.stream().limit(shown).forEach(item -> lines.add(line.apply(item)));
        lines.addAll(more(items.size() - lines.size(), seeAll));
        return lines;
    }

    /**
     * The line a section ends with when it leaves {@code notShown} items out ("+3 more: /incident
     * list --open"), or none when it showed everything, so a cut is never silent.
     */
    static List<String> more(long notShown, String seeAll) {
        if (notShown <= 0) {
            return List.of();
        }
        return List.of("+" + notShown + " more" + (seeAll == null ? "" : ": " + seeAll));
    }
}
