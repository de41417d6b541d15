package dev.opsbot.change;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** How a change and its impact look in chat. */
final class ChangeCards {

    /** Reached assets named on a card; the rest are counted, so a change under a big tree stays one message. */
    private static final int NAMED_ASSETS = 15;
    private static final int NAMED_SERVICES = 15;
    private static final int NAMED_LINES = 10;

    private ChangeCards() {
    }

    static Reply.Builder card(ChangeRequest c, Impact impact, String headline, ZoneId zone, Instant now) {
        Reply.Builder b = Reply.toChannel(Inline.strong(c.id()) + " · " + c.title())
                .text(headline + "\n" + verdict(impact))
                .field("State", c.state().word())
                .field("Type", c.type().word() + ", " + c.risk().word() + " risk")
                .field("Window", window(c, zone, now))
                .field("Requested by", Inline.user(c.requester()))
                .rows(impactRows(impact))
                .tone(tone(impact));
        if (c.incident() != null) {
            b.field("Incident", c.incident());
        }
        return b;
    }

    /** A window as read in {@code zone} at {@code now}: a window today shows only its clocks. */
    static String window(ChangeRequest c, ZoneId zone, Instant now) {
        return TimeText.at(c.start(), zone, now) + " – " + TimeText.at(c.end(), zone, now);
    }

    static String verdict(Impact impact) {
        return "Verdict: " + Inline.strong(impact.verdict().word())
                + (impact.reasons().isEmpty() ? "" : ": " + String.join("; ", impact.reasons()));
    }

    static Reply.Tone tone(Impact impact) {
        return switch (impact.verdict()) {
            case GO -> Reply.Tone.SUCCESS;
            case CAUTION -> Reply.Tone.WARNING;
            case NO_GO -> Reply.Tone.DANGER;
        };
    }

    static List<String> impactRows(Impact impact) {
        List<String> rows = new ArrayList<>();
        rows.add("Assets: " + String.join(", ", impact.assets())
                + (impact.reached().isEmpty() ? "" : "; reaching " + named(impact.reached(), NAMED_ASSETS)));
        if (impact.services().isEmpty()) {
            rows.add("Services: none reached");
        }
        impact.services().stream().limit(NAMED_SERVICES).forEach(s -> rows.add("Service " + Inline.strong(s.name())
                + ": owner " + (s.owner() == null ? "none" : Inline.user(s.owner()))
                + ", on call " + (s.onCall().isEmpty() ? "nobody" : people(s.onCall()))
                + (s.channel() == null ? "" : ", " + Inline.channel(s.channel()))));
        if (impact.services().size() > NAMED_SERVICES) {
            rows.add("+" + (impact.services().size() - NAMED_SERVICES) + " more services");
        }
        limited(rows, "Open incident: ", impact.openIncidents());
        limited(rows, "Conflict: ", impact.conflicts());
        limited(rows, "Inventory: ", impact.warnings());
        return rows;
    }

    private static void limited(List<String> rows, String label, List<String> lines) {
        lines.stream().limit(NAMED_LINES).forEach(l -> rows.add(label + l));
        if (lines.size() > NAMED_LINES) {
            rows.add(label + (lines.size() - NAMED_LINES) + " more");
        }
    }

    static String people(List<Actor> actors) {
        return String.join(", ", actors.stream().map(Inline::user).toList());
    }

    private static String named(List<String> names, int shown) {
        String listed = String.join(", ", names.subList(0, Math.min(shown, names.size())));
        return names.size() > shown ? listed + " and " + (names.size() - shown) + " more" : listed;
    }

    static String row(ChangeRequest c, ZoneId zone, Instant now) {
        return Inline.strong(c.id()) + " " + c.state().word() + " · " + window(c, zone, now) + " · " + c.title() + " ("
                + String.join(", ", c.assets()) + ")";
    }

    /** {@code /change show}: plan, backout, approvals, impact and timeline. */
    static Reply story(ChangeRequest c, Impact impact, AffectedOwners owners, ZoneId zone, Instant now) {
        Reply.Builder b = card(c, impact, "Plan: " + orDash(c.plan()) + "\nBackout: " + orDash(c.backout()), zone, now);
        if (c.state() == ChangeState.REQUESTED) {
            b.field("Approvals", c.approvals().size() + " of " + c.approvalsNeeded() + "; needs "
                    + c.stillNeeded(owners));
        } else if (!c.approvals().isEmpty()) {
            b.field("Approved by", people(c.approvals().stream().map(ChangeRequest.Approval::by).toList()));
        }
        if (!c.linkedIncidents().isEmpty()) {
            b.field("Caused", String.join(", ", c.linkedIncidents()));
        }
        c.timeline().forEach(e -> b.row(TimeText.at(e.at(), zone, now) + " " + e.kind()
                + (e.actor() == null ? "" : " by " + Inline.user(e.actor()))
                + (e.text() == null || e.text().isBlank() ? "" : ": " + e.text())));
        return b.build();
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }
}
