package dev.opsbot.schedule;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.opsbot.store.MongoActors;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * One document per routine in {@code routines}, {@code _id} the routine's name. A claim is an
 * upsert filtered on "mark earlier than this fire": when the mark is already there or later, the
 * filter matches nothing and the upsert collides with the existing {@code _id}, so exactly one of
 * several instances offering the same fire gets it.
 */
final class MongoRoutineFires implements RoutineFires {

    private final MongoCollection<Document> routines;

    MongoRoutineFires(MongoDatabase db) {
        this.routines = db.getCollection("routines");
    }

    @Override
    public boolean claim(String routine, Instant scheduledAt) {
        try {
            var result = routines.updateOne(
                    Filters.and(Filters.eq("_id", routine), Filters.lt("lastScheduledAt", Date.from(scheduledAt))),
                    Updates.set("lastScheduledAt", Date.from(scheduledAt)),
                    new UpdateOptions().upsert(true));
            return result.getModifiedCount() == 1 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Instant> lastClaimed(String routine) {
        return Optional.ofNullable(routines.find(Filters.eq("_id", routine)).first())
                .map(d -> MongoActors.instant(d, "lastScheduledAt"));
    }
}
