package dev.opsbot.discord;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;

/**
 * Long button commands in {@code discord_buttons}, keyed by a hash of the line: storing the same
 * line twice is one idempotent upsert, so no read-modify-write is needed.
 */
final class MongoButtonCommands implements ButtonCommands {

    private final MongoCollection<Document> buttons;

    MongoButtonCommands(MongoDatabase db) {
        this.buttons = db.getCollection("discord_buttons");
    }

    @Override
    public String idFor(String line) {
        if (INLINE.length() + line.length() <= MAX_ID) {
            return INLINE + line;
        }
        String key = hash(line);
        buttons.updateOne(Filters.eq("_id", key), Updates.setOnInsert("line", line), new UpdateOptions().upsert(true));
        return STORED + key;
    }

    @Override
    public Optional<String> lineFor(String customId) {
        if (customId.startsWith(INLINE)) {
            return Optional.of(customId.substring(INLINE.length()));
        }
        if (customId.startsWith(STORED)) {
            Document d = buttons.find(Filters.eq("_id", customId.substring(STORED.length()))).first();
            return d == null ? Optional.empty() : Optional.ofNullable(d.getString("line"));
        }
        return Optional.empty();
    }

    private static String hash(String line) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
