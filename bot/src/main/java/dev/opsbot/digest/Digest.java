package dev.opsbot.digest;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A digest joins every section features contribute, in their order. A section that fails is
 * left out with a note (and a log line), so one broken feature never silences the digest.
 */
public final class Digest {

    private static final Logger log = LoggerFactory.getLogger(Digest.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final List<DigestSection> sections;

    public Digest(List<? extends DigestSection> sections) {
        this.sections = sections.stream().<DigestSection>map(s -> s)
                .sorted(Comparator.comparingInt(DigestSection::order)).toList();
    }

    /** The digest as a channel post. */
    public Reply post(Instant now, ZoneId zone) {
        return builder(Reply.toChannel(title(now, zone)), now, zone).build();
    }

    /** The same digest, shown only to whoever asked. */
    public Reply preview(Instant now, ZoneId zone, String note) {
        return builder(Reply.onlyMe(title(now, zone)), now, zone).footer(note).build();
    }

    private Reply.Builder builder(Reply.Builder b, Instant now, ZoneId zone) {
        List<String> rows = rows(now, zone);
        return rows.isEmpty() ? b.text("All quiet: nothing to report.") : b.rows(rows);
    }

    List<String> rows(Instant now, ZoneId zone) {
        List<String> rows = new ArrayList<>();
        for (DigestSection section : sections) {
            List<String> lines;
            try {
                lines = section.lines(now, zone);
            } catch (RuntimeException failure) {
                log.error("digest section {} failed", section.title(), failure);
                lines = List.of("(could not be read this time)");
            }
            if (lines.isEmpty()) {
                continue;
            }
            // A title row, then the lines as they are: each platform sets rows out its own way
            // (the console bullets every row), so a line bulleted here would be bulleted twice.
            rows.add(Inline.strong(section.title()));
            rows.addAll(lines);
        }
        return rows;
    }

    private static String title(Instant now, ZoneId zone) {
        return "Digest · " + DAY.withZone(zone).format(now);
    }
}
