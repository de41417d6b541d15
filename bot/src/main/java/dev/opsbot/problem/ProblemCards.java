package dev.opsbot.problem;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Collectors;

/** How a problem looks in chat: a card with its story, and a row in a list. */
final class ProblemCards {

    private ProblemCards() {
    }

    /** The card after a change, for the channel, under a headline saying what changed. */
    static Reply card(Problem p, String headline, ZoneId zone, Instant now) {
        return fill(Reply.toChannel(title(p)).text(headline), p, zone, now);
    }

    /** The card for whoever asked to see it. */
    static Reply shown(Problem p, ZoneId zone, Instant now) {
        return fill(Reply.onlyMe(title(p)), p, zone, now);
    }

    private static Reply fill(Reply.Builder b, Problem p, ZoneId zone, Instant now) {
        b.field("Status", p.status().word())
                .field("Service", p.service() == null ? "none" : p.service())
                .field("Owner", p.owner() == null ? "nobody" : Inline.user(p.owner()))
                .field("Incidents", p.incidents().isEmpty() ? "none linked"
                        : p.incidents().stream().map(Problem.Linked::incident).collect(Collectors.joining(", ")))
                .field("Root cause", p.rootCause() == null ? "not found yet" : p.rootCause())
                .field("Workaround", p.workaround() == null ? "none yet" : p.workaround())
                .field("Fix", p.fixChange() == null ? "none yet" : p.fixChange());
        if (p.reviewOn() != null) {
            b.field("Risk accepted", "review on " + p.reviewOn());
        }
        p.actions().forEach(a -> b.row("Action " + a.number() + ": " + a.text() + " · " + Inline.user(a.owner())
                + " · due " + TimeText.at(a.due(), zone, now)));
        b.footer("Opened by " + Inline.user(p.openedBy()) + " " + TimeText.at(p.openedAt(), zone, now) + ".");
        b.tone(switch (p.status()) {
            case OPEN -> Reply.Tone.WARNING;
            case KNOWN_ERROR -> Reply.Tone.INFO;
            case RESOLVED -> Reply.Tone.SUCCESS;
        });
        return b.build();
    }

    static String row(Problem p) {
        return Inline.strong(p.id()) + " · " + p.status().word() + " · " + p.statement()
                + (p.service() == null ? "" : " · " + p.service())
                + " · " + p.incidents().size() + (p.incidents().size() == 1 ? " incident" : " incidents")
                + " · owner " + (p.owner() == null ? "nobody" : Inline.user(p.owner()));
    }

    static String title(Problem p) {
        return Inline.strong(p.id()) + " · " + p.status().word() + " · " + p.statement();
    }
}
