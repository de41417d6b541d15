package dev.opsbot.problem;

import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Incidents declared since a time that no problem links yet, grouped by {@link Recurrence}. They
 * are taken newest first by number, from the working set (read whole, as it is small) or else by
 * id (the archive), and the walk stops at the first incident declared before the window: numbers
 * follow declaration order, so the work grows with the incidents in the window, not with the whole
 * history. A number with no
 * incident behind it (one handed out by a declaration that then failed) is passed over.
 */
public final class Candidates {

    /** Incidents one look reads at most, so a very busy window still answers quickly; the answer says so. */
    static final int MOST_READ = 2_000;
    private static final int WORKING_READ = 5_000;

    private final Incidents incidents;
    private final Problems problems;

    public Candidates(Incidents incidents, Problems problems) {
        this.incidents = incidents;
        this.problems = problems;
    }

    public Found since(Instant since) {
        List<Incident> window = new ArrayList<>();
        // A look at no numbers reads only the counter and the totals, and says which number is the newest.
        long newest = incidents.history(new Incidents.Query(false, null, null, null, 1), 0, 0).newest();
        Map<String, Incident> working = workingSet();
        boolean cut = false;
        for (long n = newest; n >= 1; n--) {
            if (newest - n >= MOST_READ) {
                cut = true;
                break;
            }
            String id = "INC-" + n;
            Optional<Incident> found = Optional.ofNullable(working.get(id)).or(() -> incidents.find(id));
            if (found.isPresent() && found.get().declaredAt().isBefore(since)) {
                break;
            }
            found.ifPresent(window::add);
        }
        Set<String> linked = problems.linkedAmong(window.stream().map(Incident::id).toList());
        List<Incident> unlinked = window.stream().filter(i -> !linked.contains(i.id())).toList();
        return new Found(Recurrence.groups(unlinked), window.size(), cut);
    }

    /**
     * The working set by id, read in one query up to {@link #WORKING_READ} incidents: it holds open
     * and recently finished incidents only, so reading it costs the same however long the history
     * is, and spares a lookup by id for every recent incident. Past that size the rest are looked up by id.
     */
    private Map<String, Incident> workingSet() {
        Map<String, Incident> byId = new HashMap<>();
        incidents.page(new Incidents.Query(false, null, null, null, WORKING_READ), 1).items()
                .forEach(i -> byId.put(i.id(), i));
        return byId;
    }

    /** The groups found, how many incidents the window held, and whether the look stopped before its start. */
    public record Found(List<Recurrence.Group> groups, int inWindow, boolean cut) {
        public Found {
            groups = List.copyOf(groups);
        }
    }
}
