package dev.opsbot.audit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole audit log, oldest first, as JSON lines for a SIEM: one object per entry with
 * {@code at} (ISO-8601), {@code actor} ({@code slack:U123}), {@code actorName}, {@code action},
 * {@code item}, {@code before} and {@code after}.
 */
public interface AuditExport {

    static AuditExport inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoAuditExport(db);
    }

    /** Writes every entry at or after {@code since}; returns how many. */
    long write(Instant since, Appendable out) throws IOException;

    Pattern AGO = Pattern.compile("(\\d{1,6})([mhdw])");

    /** {@code --since}: a span back from now ({@code 30m}, {@code 12h}, {@code 1d}, {@code 2w}) or an instant ({@code 2026-11-01T00:00:00Z}). */
    static Optional<Instant> since(String text, Instant now) {
        Matcher m = AGO.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration span = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return Optional.of(now.minus(span));
        }
        try {
            return Optional.of(Instant.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
