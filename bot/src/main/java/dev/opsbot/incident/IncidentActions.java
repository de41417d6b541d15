package dev.opsbot.incident;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Notifier;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.Refusal;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Declaring an incident and moving it on, whoever asks — a person's command or an alert — so
 * each declaration is stored, audited, announced, paged and annotated the same way.
 */
public final class IncidentActions {

    private final Incidents incidents;
    private final AuditLog audit;
    private final Notifier notifier;
    private final List<ChannelRef> announceTo;
    private final List<IncidentListener> listeners;
    private final List<CardNotes> notes;

    public IncidentActions(Incidents incidents, AuditLog audit, Notifier notifier, List<ChannelRef> announceTo,
            List<IncidentListener> listeners, List<CardNotes> notes) {
        this.incidents = incidents;
        this.audit = audit;
        this.notifier = notifier;
        this.announceTo = List.copyOf(announceTo);
        this.listeners = List.copyOf(listeners);
        this.notes = List.copyOf(notes);
    }

    /**
     * Stores a new incident, announces its card to the incidents channels (all but {@code from},
     * where the answer goes) and tells the listeners. The card carries every feature's notes.
     */
    public Declared declare(Severity severity, String title, String service, ChannelRef from, Actor by,
            Instant at) {
        Incident incident = incidents.declare(id -> Incident.declare(id, severity, title, service, from, by, at));
        record(by, at, "incident.declare", incident.id(), "", describe(incident));
        List<CardNotes.Note> added = new ArrayList<>();
        notes.forEach(n -> added.addAll(n.notesFor(incident)));
        String declared = "Declared by " + Inline.user(by) + ".";
        Reply card = card(incident, declared, added);
        for (ChannelRef channel : announceTo) {
            if (!channel.equals(from)) {
                notifier.open(incident.id(), channel, card, incident.id() + ":declared:" + channel.key());
            }
        }
        List<String> told = new ArrayList<>();
        listeners.forEach(l -> l.declaredTelling(incident).ifPresent(told::add));
        // The declarer reads what went unpaged; the channels hear the declaration as it is.
        Reply answer = told.isEmpty() ? card : card(incident, declared + "\n" + String.join("\n", told), added);
        return new Declared(incident, answer);
    }

    /** Applies a rule to a stored incident, audits it and tells the listeners; empty if there is no such incident. */
    public Optional<Incident> change(String id, Actor by, Instant at, String action, UnaryOperator<Incident> rule) {
        return change(id, by, null, at, action, rule);
    }

    /**
     * As {@link #change}, made from the channel {@code from} (null when no channel asked): the
     * channels that heard the declaration and the pages hear what changed, all but {@code from},
     * where whoever made the change reads the answer.
     */
    public Optional<Incident> change(String id, Actor by, ChannelRef from, Instant at, String action,
            UnaryOperator<Incident> rule) {
        Optional<Incidents.Change> change = incidents.update(id, rule);
        change.ifPresent(c -> {
            record(by, at, action, id, describe(c.before()), describe(c.after()));
            tell(c.before(), c.after(), by, from);
            listeners.forEach(l -> l.changed(c.before(), c.after(), by));
        });
        return change.map(Incidents.Change::after);
    }

    /** As {@link #change}, refusing an id that names no incident. */
    public Incident changeOrRefuse(String id, Actor by, Instant at, String action, UnaryOperator<Incident> rule) {
        return changeOrRefuse(id, by, null, at, action, rule);
    }

    /** As {@link #change} from a channel, refusing an id that names no incident. */
    public Incident changeOrRefuse(String id, Actor by, ChannelRef from, Instant at, String action,
            UnaryOperator<Incident> rule) {
        return change(id, by, from, at, action, rule)
                .orElseThrow(() -> Refusal.badInput("There is no incident " + id + "."));
    }

    /**
     * Tells the story's channels of a change worth hearing. The key names the change by the
     * incident's timeline position, which each stored change moves on by one, so the same change
     * is told once and two changes are never taken for one.
     */
    private void tell(Incident before, Incident after, Actor by, ChannelRef from) {
        StoryLine.of(before, after, by).ifPresent(headline -> {
            List<CardNotes.Note> added = new ArrayList<>();
            notes.forEach(n -> added.addAll(n.notesFor(after)));
            Reply line = Reply.toChannel("").text(Inline.strong(after.id()) + ": " + headline).tone(StoryLine.tone(after))
                    .build();
            String chapter = after.id() + ":story:" + StoryLine.position(after);
            notifier.tell(after.id(), card(after, headline, added), line, chapter, announceTo, from);
        });
    }

    private static Reply card(Incident incident, String headline, List<CardNotes.Note> notes) {
        if (notes.isEmpty()) {
            return IncidentCards.card(incident, headline);
        }
        StringBuilder text = new StringBuilder(headline);
        notes.forEach(n -> text.append('\n').append(n.text()));
        return IncidentCards.card(incident, text.toString(), notes);
    }

    private void record(Actor by, Instant at, String action, String item, String before, String after) {
        audit.append(new AuditEntry(at, by, action, item, before, after));
    }

    static String describe(Incident i) {
        return "status=" + i.status().word() + " severity=" + i.severity().word() + " owner="
                + (i.owner() == null ? "-" : i.owner().key());
    }

    /** A stored declaration and the answer for whoever declared it. */
    public record Declared(Incident incident, Reply answer) {
    }
}
