package dev.opsbot.access;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;

final class MongoGrants implements Grants {

    private final MongoAggregates<HeldRoles> holders;

    MongoGrants(MongoDatabase db) {
        this.holders = new MongoAggregates<>(db.getCollection("role_grants"), new Codec());
    }

    @Override
    public Optional<HeldRoles> find(String key) {
        return holders.find(key);
    }

    @Override
    public HeldRoles change(String key, dev.opsbot.chat.Actor person, UnaryOperator<HeldRoles> change) {
        holders.add(HeldRoles.none(key, person));
        return holders.update(key, change).orElseThrow().after();
    }

    @Override
    public List<HeldRoles> all() {
        return holders.find(Filters.empty(), Sorts.ascending("_id"), 10_000);
    }

    private static final class Codec implements MongoAggregates.Codec<HeldRoles> {
        @Override
        public Document encode(HeldRoles h) {
            List<Document> grants = new ArrayList<>();
            for (Grant g : h.grants()) {
                grants.add(new Document("role", g.role().word()).append("service", g.service())
                        .append("by", MongoActors.encode(g.by())).append("at", MongoActors.date(g.at()))
                        .append("until", MongoActors.date(g.until())).append("reason", g.reason()));
            }
            return new Document("_id", h.key()).append("person", MongoActors.encode(h.person()))
                    .append("grants", grants);
        }

        @Override
        public HeldRoles decode(Document d) {
            List<Grant> grants = new ArrayList<>();
            for (Document g : d.getList("grants", Document.class, List.of())) {
                Optional<Role> role = Role.parse(g.getString("role"));
                role.ifPresent(r -> grants.add(new Grant(r, g.getString("service"),
                        MongoActors.decode(g.get("by", Document.class)), MongoActors.instant(g, "at"),
                        MongoActors.instant(g, "until"), g.getString("reason"))));
            }
            return new HeldRoles(d.getString("_id"), MongoActors.decode(d.get("person", Document.class)), grants);
        }
    }
}
