package dev.opsbot.kpi;

import java.time.Duration;

/**
 * One service's availability over a window: {@code impact} is the time sev1–2 incidents on it
 * were hurting users (overlaps counted once); {@code target} is its percentage, or null.
 */
public record Availability(String service, Double target, Duration impact, Duration window) {

    /** The share of the window without impact, in percent. */
    public double percent() {
        return 100.0 * (1 - (double) impact.toMillis() / window.toMillis());
    }

    /** The downtime the target allows in this window; zero without a target. */
    public Duration budget() {
        if (target == null) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.round(window.toMillis() * (100.0 - target) / 100.0));
    }

    /** What is left of the budget; negative once the target is missed. */
    public Duration budgetLeft() {
        return budget().minus(impact);
    }
}
