package dev.opsbot.alert;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether an asset is inside the window of a change being carried out, so an alert about it is
 * expected rather than news. Changes provide it; without them no alert is expected.
 */
public interface ChangeWindows {

    /** The id of the change in progress on {@code asset} at {@code at}, e.g. {@code CHG-7}. */
    Optional<String> inProgressOn(String asset, Instant at);

    /** Attaches an expected alert to the change's own timeline ("+2 firing on db-01: HighLatency"). */
    default void attach(String changeId, String text, Instant at) {
    }

    static ChangeWindows none() {
        return (asset, at) -> Optional.empty();
    }
}
