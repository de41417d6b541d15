package dev.opsbot.followup;

import dev.opsbot.chat.Reply;
import dev.opsbot.digest.Digest;
import dev.opsbot.digest.DigestCommands;
import dev.opsbot.digest.DigestPoster;
import dev.opsbot.digest.DigestSection;
import dev.opsbot.digest.DigestSubscriptions;
import dev.opsbot.digest.OpenIncidents;
import dev.opsbot.digest.UnacknowledgedIncidents;
import dev.opsbot.incident.Incident;
import dev.opsbot.schedule.DueHandlers;
import dev.opsbot.schedule.DueItems;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.CoreFixture;
import dev.opsbot.testing.MutableClock;
import dev.opsbot.testing.RecordingPoster;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The core with the clock's features wired as the application wires them: due items, follow-ups
 * and digests. {@link #tick} is what the scheduler does when it wakes: fire what is due, deliver.
 */
public final class ClockedCore implements AutoCloseable {

    public final CoreFixture core;
    public final DueHandlers handlers = new DueHandlers();
    public final DueItems due;
    public final FollowUpPolicy policy = FollowUpPolicy.defaults();
    public final DigestSubscriptions subscriptions;
    public final DigestPoster digests;
    public final ZoneId zone;

    public ClockedCore() {
        this(MongoStore.inMemory(), ZoneId.of("UTC"), List.of());
    }

    public ClockedCore(MongoStore store, ZoneId zone, List<DigestSection> extraSections) {
        this.core = new CoreFixture(store);
        core.zones(channel -> zone);
        this.zone = zone;
        this.due = DueItems.inMongo(store.database(), core.counters, handlers);
        this.subscriptions = DigestSubscriptions.inMongo(store.database());
        List<DigestSection> sections = new ArrayList<>(List.of(new OpenIncidents(core.incidents),
                new UnacknowledgedIncidents(core.incidents), new OverdueFollowUps(due)));
        sections.addAll(extraSections);
        Digest digest = new Digest(sections);
        this.digests = new DigestPoster(subscriptions, digest, due, core.outbox);
        handlers.register(new StaleReminders(core.incidents, due, core.outbox, policy));
        handlers.register(new ReviewReminders(core.incidents, due, core.outbox, policy, zone));
        handlers.register(digests);
        core.listening(new IncidentFollowUps(due, policy))
                .with(FollowUpCommands.ROOT.handledBy(new FollowUpCommands(due, core.audit,
                        new WhoMayAct(subject -> core.incidents.find(subject).map(Incident::owner)))))
                .with(DigestCommands.ROOT.handledBy(new DigestCommands(subscriptions, digest, due, core.audit, zone)));
    }

    public MutableClock clock() {
        return core.clock;
    }

    public Reply run(String who, String line) {
        return core.run(who, line);
    }

    /** Moves the clock on and does what the scheduler would: fire everything due, deliver the pings. */
    public int tick(Duration by) {
        core.clock.advance(by);
        return tick();
    }

    public int tick() {
        int fired = due.fireDue(core.clock.instant());
        core.outbox.deliverDue();
        return fired;
    }

    public void at(Instant when) {
        core.clock.set(when);
    }

    /** What reached the channel people declared incidents in (#ops). */
    public List<RecordingPoster.Post> inOps() {
        return core.console.postsTo("ops");
    }

    public List<String> opsTexts() {
        return inOps().stream().map(RecordingPoster.Post::text).toList();
    }

    @Override
    public void close() {
        core.close();
    }
}
