package dev.opsbot.schedule;

import java.time.ZoneId;

/**
 * A recurring job declared by a feature: digests, capacity reports, audits. {@code cron} is a
 * Quartz cron expression read in {@code zone}. The action receives the scheduled fire time.
 */
public record Routine(String name, String cron, ZoneId zone, RoutineAction action) {

    @FunctionalInterface
    public interface RoutineAction {
        void run(java.time.Instant scheduledAt);
    }
}
