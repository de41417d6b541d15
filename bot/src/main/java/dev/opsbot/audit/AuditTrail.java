package dev.opsbot.audit;

import dev.opsbot.chat.Actor;
import dev.opsbot.store.AuditEntry;
import java.util.List;
import java.util.Locale;

/**
 * The audit log as people read it: by item or by actor, newest first, a page at a time. Each
 * entry is also filed under its item and its actor when it is written (see
 * {@link IndexedAuditLog}), so reading a page reads a few documents by {@code _id} however long
 * the log grows.
 */
public interface AuditTrail {

    static AuditTrail inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoAuditTrail(db);
    }

    /** Files an entry under its item and its actor. */
    void file(AuditEntry entry);

    /** Page {@code page} (1 = newest) of the entries filed under {@code key}, {@code size} to a page. */
    Page page(String key, int page, int size);

    static String itemKey(String item) {
        return "item:" + item.toLowerCase(Locale.ROOT);
    }

    static String actorKey(Actor actor) {
        return "actor:" + actor.key();
    }

    /** One page, newest first, and how many entries are filed under the key in all. */
    record Page(List<AuditEntry> entries, int page, long total) {

        public Page {
            entries = List.copyOf(entries);
        }

        public long pages(int size) {
            return Math.max(1, (total + size - 1) / size);
        }
    }
}
