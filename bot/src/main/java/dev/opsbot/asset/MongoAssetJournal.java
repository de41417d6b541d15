package dev.opsbot.asset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.opsbot.store.MongoActors;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * One {@code asset_journal} document per asset ({@code _id} = its name) whose entries are pushed
 * and capped in one atomic update, so a journal is read by {@code _id} and never grows unbounded.
 */
final class MongoAssetJournal implements AssetJournal {

    private final MongoCollection<Document> journal;

    MongoAssetJournal(MongoDatabase db) {
        this.journal = db.getCollection("asset_journal");
    }

    @Override
    public void add(String asset, Entry entry) {
        Document e = new Document("at", MongoActors.date(entry.at()))
                .append("by", MongoActors.encode(entry.by()))
                .append("kind", entry.kind())
                .append("text", entry.text());
        journal.updateOne(Filters.eq("_id", asset),
                Updates.pushEach("entries", List.of(e), new PushOptions().slice(-KEPT)),
                new UpdateOptions().upsert(true));
    }

    @Override
    public List<Entry> newest(String asset, int limit) {
        Document d = journal.find(Filters.eq("_id", asset)).first();
        List<Entry> out = new ArrayList<>();
        if (d == null) {
            return out;
        }
        List<Document> entries = d.getList("entries", Document.class, List.of());
        for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
            Document e = entries.get(i);
            out.add(new Entry(MongoActors.instant(e, "at"), MongoActors.decode(e.get("by", Document.class)),
                    e.getString("kind"), e.getString("text")));
        }
        return out;
    }
}
