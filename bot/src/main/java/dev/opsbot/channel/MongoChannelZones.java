package dev.opsbot.channel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.store.MongoActors;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zones in {@code channel_zones}, {@code _id} the channel key. Every command asks for its channel's
 * zone, so the whole (small: one document per channel that chose a zone) collection is kept in
 * memory and read again after {@link #FRESH}; a change made here is seen at once, one made on
 * another instance within that time.
 */
final class MongoChannelZones implements ChannelZones {

    private static final Logger log = LoggerFactory.getLogger(MongoChannelZones.class);

    static final Duration FRESH = Duration.ofSeconds(10);

    private final MongoCollection<Document> zones;
    private final ZoneId team;
    private final Clock clock;
    private Map<ChannelRef, ZoneId> known = Map.of();
    private Instant readAt;

    MongoChannelZones(MongoDatabase db, ZoneId team, Clock clock) {
        this.zones = db.getCollection("channel_zones");
        this.team = team;
        this.clock = clock;
    }

    @Override
    public ZoneId team() {
        return team;
    }

    @Override
    public Optional<ZoneId> chosen(ChannelRef channel) {
        return Optional.ofNullable(current().get(channel));
    }

    @Override
    public Map<ChannelRef, ZoneId> all() {
        return current();
    }

    @Override
    public synchronized Optional<ZoneId> choose(ChannelRef channel, ZoneId zone) {
        Document before = zone == null ? zones.findOneAndDelete(Filters.eq("_id", channel.key()))
                : zones.findOneAndReplace(Filters.eq("_id", channel.key()),
                        new Document("_id", channel.key()).append("channel", MongoActors.encode(channel))
                                .append("zone", zone.getId()),
                        new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        readAt = null;
        return Optional.ofNullable(before).flatMap(d -> zoneOf(d.getString("zone")));
    }

    private synchronized Map<ChannelRef, ZoneId> current() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(FRESH)) || now.isBefore(readAt)) {
            Map<ChannelRef, ZoneId> read = new HashMap<>();
            for (Document d : zones.find()) {
                // A zone a newer or older tz database no longer knows: that channel falls back to the
                // team's instead of every command in every channel failing.
                zoneOf(d.getString("zone")).ifPresentOrElse(
                        zone -> read.put(MongoActors.decodeChannel(d.get("channel", Document.class)), zone),
                        () -> log.warn("channel {} has zone {} that this JVM does not know; using the team's",
                                d.get("_id"), d.getString("zone")));
            }
            known = Map.copyOf(read);
            readAt = now;
        }
        return known;
    }

    private static Optional<ZoneId> zoneOf(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException | NullPointerException unknown) {
            return Optional.empty();
        }
    }
}
