package dev.opsbot.bench;

import dev.opsbot.access.ChatGroups;
import dev.opsbot.access.Grant;
import dev.opsbot.access.Grants;
import dev.opsbot.access.OnShift;
import dev.opsbot.access.Role;
import dev.opsbot.access.RolePolicy;
import dev.opsbot.access.RoleSettings;
import dev.opsbot.access.Roles;
import dev.opsbot.access.ServiceScope;
import dev.opsbot.audit.AuditTrail;
import dev.opsbot.audit.IndexedAuditLog;
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
import dev.opsbot.store.AuditLog;
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

    /** How much of the access feature a stack runs. */
    enum Access {
        /** The audit log only, no roles: opsbot before roles existed. */
        NONE,
        /** Audit entries filed for /audit, roles off: the app with OPSBOT_ADMINS unset. */
        FILED,
        /** Filed, and roles on with viewer as the default and each benchmark user granted responder. */
        ROLES
    }

    OpsbotStack(String webApiUrl, String secret) throws Exception {
        this(webApiUrl, secret, Access.NONE);
    }

    OpsbotStack(String webApiUrl, String secret, Access access) throws Exception {
        var db = store.database();
        Clock clock = Clock.systemUTC();
        outbox = new Outbox(new MongoOutbox(db), clock);
        AuditLog audit = access == Access.NONE ? new MongoAuditLog(db)
                : new IndexedAuditLog(new MongoAuditLog(db), AuditTrail.inMongo(db));
        router = new CommandRouter(List.of(IncidentCommands.ROOT.handledBy(new IncidentCommands(
                Incidents.inMongo(db, new MongoCounters(db)),
                audit, outbox, List.of(INCIDENTS), List.of()))),
                new MongoHandledRequests(db), clock);
        if (access == Access.ROLES) {
            Roles roles = new Roles(new RoleSettings(List.of(new Actor(Platform.SLACK, "UADMIN", "admin")), Role.VIEWER),
                    Grants.inMongo(db), OnShift.NOBODY, ChatGroups.NONE, clock);
            for (int i = 0; i < USERS; i++) {
                Actor user = new Actor(Platform.SLACK, user(i), user(i));
                roles.change(user, h -> h.with(new Grant(Role.RESPONDER, null, null, clock.instant(), null, "")));
            }
            router.useAccess(new RolePolicy(roles, new ServiceScope(List.of()), audit));
        }
        adapter = new SlackAdapter(new SlackSettings("xoxb-bench", secret, null, webApiUrl, null), router);
        outbox.register(adapter.poster());
        http = new BoltServer(adapter.app());
    }

    /** The benchmark's Slack users, {@code U0000000} to {@code U0000019}. */
    static final int USERS = 20;

    static String user(int i) {
        return "U" + String.format("%07d", i % USERS);
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
