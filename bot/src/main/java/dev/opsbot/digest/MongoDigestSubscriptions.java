package dev.opsbot.digest;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.store.MongoActors;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Subscriptions in {@code digest_subscriptions}, {@code _id} the channel key. A subscription is
 * replaced whole, never patched, so a findOneAndReplace (or delete) is the whole change and
 * hands back the state it replaced for the audit log.
 */
final class MongoDigestSubscriptions implements DigestSubscriptions {

    private final MongoCollection<Document> subscriptions;

    MongoDigestSubscriptions(MongoDatabase db) {
        this.subscriptions = db.getCollection("digest_subscriptions");
    }

    @Override
    public Optional<DigestSubscription> save(DigestSubscription s) {
        Document replaced = subscriptions.findOneAndReplace(Filters.eq("_id", s.channel().key()), encode(s),
                new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return Optional.ofNullable(replaced).map(MongoDigestSubscriptions::decode);
    }

    @Override
    public Optional<DigestSubscription> remove(ChannelRef channel) {
        return Optional.ofNullable(subscriptions.findOneAndDelete(Filters.eq("_id", channel.key())))
                .map(MongoDigestSubscriptions::decode);
    }

    @Override
    public Optional<DigestSubscription> find(String channelKey) {
        return Optional.ofNullable(subscriptions.find(Filters.eq("_id", channelKey)).first())
                .map(MongoDigestSubscriptions::decode);
    }

    @Override
    public List<DigestSubscription> all() {
        List<DigestSubscription> out = new ArrayList<>();
        for (Document d : subscriptions.find()) {
            out.add(decode(d));
        }
        return out;
    }

    private static Document encode(DigestSubscription s) {
        return new Document("_id", s.channel().key())
                .append("channel", MongoActors.encode(s.channel()))
                .append("cadence", s.cadence().name())
                .append("at", s.at().toString())
                .append("zone", s.zone().getId())
                .append("by", MongoActors.encode(s.by()))
                .append("since", MongoActors.date(s.since()));
    }

    private static DigestSubscription decode(Document d) {
        return new DigestSubscription(MongoActors.decodeChannel(d.get("channel", Document.class)),
                Cadence.valueOf(d.getString("cadence")), LocalTime.parse(d.getString("at")),
                ZoneId.of(d.getString("zone")), MongoActors.decode(d.get("by", Document.class)),
                MongoActors.instant(d, "since"));
    }
}
