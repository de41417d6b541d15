package dev.opsbot.change;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code /change list} and {@code /change calendar}. */
final class ChangeViews {

    static final int LISTED = 20;
    private static final int MOST_DAYS = 31;
    private static final int MOST_IN_CALENDAR = 200;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private ChangeViews() {
    }

    static Reply list(ChangeRequests changes, CommandCall call) {
        ChangeState state = call.args().optionalText("state").flatMap(ChangeState::parse).orElse(null);
        String service = call.args().optionalText("service").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        ChangeRequests.Query q = new ChangeRequests.Query(state, service,
                call.args().flag("mine") ? call.actor() : null, LISTED);
        List<ChangeRequest> found = changes.list(q);
        return Reply.onlyMe("Changes").text(found.isEmpty() ? "No changes match." : "")
                .rows(found.stream().map(c -> ChangeCards.row(c, call.zone(), call.now())).toList())
                .footer(found.size() == LISTED ? "The newest " + LISTED + " windows; narrow with --state or --service."
                        : "")
                .build();
    }

    static Reply calendar(ChangeRequests changes, Freezes freezes, CommandCall call, ZoneId zone) {
        long days = call.args().optionalInteger("days").orElse(7L);
        if (days < 1 || days > MOST_DAYS) {
            throw Refusal.badInput("--days must be 1 to " + MOST_DAYS + ".");
        }
        LocalDate first = LocalDate.ofInstant(call.now(), zone);
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = first.plusDays(days).atStartOfDay(zone).toInstant();
        List<ChangeRequest> inRange = changes.during(from, to, MOST_IN_CALENDAR).stream()
                .filter(c -> c.state() != ChangeState.CANCELLED && c.state() != ChangeState.REJECTED)
                .filter(c -> c.overlaps(from, to)).toList();
        List<Freeze> frozen = freezes.list(MOST_IN_CALENDAR).stream()
                .filter(f -> f.from().isBefore(to) && f.to().isAfter(from)).toList();
        List<String> rows = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(first.plusDays(days)); day = day.plusDays(1)) {
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            List<String> lines = new ArrayList<>();
            for (Freeze f : frozen) {
                if (f.from().isBefore(dayEnd) && f.to().isAfter(dayStart)) {
                    lines.add("  FROZEN: “" + f.name() + "”" + (f.service() == null ? "" : " (" + f.service() + ")"));
                }
            }
            for (ChangeRequest c : inRange) {
                if (c.overlaps(dayStart, dayEnd)) {
                    lines.add("  " + CLOCK.withZone(zone).format(c.start()) + "–" + CLOCK.withZone(zone).format(c.end())
                            + " " + Inline.strong(c.id()) + " " + c.state().word() + " · " + c.title() + " ("
                            + String.join(", ", c.assets()) + ")");
                }
            }
            if (!lines.isEmpty()) {
                rows.add(Inline.strong(DAY.format(day)));
                rows.addAll(lines);
            }
        }
        return Reply.onlyMe("Change calendar, next " + days + " days (" + TimeText.zoneName(zone) + ")")
                .text(rows.isEmpty() ? "No change windows or freezes." : "")
                .rows(rows).build();
    }
}
