package dev.opsbot.asset;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The relations between assets and services, one node per name holding its edges both ways
 * ({@code needs} and {@code neededBy}), so a walk reads only the nodes it reaches, a level at a
 * time by {@code _id}, whatever the size of the graph.
 */
public interface AssetLinks {

    static AssetLinks inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoAssetLinks(db);
    }

    /** Adds the edge on both nodes; adding one already there changes nothing. */
    void link(Node.Ref from, String relation, Node.Ref to);

    /** Removes the edge from both nodes; true if either side had it. */
    boolean unlink(String from, String relation, String to);

    /** The nodes stored under these names (names with no relation at all are left out). */
    Map<String, Node> nodes(Collection<String> names);

    /** Whether a name has any relation; for orphan checks. */
    boolean linked(String name);

    /**
     * One name's relations. {@code kind} is "asset" or "service". {@code needs} are the edges to
     * what it needs, {@code neededBy} the edges from what needs it.
     */
    record Node(String name, String kind, List<Edge> needs, List<Edge> neededBy) {

        public Node {
            needs = List.copyOf(needs);
            neededBy = List.copyOf(neededBy);
        }

        public record Ref(String name, String kind) {
        }
    }

    /** An edge seen from one node: the other end, its kind and the relation's word. */
    record Edge(String name, String kind, String relation) {
    }
}
