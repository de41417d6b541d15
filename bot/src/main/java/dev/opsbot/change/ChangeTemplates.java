package dev.opsbot.change;

import java.util.List;
import java.util.Optional;

/** Standard-change templates, one document each, keyed by name. */
public interface ChangeTemplates {

    static ChangeTemplates inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoChangeTemplates(db);
    }

    /** Stores a new template; false, and nothing written, if the name is taken. */
    boolean add(ChangeTemplate template);

    Optional<ChangeTemplate> find(String name);

    List<ChangeTemplate> list(int limit);
}
