package dev.opsbot.oncall;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** All rotations, one document each, keyed by name; overrides live inside their rotation. */
public interface Rotations {

    static Rotations inMongo(com.mongodb.client.MongoDatabase db) {
        return new MongoRotations(db);
    }

    /** Stores a new rotation; false if the name is taken. */
    boolean add(Rotation rotation);

    Optional<Rotation> find(String name);

    List<Rotation> list(int limit);

    /** Applies a change if the rotation exists, never losing a concurrent change. */
    Optional<Rotation> update(String name, UnaryOperator<Rotation> change);
}
