package dev.opsbot.incident;

import java.util.List;

/**
 * Lines other features add to a declared incident's card — the changes that may have caused it,
 * the workaround of a known error — each with an optional button. Asked once per declaration;
 * a feature with nothing to say returns an empty list.
 */
public interface CardNotes {

    List<Note> notesFor(Incident incident);

    /** One line; {@code buttonLabel} and {@code buttonCommand} are both null or both set. */
    record Note(String text, String buttonLabel, String buttonCommand) {

        public static Note of(String text) {
            return new Note(text, null, null);
        }
    }
}
