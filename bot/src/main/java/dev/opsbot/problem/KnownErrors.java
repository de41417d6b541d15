package dev.opsbot.problem;

import dev.opsbot.incident.CardNotes;
import dev.opsbot.incident.Incident;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Puts the workaround of a matching known error on a newly declared incident's card: a live
 * problem with a workaround on the same service whose statement or one of whose incidents' titles
 * is alike the new title ({@link Recurrence}). At most {@link #SHOWN}, the closest first, each with
 * a button that links the incident to the problem.
 */
public final class KnownErrors implements CardNotes {

    static final int SHOWN = 2;
    /** Known errors on one service looked at per declaration; a service has few. */
    private static final int LOOKED_AT = 50;

    private final Problems problems;

    public KnownErrors(Problems problems) {
        this.problems = problems;
    }

    @Override
    public List<Note> notesFor(Incident incident) {
        if (incident.service() == null) {
            return List.of();
        }
        record Match(Problem problem, double likeness) {
        }
        return problems.knownErrorsOn(incident.service(), LOOKED_AT).stream()
                .map(p -> new Match(p, closest(p, incident.title())))
                .filter(m -> m.likeness() >= Recurrence.ALIKE)
                .sorted(Comparator.comparingDouble(Match::likeness).reversed())
                .limit(SHOWN)
                .map(m -> new Note("Known error " + m.problem().id() + " (" + m.problem().statement() + "). Workaround: "
                        + m.problem().workaround(), "Link to " + m.problem().id(),
                        "/problem link " + m.problem().id() + " " + incident.id()))
                .toList();
    }

    private static double closest(Problem p, String title) {
        double best = Recurrence.likeness(p.statement(), title);
        for (Problem.Linked l : p.incidents()) {
            best = Math.max(best, Optional.ofNullable(l.title()).map(t -> Recurrence.likeness(t, title)).orElse(0.0));
        }
        return best;
    }
}
