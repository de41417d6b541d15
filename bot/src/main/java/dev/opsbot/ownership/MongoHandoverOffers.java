package dev.opsbot.ownership;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.opsbot.chat.Actor;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Offers in {@code handover_offers}, the item as {@code _id}: the unique key that allows one offer per item. */
final class MongoHandoverOffers implements HandoverOffers {

    private final MongoCollection<Document> offers;

    MongoHandoverOffers(MongoDatabase db) {
        this.offers = db.getCollection("handover_offers");
        offers.createIndex(Indexes.ascending("to.platform", "to.id"));
        offers.createIndex(Indexes.ascending("from.platform", "from.id"));
        offers.createIndex(Indexes.ascending("at"));
    }

    @Override
    public boolean add(HandoverOffer o) {
        return MongoAggregates.insertIfAbsent(offers, new Document("_id", o.item())
                .append("kind", o.kind())
                .append("label", o.label())
                .append("from", MongoActors.encode(o.from()))
                .append("to", MongoActors.encode(o.to()))
                .append("note", o.note())
                .append("channel", MongoActors.encode(o.channel()))
                .append("at", MongoActors.date(o.at())));
    }

    @Override
    public Optional<HandoverOffer> find(String item) {
        return Optional.ofNullable(offers.find(Filters.eq("_id", item)).first()).map(MongoHandoverOffers::decode);
    }

    @Override
    public Optional<HandoverOffer> answer(String item, Actor to) {
        return Optional.ofNullable(offers.findOneAndDelete(Filters.and(Filters.eq("_id", item), person("to", to))))
                .map(MongoHandoverOffers::decode);
    }

    @Override
    public Optional<HandoverOffer> remove(String item, Instant at) {
        return Optional.ofNullable(offers.findOneAndDelete(
                Filters.and(Filters.eq("_id", item), Filters.eq("at", MongoActors.date(at)))))
                .map(MongoHandoverOffers::decode);
    }

    @Override
    public List<HandoverOffer> waitingFor(Actor to) {
        return list(person("to", to), 100);
    }

    @Override
    public List<HandoverOffer> madeBy(Actor from) {
        return list(person("from", from), 100);
    }

    @Override
    public List<HandoverOffer> all(int limit) {
        return list(new Document(), limit);
    }

    private List<HandoverOffer> list(Bson filter, int limit) {
        List<HandoverOffer> out = new ArrayList<>();
        for (Document d : offers.find(filter).sort(Sorts.ascending("at")).limit(limit)) {
            out.add(decode(d));
        }
        return out;
    }

    private static Bson person(String field, Actor a) {
        return Filters.and(Filters.eq(field + ".platform", a.platform().key()), Filters.eq(field + ".id", a.id()));
    }

    private static HandoverOffer decode(Document d) {
        return new HandoverOffer(d.getString("_id"), d.getString("kind"), d.getString("label"),
                MongoActors.decode(d.get("from", Document.class)), MongoActors.decode(d.get("to", Document.class)),
                d.getString("note"), MongoActors.decodeChannel(d.get("channel", Document.class)),
                MongoActors.instant(d, "at"));
    }
}
