package dev.opsbot.discord;

import com.mongodb.client.MongoDatabase;
import java.util.Optional;

/**
 * The command a button runs, carried in its custom id. Discord allows 100 characters there:
 * short command lines travel inside the id itself; longer ones are stored and the id names them.
 */
public interface ButtonCommands {

    int MAX_ID = 100;
    String INLINE = "run:";
    String STORED = "ref:";

    static ButtonCommands inMongo(MongoDatabase db) {
        return new MongoButtonCommands(db);
    }

    /** The custom id for a button running {@code line}. */
    String idFor(String line);

    /** The command line of a clicked button, if the id is one of ours and still known. */
    Optional<String> lineFor(String customId);
}
