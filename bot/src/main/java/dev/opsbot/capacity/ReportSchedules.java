package dev.opsbot.capacity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Scheduled capacity reports, one per channel and service. */
public interface ReportSchedules {

    static ReportSchedules inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoReportSchedules(db);
    }

    /** Stores a schedule, replacing the one with the same id; returns the one replaced. */
    Optional<ReportSchedule> save(ReportSchedule schedule);

    Optional<ReportSchedule> remove(String id);

    List<ReportSchedule> all();

    /**
     * Records that the report for {@code due} was posted; false when this or a later time was
     * recorded already, or the schedule is gone.
     */
    boolean handled(String id, Instant due);
}
