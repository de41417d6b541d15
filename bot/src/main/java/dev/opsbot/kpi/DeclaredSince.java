package dev.opsbot.kpi;

import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The incidents declared since a moment, archived or not. Numbers are handed out as incidents are
 * declared, so history is read newest first, by number (each a lookup by {@code _id}, which the
 * archive answers without a scan), until the first incident declared before the moment: the cost
 * follows how many incidents the window holds, not how long the history is.
 */
final class DeclaredSince {

    /** Most incident numbers one measurement reads; a window holding more is measured on the newest. */
    static final int LOOK_AT_MOST = 5000;
    private static final int PAGE = 200;

    /** The incidents found, newest first; {@code cut} when the window held more than {@link #LOOK_AT_MOST}. */
    record Found(List<Incident> incidents, boolean cut) {
        Found {
            incidents = List.copyOf(incidents);
        }
    }

    private DeclaredSince() {
    }

    static Found read(Incidents incidents, Instant since) {
        return read(incidents, since, LOOK_AT_MOST);
    }

    static Found read(Incidents incidents, Instant since, int lookAtMost) {
        Incidents.Query any = new Incidents.Query(false, null, null, null, PAGE);
        List<Incident> found = new ArrayList<>();
        long below = 0;
        long looked = 0;
        while (looked < lookAtMost) {
            Incidents.History page = incidents.history(any, below, (int) Math.min(PAGE, lookAtMost - looked));
            for (Incident i : page.items()) {
                if (i.declaredAt().isBefore(since)) {
                    return new Found(found, false);
                }
                found.add(i);
            }
            if (page.newest() < page.oldest() || page.reachedStart()) {
                return new Found(found, false);
            }
            looked += page.newest() - page.oldest() + 1;
            below = page.oldest();
        }
        return new Found(found, true);
    }
}
