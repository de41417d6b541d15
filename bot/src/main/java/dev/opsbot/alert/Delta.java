package dev.opsbot.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a delivery tells that the group did not know: alerts that began firing (new fingerprints,
 * or known ones with a new start time) and alerts that stopped. A repeat delivery tells nothing.
 */
record Delta(int newFiring, int newlyResolved, Map<String, AlertGroup.Seen> after) {

    static Delta between(Map<String, AlertGroup.Seen> before, List<Alert> alerts) {
        Map<String, AlertGroup.Seen> after = new HashMap<>(before);
        int fired = 0;
        int resolved = 0;
        for (Alert a : alerts) {
            AlertGroup.Seen prev = after.get(a.fingerprint());
            if (a.firing()) {
                // A later start is a new episode of the alert, whether or not its end was heard.
                if (prev == null || a.startsAt().isAfter(prev.startsAt())) {
                    fired++;
                    after.put(a.fingerprint(), new AlertGroup.Seen(a.startsAt(), true));
                }
            } else if (prev == null) {
                // Resolved before opsbot saw it fire: remembered, so it is not news later, but not counted.
                after.put(a.fingerprint(), new AlertGroup.Seen(a.startsAt(), false));
            } else if (prev.firing() && (a.endsAt() == null || !a.endsAt().isBefore(prev.startsAt()))) {
                // An end before the episode opsbot knows began belongs to an older episode.
                resolved++;
                after.put(a.fingerprint(), new AlertGroup.Seen(prev.startsAt(), false));
            }
        }
        return new Delta(fired, resolved, after);
    }

    boolean isNews() {
        return newFiring > 0 || newlyResolved > 0;
    }

    long firingNow() {
        return after.values().stream().filter(AlertGroup.Seen::firing).count();
    }

    /** "+2 firing, 1 resolved". */
    String text() {
        List<String> parts = new ArrayList<>();
        if (newFiring > 0) {
            parts.add("+" + newFiring + " firing");
        }
        if (newlyResolved > 0) {
            parts.add(newlyResolved + " resolved");
        }
        return String.join(", ", parts);
    }

    AlertGroup.Pending pending(Instant at) {
        return new AlertGroup.Pending(at, text(), newFiring, (int) firingNow());
    }
}
