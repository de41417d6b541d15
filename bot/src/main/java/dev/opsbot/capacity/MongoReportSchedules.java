package dev.opsbot.capacity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.opsbot.chat.Actor;
import dev.opsbot.digest.Cadence;
import dev.opsbot.store.MongoActors;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Schedules in {@code capacity_schedules}, {@code _id} the schedule's id. A schedule is replaced
 * whole; {@code handled} only moves forward, with a conditional update.
 */
final class MongoReportSchedules implements ReportSchedules {

    private final MongoCollection<Document> schedules;

    MongoReportSchedules(MongoDatabase db) {
        this.schedules = db.getCollection("capacity_schedules");
    }

    @Override
    public Optional<ReportSchedule> save(ReportSchedule s) {
        Document before = schedules.findOneAndReplace(Filters.eq("_id", s.id()), encode(s),
                new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return Optional.ofNullable(before).map(MongoReportSchedules::decode);
    }

    @Override
    public Optional<ReportSchedule> remove(String id) {
        return Optional.ofNullable(schedules.findOneAndDelete(Filters.eq("_id", id))).map(MongoReportSchedules::decode);
    }

    @Override
    public List<ReportSchedule> all() {
        List<ReportSchedule> out = new ArrayList<>();
        for (Document d : schedules.find()) {
            out.add(decode(d));
        }
        return out;
    }

    @Override
    public boolean handled(String id, Instant due) {
        Date at = MongoActors.date(due);
        return schedules.updateOne(Filters.and(Filters.eq("_id", id),
                        Filters.or(Filters.exists("handled", false), Filters.eq("handled", null), Filters.lt("handled", at))),
                Updates.set("handled", at)).getModifiedCount() == 1;
    }

    private static Document encode(ReportSchedule s) {
        return new Document("_id", s.id())
                .append("channel", MongoActors.encode(s.channel()))
                .append("cadence", s.cadence().name())
                .append("at", s.at().toString())
                .append("zone", s.zone().getId())
                .append("service", s.service())
                .append("by", MongoActors.encode(s.by()))
                .append("since", MongoActors.date(s.since()))
                .append("handled", s.handled() == null ? null : MongoActors.date(s.handled()));
    }

    private static ReportSchedule decode(Document d) {
        Date handled = d.getDate("handled");
        Actor by = MongoActors.decode(d.get("by", Document.class));
        return new ReportSchedule(MongoActors.decodeChannel(d.get("channel", Document.class)),
                Cadence.valueOf(d.getString("cadence")), LocalTime.parse(d.getString("at")),
                ZoneId.of(d.getString("zone")), d.getString("service"), by, MongoActors.instant(d, "since"),
                handled == null ? null : handled.toInstant());
    }
}
