package dev.opsbot.problem;

import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.Refusal;
import dev.opsbot.incident.Incident;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** {@code /problem candidates}: the groups {@link Candidates} finds, each explained, with a button to open a problem. */
final class CandidateAnswers {

    static final int DEFAULT_DAYS = 30;
    static final int MOST_DAYS = 90;
    /** Groups one answer shows, each with its button; the rest are counted. */
    static final int SHOWN = 10;
    /** Incident ids one row names; a larger group says how many more it holds. */
    static final int IDS_SHOWN = 10;
    static final String RULE = "A candidate is " + Recurrence.LEAST + " or more incidents no problem links yet, on one "
            + "service, whose titles share at least half their words (numbers and ids left out).";

    private final Candidates candidates;

    CandidateAnswers(Candidates candidates) {
        this.candidates = candidates;
    }

    Reply answer(CommandCall call) {
        long days = call.args().optionalInteger("days").orElse((long) DEFAULT_DAYS);
        if (days < 1 || days > MOST_DAYS) {
            throw Refusal.badInput("--days goes from 1 to " + MOST_DAYS + ".");
        }
        Candidates.Found found = candidates.since(call.now().minus(Duration.ofDays(days)));
        String window = "in the last " + days + (days == 1 ? " day" : " days");
        String cut = found.cut() ? " Only the newest " + String.format(Locale.ROOT, "%,d", Candidates.MOST_READ)
                + " incidents were read; a shorter --days reads them all." : "";
        if (found.groups().isEmpty()) {
            return Reply.note("No candidates " + window + " among " + found.inWindow() + " incidents. " + RULE + cut);
        }
        List<Recurrence.Group> shown = found.groups().stream().limit(SHOWN).toList();
        Reply.Builder b = Reply.onlyMe(found.groups().size() + (found.groups().size() == 1 ? " candidate problem "
                : " candidate problems ") + window).text(RULE + cut);
        for (int k = 0; k < shown.size(); k++) {
            Recurrence.Group g = shown.get(k);
            b.row((k + 1) + ". " + explain(g) + ": " + listed(g));
            b.button("Open problem " + (k + 1), openCommand(g));
        }
        if (found.groups().size() > SHOWN) {
            b.footer("+" + (found.groups().size() - SHOWN) + " more, smaller or older; a shorter --days narrows the "
                    + "list.");
        }
        return b.build();
    }

    /** "3 incidents on payments in 9 days titled like “connection pool exhausted”". */
    static String explain(Recurrence.Group g) {
        long span = Math.max(1, (long) Math.ceil(Duration.between(g.oldest().declaredAt(),
                g.newest().declaredAt()).toMinutes() / (24.0 * 60)));
        return g.incidents().size() + " incidents " + (g.service() == null ? "with no service" : "on " + g.service())
                + " in " + span + (span == 1 ? " day" : " days") + " titled like “" + g.like() + "”";
    }

    /** The command a candidate's button runs: a problem named by the shared words, from its newest incidents. */
    static String openCommand(Recurrence.Group g) {
        return "/problem open " + g.like() + " --from " + String.join(",", ids(g).stream()
                .limit(ProblemCommands.MOST_FROM).toList()) + (g.service() == null ? "" : " --service " + g.service());
    }

    /** The group's incidents, newest first, the first {@link #IDS_SHOWN} by id and the rest counted. */
    private static String listed(Recurrence.Group g) {
        List<String> ids = ids(g);
        String shown = String.join(", ", ids.stream().limit(IDS_SHOWN).toList());
        return ids.size() <= IDS_SHOWN ? shown : shown + " and " + (ids.size() - IDS_SHOWN) + " more";
    }

    private static List<String> ids(Recurrence.Group g) {
        return g.incidents().stream().map(Incident::id).toList();
    }
}
