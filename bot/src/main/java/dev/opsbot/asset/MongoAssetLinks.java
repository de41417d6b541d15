package dev.opsbot.asset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * {@code asset_links}: one document per asset or service that has a relation, {@code _id} = its
 * name. An edge is written on the dependant first, then on what it needs, each an atomic
 * {@code $addToSet}/{@code $pull} by {@code _id}; linking again repairs the second half after a crash.
 */
final class MongoAssetLinks implements AssetLinks {

    private final MongoCollection<Document> nodes;

    MongoAssetLinks(MongoDatabase db) {
        this.nodes = db.getCollection("asset_links");
    }

    @Override
    public void link(Node.Ref from, String relation, Node.Ref to) {
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        nodes.updateOne(Filters.eq("_id", from.name()), Updates.combine(
                Updates.set("kind", from.kind()),
                Updates.addToSet("needs", edge(to.name(), to.kind(), relation))), upsert);
        nodes.updateOne(Filters.eq("_id", to.name()), Updates.combine(
                Updates.set("kind", to.kind()),
                Updates.addToSet("neededBy", edge(from.name(), from.kind(), relation))), upsert);
    }

    @Override
    public boolean unlink(String from, String relation, String to) {
        long removed = nodes.updateOne(Filters.eq("_id", from),
                Updates.pull("needs", new Document("name", to).append("relation", relation))).getModifiedCount();
        long other = nodes.updateOne(Filters.eq("_id", to),
                Updates.pull("neededBy", new Document("name", from).append("relation", relation))).getModifiedCount();
        return removed + other > 0;
    }

    @Override
    public Map<String, Node> nodes(Collection<String> names) {
        Map<String, Node> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        for (Document d : nodes.find(names.size() == 1 ? Filters.eq("_id", names.iterator().next())
                : Filters.in("_id", names))) {
            out.put(d.getString("_id"), new Node(d.getString("_id"), d.getString("kind"), edges(d, "needs"),
                    edges(d, "neededBy")));
        }
        return out;
    }

    @Override
    public boolean linked(String name) {
        Node node = nodes(List.of(name)).get(name);
        return node != null && (!node.needs().isEmpty() || !node.neededBy().isEmpty());
    }

    private static Document edge(String name, String kind, String relation) {
        return new Document("name", name).append("kind", kind).append("relation", relation);
    }

    private static List<Edge> edges(Document d, String field) {
        List<Edge> out = new ArrayList<>();
        for (Document e : d.getList(field, Document.class, List.of())) {
            out.add(new Edge(e.getString("name"), e.getString("kind"), e.getString("relation")));
        }
        return out;
    }
}
