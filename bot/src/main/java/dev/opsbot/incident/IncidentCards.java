package dev.opsbot.incident;

import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** How an incident looks in chat: the card with its buttons, a one-line row, the full story. */
public final class IncidentCards {

    /** The newest timeline entries a story shows; chat messages have room for about this many rows. */
    static final int TIMELINE_SHOWN = 20;

    private IncidentCards() {
    }

    public static Reply card(Incident i, String headline) {
        return card(i, headline, List.of());
    }

    /** The card with the buttons of other features' notes after its own. */
    public static Reply card(Incident i, String headline, List<CardNotes.Note> notes) {
        Reply.Builder b = Reply.toChannel(Inline.strong(i.id()) + " · " + i.severity().word() + " · " + i.title())
                .text(headline)
                .field("Status", i.status().word())
                .field("Severity", i.severity().word())
                .field("Owner", i.owner() == null ? "nobody" : Inline.user(i.owner()))
                .tone(tone(i));
        if (i.service() != null) {
            b.field("Service", i.service());
        }
        addButtons(b, i);
        notes.stream().filter(n -> n.buttonLabel() != null).forEach(n -> b.button(n.buttonLabel(), n.buttonCommand()));
        return b.build();
    }

    public static String row(Incident i, Instant now) {
        String age = TimeText.span(java.time.Duration.between(i.declaredAt(), now));
        return Inline.strong(i.id()) + " · " + i.severity().word() + " · " + i.status().word() + " · " + i.title()
                + (i.service() == null ? "" : " · " + i.service())
                + " · owner " + (i.owner() == null ? "nobody" : Inline.user(i.owner())) + " · " + age + " ago";
    }

    /** The full story, its times as read in {@code zone} at {@code now} (the channel it is shown in). */
    public static Reply story(Incident i, ZoneId zone, Instant now) {
        Reply.Builder b = Reply.onlyMe(Inline.strong(i.id()) + " · " + i.severity().word() + " · " + i.title())
                .field("Status", i.status().word())
                .field("Owner", i.owner() == null ? "nobody" : Inline.user(i.owner()))
                .field("Declared", Inline.user(i.declaredBy()) + " at " + TimeText.at(i.declaredAt(), zone, now))
                .field("Time to acknowledge", i.timeToAcknowledge().map(TimeText::span).orElse("not acknowledged"))
                .field("Time to resolve", i.timeToResolve().map(TimeText::span).orElse("not resolved"))
                .tone(tone(i));
        if (i.service() != null) {
            b.field("Service", i.service());
        }
        if (i.summary() != null && !i.summary().isBlank()) {
            b.field("Resolution", i.summary());
        }
        List<TimelineEntry> entries = TimelineEntry.entries(i.timeline());
        int from = Math.max(0, entries.size() - TIMELINE_SHOWN);
        long earlier = from + TimelineEntry.dropped(i.timeline());
        if (earlier > 0) {
            b.row("… " + earlier + (earlier == 1 ? " earlier entry" : " earlier entries") + " (/audit " + i.id()
                    + " lists every change)");
        }
        for (TimelineEntry e : entries.subList(from, entries.size())) {
            b.row(TimeText.at(e.at(), zone, now) + " " + (e.actor() == null ? "" : Inline.user(e.actor()) + " ")
                    + e.kind() + (e.text().isBlank() ? "" : ": " + e.text()));
        }
        addButtons(b, i);
        return b.build();
    }

    private static void addButtons(Reply.Builder b, Incident i) {
        String id = i.id();
        switch (i.status()) {
            case DECLARED -> b.button("Acknowledge", "/incident ack " + id, Reply.Button.Style.PRIMARY)
                    .button("Mitigated", "/incident mitigate " + id)
                    .button("Resolve", "/incident resolve " + id);
            case ACKNOWLEDGED -> b.button("Mitigated", "/incident mitigate " + id)
                    .button("Resolve", "/incident resolve " + id, Reply.Button.Style.PRIMARY);
            case MITIGATED -> b.button("Resolve", "/incident resolve " + id, Reply.Button.Style.PRIMARY);
            case RESOLVED -> b.button("Close", "/incident close " + id)
                    .button("Reopen", "/incident reopen " + id, Reply.Button.Style.DANGER);
            case CLOSED -> {
            }
        }
    }

    private static Reply.Tone tone(Incident i) {
        if (!i.isOpen()) {
            return Reply.Tone.SUCCESS;
        }
        return i.severity().level() <= 2 ? Reply.Tone.DANGER : Reply.Tone.WARNING;
    }
}
