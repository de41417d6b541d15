package dev.opsbot.store;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** How people, channels and instants are written in documents; shared by every feature's store. */
public final class MongoActors {

    private MongoActors() {
    }

    public static Document encode(Actor a) {
        return a == null ? null
                : new Document("platform", a.platform().key()).append("id", a.id()).append("name", a.name());
    }

    public static Actor decode(Document d) {
        return d == null ? null
                : new Actor(Platform.fromKey(d.getString("platform")).orElseThrow(), d.getString("id"),
                        d.getString("name"));
    }

    public static Document encode(ChannelRef c) {
        return c == null ? null
                : new Document("platform", c.platform().key()).append("id", c.id()).append("name", c.name());
    }

    public static ChannelRef decodeChannel(Document d) {
        return d == null ? null
                : new ChannelRef(Platform.fromKey(d.getString("platform")).orElseThrow(), d.getString("id"),
                        d.getString("name"));
    }

    public static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    public static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
