package dev.opsbot.digest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

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
}
