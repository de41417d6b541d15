package dev.opsbot.bench;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.MongoOutbox;
import dev.opsbot.chat.Outbox;
import dev.opsbot.chat.Platform;
import dev.opsbot.command.CommandRouter;
import dev.opsbot.command.Invocation;
import dev.opsbot.command.MongoHandledRequests;
import dev.opsbot.incident.IncidentCommands;
import dev.opsbot.incident.Incidents;
import dev.opsbot.slack.BoltServer;
import dev.opsbot.slack.SlackAdapter;
import dev.opsbot.slack.SlackSettings;
import dev.opsbot.store.MongoAuditLog;
import dev.opsbot.store.MongoCounters;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * opsbot as the application wires it for Slack, on its own counted in-memory store, with Bolt's
 * servlet serving the adapter's app. Incidents are announced to a Slack channel, so each declare
 * stores its announcement in the outbox as in production; delivering them is left out (see
 * docs/benchmarks.md: on the embedded store, which builds no secondary index, each claim scans
 * every announcement ever stored, and a delivery backlog would eat the CPU of later runs).
 */
final class OpsbotStack implements AutoCloseable {

    static final ChannelRef INCIDENTS = new ChannelRef(Platform.SLACK, "CINCIDENTS", "incidents");

    final CountedStore store = new CountedStore();
    final CommandRouter router;
    private final Outbox outbox;
    private final SlackAdapter adapter;
    private final BoltServer http;

    OpsbotStack(String webApiUrl, String secret) throws Exception {
        var db = store.database();
        Clock clock = Clock.systemUTC();
        outbox = new Outbox(new MongoOutbox(db), clock);
        router = new CommandRouter(List.of(IncidentCommands.ROOT.handledBy(new IncidentCommands(
                Incidents.inMongo(db, new MongoCounters(db)),
                new MongoAuditLog(db), outbox, List.of(INCIDENTS), List.of()))),
                new MongoHandledRequests(db), clock);
        adapter = new SlackAdapter(new SlackSettings("xoxb-bench", secret, null, webApiUrl, null), router);
        outbox.register(adapter.poster());
        http = new BoltServer(adapter.app());
    }

    URI events() {
        return http.events();
    }

    long incidents() {
        return store.database().getCollection("incidents").countDocuments();
    }

    /** Declares incidents straight through the router (no HTTP), to give a list something to list. */
    void seed(int count) {
        for (int i = 0; i < count; i++) {
            router.handle(Invocation.of(new Actor(Platform.SLACK, "USEED", "seed"),
                    new ChannelRef(Platform.SLACK, "C1", "ops"),
                    "/incident declare sev" + (1 + i % 4) + " seeded incident " + i + " --service svc" + (i % 10)));
        }
    }

    /** Waits until nothing touches the store any more, so one run's leftovers do not slow the next. */
    void settle() throws InterruptedException {
        long last = -1;
        for (int quiet = 0, i = 0; quiet < 5 && i < 600; i++) {
            long now = store.requestPath.get();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
            Thread.sleep(100);
        }
    }

    /** Announcements stored and waiting for delivery. */
    long pending() {
        return store.database().getCollection("outbox").countDocuments(new org.bson.Document("status", "pending"));
    }

    @Override
    public void close() throws Exception {
        http.close();
        adapter.close();
        store.close();
    }
}
