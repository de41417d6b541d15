package dev.opsbot.oncall;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;

/** Rotations in {@code rotations}, the name as {@code _id}. */
final class MongoRotations implements Rotations {

    private final MongoAggregates<Rotation> rotations;

    MongoRotations(MongoDatabase db) {
        this.rotations = new MongoAggregates<>(db.getCollection("rotations"), new Codec());
    }

    @Override
    public boolean add(Rotation rotation) {
        return rotations.add(rotation);
    }

    @Override
    public Optional<Rotation> find(String name) {
        return rotations.find(name);
    }

    @Override
    public List<Rotation> list(int limit) {
        return rotations.find(new Document(), Sorts.ascending("_id"), limit);
    }

    @Override
    public Optional<Rotation> update(String name, UnaryOperator<Rotation> change) {
        return rotations.update(name, change).map(MongoAggregates.Change::after);
    }

    private static final class Codec implements MongoAggregates.Codec<Rotation> {
        @Override
        public Document encode(Rotation r) {
            return new Document("_id", r.name())
                    .append("members", r.members().stream().map(MongoActors::encode).toList())
                    .append("periodDays", r.periodDays())
                    .append("handoffDay", r.handoff().day() == null ? null : r.handoff().day().name())
                    .append("handoffTime", r.handoff().time().toString())
                    .append("zone", r.zone().getId())
                    .append("firstDay", r.firstDay().toString())
                    .append("covers", r.covers().stream().map(c -> new Document("who", MongoActors.encode(c.who()))
                            .append("from", MongoActors.date(c.from()))
                            .append("until", MongoActors.date(c.until()))
                            .append("by", MongoActors.encode(c.by()))).toList())
                    .append("channel", MongoActors.encode(r.channel()))
                    .append("createdBy", MongoActors.encode(r.createdBy()))
                    .append("createdAt", MongoActors.date(r.createdAt()));
        }

        @Override
        public Rotation decode(Document d) {
            String day = d.getString("handoffDay");
            HandoffTime handoff = new HandoffTime(day == null ? null : DayOfWeek.valueOf(day),
                    LocalTime.parse(d.getString("handoffTime")));
            List<Cover> covers = d.getList("covers", Document.class).stream()
                    .map(c -> new Cover(MongoActors.decode(c.get("who", Document.class)),
                            MongoActors.instant(c, "from"), MongoActors.instant(c, "until"),
                            MongoActors.decode(c.get("by", Document.class))))
                    .toList();
            return new Rotation(d.getString("_id"),
                    d.getList("members", Document.class).stream().map(MongoActors::decode).toList(),
                    d.getInteger("periodDays"), handoff, ZoneId.of(d.getString("zone")),
                    LocalDate.parse(d.getString("firstDay")), covers,
                    MongoActors.decodeChannel(d.get("channel", Document.class)),
                    MongoActors.decode(d.get("createdBy", Document.class)), MongoActors.instant(d, "createdAt"));
        }
    }
}
