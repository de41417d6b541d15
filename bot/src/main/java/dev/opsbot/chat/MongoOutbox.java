package dev.opsbot.chat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.opsbot.store.MongoActors;
import dev.opsbot.store.MongoAggregates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Two collections. {@code outbox} keeps every message under its idempotency key for good, so a
 * key is stored once however often it is announced; {@code outbox_queue} holds only the keys
 * still to deliver, so a delivery round reads little however long the history grows. A message
 * is written before its queue entry; {@link #MongoOutbox} re-queues any pending message whose
 * entry a crash lost in between.
 *
 * <p>Every read or write of {@code outbox} is addressed by {@code _id} (one key or {@code $in}),
 * which the embedded server serves from its only real index; only the small queue is ever
 * filtered on other fields.
 */
public final class MongoOutbox implements OutboxStore {

    private static final Date NEVER = new Date(0);
    // Orders entries stored within the same millisecond; created time orders everything else.
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> queue;
    private final MongoCollection<Document> stories;
    private final MongoCollection<Document> openings;

    public MongoOutbox(MongoDatabase db) {
        this.outbox = db.getCollection("outbox");
        this.queue = db.getCollection("outbox_queue");
        // Both read and written by _id only: a story's channels, and each channel's delivered opening.
        this.stories = db.getCollection("stories");
        this.openings = db.getCollection("story_openings");
        outbox.createIndex(Indexes.ascending("status"));
        queue.createIndex(Indexes.ascending("platform", "createdAt", "seq"));
        for (Document pending : outbox.find(Filters.eq("status", "pending"))) {
            enqueue(pending);
        }
        // Entries queued before they carried their channel and order get them from their message.
        for (Document old : queue.find(Filters.exists("channel", false))) {
            Document message = outbox.find(Filters.eq("_id", old.getString("_id"))).first();
            if (message == null) {
                queue.deleteOne(Filters.eq("_id", old.getString("_id")));
            } else {
                queue.updateOne(Filters.eq("_id", old.getString("_id")), Updates.combine(
                        Updates.set("channel", message.get("channel")),
                        Updates.set("createdAt", message.getDate("createdAt")),
                        Updates.set("seq", 0L),
                        Updates.set("alone", false)));
            }
        }
    }

    @Override
    public boolean add(Envelope e) {
        Document message = new Document("_id", e.key())
                .append("channel", MongoActors.encode(e.channel()))
                .append("platform", e.channel().platform().key())
                .append("message", MongoReplies.encode(e.message()))
                .append("status", "pending")
                .append("createdAt", Date.from(e.createdAt()));
        if (e.part() != null) {
            StoryPart part = e.part();
            message.append("story", new Document("id", part.story()).append("opening", part.opening())
                    .append("line", part.line() == null ? null : MongoReplies.encode(part.line()))
                    .append("quiet", part.quiet()));
            if (part.opening()) {
                // Before the message: a crash in between leaves a channel listed that hears nothing, never the reverse.
                // Later parts need no listing: they go to listed channels and to the incidents channels.
                stories.updateOne(Filters.eq("_id", part.story()),
                        Updates.addToSet("channels", MongoActors.encode(e.channel())), new UpdateOptions().upsert(true));
            }
        }
        boolean stored = MongoAggregates.insertIfAbsent(outbox, message);
        if (stored) {
            enqueue(message);
        }
        return stored;
    }

    private void enqueue(Document message) {
        Reply reply = MongoReplies.decode(message.get("message", Document.class));
        MongoAggregates.insertIfAbsent(queue, new Document("_id", message.getString("_id"))
                .append("platform", message.getString("platform"))
                .append("channel", message.get("channel"))
                .append("createdAt", message.getDate("createdAt"))
                .append("seq", SEQUENCE.incrementAndGet())
                .append("alone", !Roundup.combinable(reply) || later(message))
                .append("attempts", 0)
                .append("nextAttemptAt", message.getDate("createdAt"))
                .append("leasedUntil", NEVER));
    }

    /** A later part of a story edits its opening and replies under it, which a roundup cannot do. */
    private static boolean later(Document message) {
        Document story = message.get("story", Document.class);
        return story != null && !story.getBoolean("opening", false);
    }

    private static StoryPart part(Document message) {
        Document story = message.get("story", Document.class);
        if (story == null) {
            return null;
        }
        Document line = story.get("line", Document.class);
        return new StoryPart(story.getString("id"), story.getBoolean("opening", false),
                line == null ? null : MongoReplies.decode(line), story.getBoolean("quiet", false));
    }

    @Override
    public List<ChannelRef> storyChannels(String story) {
        Document found = stories.find(Filters.eq("_id", story)).first();
        if (found == null) {
            return List.of();
        }
        Set<ChannelRef> channels = new LinkedHashSet<>();
        found.getList("channels", Document.class, List.of()).forEach(c -> channels.add(MongoActors.decodeChannel(c)));
        return List.copyOf(channels);
    }

    @Override
    public Optional<String> opening(String story, ChannelRef channel) {
        Document found = openings.find(Filters.eq("_id", openingId(story, channel))).first();
        return Optional.ofNullable(found).map(d -> d.getString("ref"));
    }

    @Override
    public void keepOpening(String story, ChannelRef channel, String ref, boolean replace) {
        Document opening = new Document("_id", openingId(story, channel)).append("ref", ref);
        if (replace) {
            openings.replaceOne(Filters.eq("_id", opening.getString("_id")), opening, new ReplaceOptions().upsert(true));
        } else {
            MongoAggregates.insertIfAbsent(openings, opening);
        }
    }

    private static String openingId(String story, ChannelRef channel) {
        return story + " " + channel.key();
    }

    @Override
    public List<Waiting> waiting(Collection<Platform> platforms, int limit) {
        List<Waiting> waiting = new ArrayList<>();
        for (Document d : queue.find(Filters.in("platform", platforms.stream().map(Platform::key).toList()))
                .projection(Projections.include("channel", "attempts", "nextAttemptAt", "leasedUntil", "alone"))
                .sort(Sorts.ascending("createdAt", "seq"))
                .limit(limit)) {
            waiting.add(new Waiting(d.getString("_id"), MongoActors.decodeChannel(d.get("channel", Document.class)),
                    d.getInteger("attempts", 0), MongoActors.instant(d, "nextAttemptAt"), MongoActors.instant(d, "leasedUntil"),
                    d.getBoolean("alone", false)));
        }
        return waiting;
    }

    @Override
    public Claim claim(List<Waiting> entries, Instant now, Instant until, String token) {
        Date nowDate = Date.from(now);
        List<String> keys = entries.stream().map(Waiting::key).toList();
        // Each entry is matched and leased in one atomic step, so two claimers never both hold one.
        long leased = queue.updateMany(Filters.and(Filters.in("_id", keys),
                        Filters.lte("nextAttemptAt", nowDate), Filters.lte("leasedUntil", nowDate)),
                Updates.combine(Updates.set("leasedUntil", Date.from(until)), Updates.set("claim", token),
                        Updates.inc("attempts", 1))).getModifiedCount();
        if (leased == 0) {
            return new Claim(List.of(), Set.of());
        }
        Map<String, Integer> attempts = new HashMap<>();
        if (leased == keys.size()) {
            // Every entry was leased by this update, so all are ours; no need to ask which.
            entries.forEach(w -> attempts.put(w.key(), w.attempts() + 1));
        } else {
            for (Document entry : queue.find(Filters.in("_id", keys))
                    .projection(Projections.include("claim", "attempts"))) {
                if (token.equals(entry.getString("claim"))) {
                    attempts.put(entry.getString("_id"), entry.getInteger("attempts", 1));
                }
            }
        }
        Map<String, Document> messages = new HashMap<>();
        for (Document message : outbox.find(Filters.in("_id", List.copyOf(attempts.keySet())))) {
            messages.put(message.getString("_id"), message);
        }
        List<Envelope> held = new ArrayList<>();
        Set<String> finished = new HashSet<>();
        for (String key : keys) {
            if (!attempts.containsKey(key)) {
                continue;
            }
            Document message = messages.get(key);
            if (message == null || !"pending".equals(message.getString("status"))) {
                // Sent or given up already: a crash came between marking it and dropping its entry.
                finished.add(key);
                continue;
            }
            held.add(new Envelope(key, MongoActors.decodeChannel(message.get("channel", Document.class)),
                    MongoReplies.decode(message.get("message", Document.class)), attempts.get(key),
                    MongoActors.instant(message, "createdAt"), part(message)));
        }
        if (!finished.isEmpty()) {
            queue.deleteMany(Filters.in("_id", List.copyOf(finished)));
        }
        return new Claim(held, finished);
    }

    @Override
    public void markSent(Collection<String> keys, Instant at) {
        List<String> ids = List.copyOf(keys);
        outbox.updateMany(Filters.in("_id", ids),
                Updates.combine(Updates.set("status", "sent"), Updates.set("sentAt", Date.from(at))));
        queue.deleteMany(Filters.in("_id", ids));
    }

    @Override
    public void retryAt(Collection<String> keys, String token, Instant next, String reason) {
        List<String> ids = List.copyOf(keys);
        outbox.updateMany(Filters.in("_id", ids), Updates.set("lastError", reason));
        queue.updateMany(Filters.and(Filters.in("_id", ids), Filters.eq("claim", token)), Updates.combine(
                Updates.set("nextAttemptAt", Date.from(next)),
                Updates.set("leasedUntil", NEVER)));
    }

    @Override
    public void release(Collection<String> keys, String token, boolean alone) {
        var update = Updates.set("leasedUntil", NEVER);
        queue.updateMany(Filters.and(Filters.in("_id", List.copyOf(keys)), Filters.eq("claim", token)),
                alone ? Updates.combine(update, Updates.set("alone", true)) : update);
    }

    @Override
    public long pruneSentBefore(Instant cutoff) {
        return outbox.deleteMany(Filters.and(Filters.eq("status", "sent"), Filters.lt("createdAt", Date.from(cutoff))))
                .getDeletedCount();
    }

    @Override
    public void markFailed(Collection<String> keys, String reason) {
        List<String> ids = List.copyOf(keys);
        outbox.updateMany(Filters.in("_id", ids),
                Updates.combine(Updates.set("status", "failed"), Updates.set("lastError", reason)));
        queue.deleteMany(Filters.in("_id", ids));
    }
}
