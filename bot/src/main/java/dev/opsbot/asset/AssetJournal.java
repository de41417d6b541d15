package dev.opsbot.asset;

import dev.opsbot.chat.Actor;
import java.time.Instant;
import java.util.List;

/**
 * Each asset's journal: notes people wrote and the changes made to it, newest first. Only the
 * newest {@link #KEPT} are kept here for {@code /asset show}; the audit log keeps every one.
 */
public interface AssetJournal {

    int KEPT = 100;

    static AssetJournal inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoAssetJournal(db);
    }

    void add(String asset, Entry entry);

    /** The newest {@code limit} entries, newest first. */
    List<Entry> newest(String asset, int limit);

    /** {@code kind} is "note" for what someone wrote, "change" for a field changed, "link" for a relation. */
    record Entry(Instant at, Actor by, String kind, String text) {
    }
}
