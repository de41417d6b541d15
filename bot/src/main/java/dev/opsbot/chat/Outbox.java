package dev.opsbot.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Durable announcements. {@link #announce} only stores the message; delivery rounds send what is
 * due through the poster of the channel's platform, retrying with backoff (or the platform's
 * Retry-After) until it is sent or found undeliverable. Delivery is marked right after the post
 * returns, so only a post whose call was under way when the process died can be repeated.
 *
 * <p>Each channel gets its announcements in the order they were made: one post in flight per
 * channel, and a channel whose oldest entry is leased or backing off waits behind it. Channels
 * go in parallel ({@link Courier}). A paced channel (Slack, Discord) gets at most one message per
 * spacing; when more than {@link #FLOOD} announcements wait for it, they go as one {@link Roundup}.
 */
public final class Outbox implements Notifier {

    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    /** More than this many announcements ready for one paced channel are posted as one roundup. */
    static final int FLOOD = 3;
    /** Queue entries one round reads; the queue holds only what is not yet delivered. */
    static final int LOOK_AHEAD = 2000;

    private final OutboxStore store;
    private final Clock clock;
    private final Map<Platform, ChannelPoster> posters = new EnumMap<>(Platform.class);
    private final Set<ChannelRef> busy = ConcurrentHashMap.newKeySet();
    private final Map<ChannelRef, Instant> pacedUntil = new ConcurrentHashMap<>();
    private volatile Runnable onAnnounce = () -> { };

    public Outbox(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public synchronized void register(ChannelPoster poster) {
        posters.put(poster.platform(), poster);
    }

    /** Called after each new message is stored, so a dispatcher can deliver without waiting for its tick. */
    public void onAnnounce(Runnable wake) {
        this.onAnnounce = wake;
    }

    @Override
    public void announce(ChannelRef channel, Reply message, String idempotencyKey) {
        add(new OutboxStore.Envelope(idempotencyKey, channel, message, 0, clock.instant()));
    }

    @Override
    public void open(String story, ChannelRef channel, Reply message, String idempotencyKey) {
        add(new OutboxStore.Envelope(idempotencyKey, channel, message, 0, clock.instant(), StoryPart.opens(story)));
    }

    /**
     * Stores one part per channel. Each waits in its channel's line behind the opening, so it is
     * delivered only once the opening was posted (and its reference kept) or given up.
     */
    @Override
    public void tell(String story, Reply card, Reply line, String chapterKey, List<ChannelRef> alsoTo,
            ChannelRef except) {
        List<ChannelRef> told = store.storyChannels(story);
        Set<ChannelRef> channels = new LinkedHashSet<>(told);
        channels.addAll(alsoTo);
        Instant now = clock.instant();
        for (ChannelRef channel : channels) {
            boolean quiet = channel.equals(except);
            if (quiet && !told.contains(channel)) {
                continue;
            }
            add(new OutboxStore.Envelope(chapterKey + ":" + channel.key(), channel, card, 0, now,
                    StoryPart.continues(story, line, quiet)));
        }
    }

    private void add(OutboxStore.Envelope envelope) {
        if (store.add(envelope)) {
            onAnnounce.run();
        }
    }

    /**
     * Forgets sent messages older than {@code age}. Their keys stop guarding against a repeat, which
     * is harmless for keys that name one event (a declaration, an escalation step, a fire time).
     */
    public long pruneSent(Duration age) {
        return store.pruneSentBefore(clock.instant().minus(age));
    }

    /**
     * Delivers, on the calling thread, everything that may go now; returns how many announcements
     * were sent. A paced channel gets one post per call unless time moves on. Safe to call from
     * several threads and hosts.
     */
    public int deliverDue() {
        int sent = 0;
        while (true) {
            Plan plan = plan(Integer.MAX_VALUE);
            if (plan.deliveries().isEmpty()) {
                return sent;
            }
            for (Delivery d : plan.deliveries()) {
                sent += d.run();
            }
        }
    }

    /** The posts one round may start, and when something now held back becomes ready (null: nothing). */
    record Plan(List<Delivery> deliveries, Duration readyIn) {
    }

    /** Claims the next post of up to {@code most} channels that are free, due and not paced. */
    Plan plan(int most) {
        Map<Platform, ChannelPoster> active;
        synchronized (this) {
            active = Map.copyOf(posters);
        }
        if (active.isEmpty() || most <= 0) {
            return new Plan(List.of(), null);
        }
        Instant now = clock.instant();
        Map<ChannelRef, List<OutboxStore.Waiting>> byChannel = new LinkedHashMap<>();
        for (OutboxStore.Waiting w : store.waiting(active.keySet(), LOOK_AHEAD)) {
            byChannel.computeIfAbsent(w.channel(), c -> new ArrayList<>()).add(w);
        }
        Instant ready = null;
        Map<ChannelRef, List<OutboxStore.Waiting>> chosen = new LinkedHashMap<>();
        for (var entry : byChannel.entrySet()) {
            ChannelRef channel = entry.getKey();
            OutboxStore.Waiting head = entry.getValue().get(0);
            Instant from = latest(pacedUntil.getOrDefault(channel, Instant.EPOCH),
                    latest(head.nextAttemptAt(), head.leasedUntil()));
            if (from.isAfter(now)) {
                ready = ready == null || from.isBefore(ready) ? from : ready;
            } else if (chosen.size() < most && busy.add(channel)) {
                chosen.put(channel, next(entry.getValue(), now, active.get(channel.platform()).pace()));
            }
        }
        Duration readyIn = ready == null ? null : Duration.between(now, ready);
        if (chosen.isEmpty()) {
            return new Plan(List.of(), readyIn);
        }
        String token = UUID.randomUUID().toString();
        List<OutboxStore.Waiting> entries = chosen.values().stream().flatMap(List::stream).toList();
        OutboxStore.Claim claim;
        try {
            claim = store.claim(entries, now, now.plus(LEASE), token);
        } catch (RuntimeException e) {
            busy.removeAll(chosen.keySet());
            throw e;
        }
        Map<String, OutboxStore.Envelope> held = new LinkedHashMap<>();
        claim.held().forEach(e -> held.put(e.key(), e));
        List<Delivery> deliveries = new ArrayList<>();
        List<String> outOfTurn = new ArrayList<>();
        for (var choice : chosen.entrySet()) {
            List<OutboxStore.Envelope> run = new ArrayList<>();
            boolean broken = false;
            for (OutboxStore.Waiting w : choice.getValue()) {
                String key = w.key();
                OutboxStore.Envelope e = held.get(key);
                if (e != null && !broken) {
                    run.add(e);
                } else if (e != null) {
                    outOfTurn.add(key);
                } else if (!claim.finished().contains(key)) {
                    // Another instance holds this one: whatever follows must wait for it.
                    broken = true;
                }
            }
            if (run.isEmpty()) {
                busy.remove(choice.getKey());
            } else {
                ChannelPoster poster = active.get(choice.getKey().platform());
                deliveries.add(new Delivery(this, poster, run.get(0).channel(), run, token));
            }
        }
        if (!outOfTurn.isEmpty()) {
            store.release(outOfTurn, token, false);
        }
        if (deliveries.isEmpty() && !claim.finished().isEmpty()) {
            // Only leftovers of earlier crashes were found, and dropped: look again past them.
            return plan(most);
        }
        return new Plan(deliveries, readyIn);
    }

    /** The head alone, or, when more than {@link #FLOOD} wait and the channel is paced, as many as one post lists. */
    private static List<OutboxStore.Waiting> next(List<OutboxStore.Waiting> waiting, Instant now,
            ChannelPoster.Pace pace) {
        OutboxStore.Waiting head = waiting.get(0);
        if (!pace.combines() || head.alone()) {
            return List.of(head);
        }
        List<OutboxStore.Waiting> run = new ArrayList<>();
        for (OutboxStore.Waiting w : waiting) {
            if (run.size() == pace.perPost() || w.alone() || !w.free(now)) {
                break;
            }
            run.add(w);
        }
        return run.size() > FLOOD ? run : List.of(head);
    }

    /** A delivery finished or was abandoned: its channel is free again, after the pace if it posted. */
    void finished(Delivery delivery, boolean posted) {
        ChannelRef channel = delivery.channel();
        if (posted) {
            Duration spacing;
            synchronized (this) {
                ChannelPoster poster = posters.get(channel.platform());
                spacing = poster == null ? Duration.ZERO : poster.pace().spacing();
            }
            if (!spacing.isZero()) {
                pacedUntil.put(channel, clock.instant().plus(spacing));
            }
        }
        busy.remove(channel);
    }

    OutboxStore store() {
        return store;
    }

    Instant now() {
        return clock.instant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The platform's Retry-After when it gave one; otherwise exponential from one second, capped. */
    static Duration backoff(int attempt, Duration platformAsked) {
        if (platformAsked != null && !platformAsked.isZero()) {
            return platformAsked;
        }
        Duration ours = Duration.ofSeconds(1L << Math.min(Math.max(attempt, 1) - 1, 9));
        return ours.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : ours;
    }
}
