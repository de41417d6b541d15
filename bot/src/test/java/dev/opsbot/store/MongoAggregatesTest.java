package dev.opsbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoAggregatesTest {

    record Tally(String id, int count, String note) {
        Tally plus(int n) {
            return new Tally(id, count + n, note);
        }
    }

    private static final MongoAggregates.Codec<Tally> CODEC = new MongoAggregates.Codec<>() {
        @Override
        public Document encode(Tally t) {
            return new Document("_id", t.id()).append("count", t.count()).append("note", t.note());
        }

        @Override
        public Tally decode(Document d) {
            return new Tally(d.getString("_id"), d.getInteger("count"), d.getString("note"));
        }
    };

    private static MongoStore store;
    private MongoCollection<Document> collection;
    private MongoAggregates<Tally> tallies;

    @BeforeAll
    static void start() {
        store = MongoStore.inMemory();
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    @BeforeEach
    void freshCollection() {
        collection = store.database().getCollection("tallies");
        collection.drop();
        tallies = new MongoAggregates<>(collection, CODEC);
        tallies.insert(new Tally("t1", 0, "start"));
    }

    private long version() {
        return collection.find(Filters.eq("_id", "t1")).first().getLong("version");
    }

    @Test
    void addingAnItemWhoseIdIsTakenIsFalseAndChangesNothing() {
        assertThat(tallies.add(new Tally("t1", 5, "again"))).isFalse();
        assertThat(tallies.add(new Tally("t2", 5, "new"))).isTrue();

        assertThat(tallies.find("t1")).contains(new Tally("t1", 0, "start"));
        assertThat(tallies.find("t2")).contains(new Tally("t2", 5, "new"));
        assertThat(collection.find(Filters.eq("_id", "t2")).first().getLong("version")).isZero();
    }

    @Test
    void anUpdateStoresTheNewStateAndBumpsTheVersion() {
        assertThat(version()).isZero();
        var change = tallies.update("t1", t -> t.plus(2)).orElseThrow();
        assertThat(change.before().count()).isZero();
        assertThat(change.after().count()).isEqualTo(2);
        assertThat(tallies.find("t1")).contains(new Tally("t1", 2, "start"));
        assertThat(version()).isEqualTo(1);
    }

    @Test
    void aMissingItemIsEmptyAndNothingIsCreated() {
        assertThat(tallies.update("nope", t -> t.plus(1))).isEmpty();
        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void aRefusedChangeWritesNothing() {
        assertThatThrownBy(() -> tallies.update("t1", t -> {
            throw new IllegalStateException("no");
        })).hasMessage("no");
        assertThat(version()).isZero();
    }

    @Test
    void returningTheSameStateWritesNothing() {
        var change = tallies.update("t1", t -> t).orElseThrow();
        assertThat(change.after()).isSameAs(change.before());
        assertThat(version()).isZero();
    }

    @Test
    void aChangeMadeMeanwhileIsNotLostTheRuleIsAppliedAgainToIt() {
        int[] runs = {0};
        var change = tallies.update("t1", t -> {
            if (runs[0]++ == 0) {
                // Someone else stores a change between our read and our write.
                collection.updateOne(Filters.eq("_id", "t1"), Updates.combine(
                        Updates.set("count", 10), Updates.set("note", "theirs"), Updates.inc("version", 1L)));
            }
            return t.plus(1);
        }).orElseThrow();
        assertThat(runs[0]).isEqualTo(2);
        assertThat(change.before()).isEqualTo(new Tally("t1", 10, "theirs"));
        assertThat(tallies.find("t1")).contains(new Tally("t1", 11, "theirs"));
        assertThat(version()).isEqualTo(2);
    }

    @Test
    void itGivesUpRatherThanSpinForeverUnderConstantChange() {
        assertThatThrownBy(() -> tallies.update("t1", t -> {
            collection.updateOne(Filters.eq("_id", "t1"), Updates.inc("version", 1L));
            return t.plus(1);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("t1 kept changing");
        assertThat(tallies.find("t1").orElseThrow().count()).isZero();
    }
}
