package dev.opsbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelPoster;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.MongoOutbox;
import dev.opsbot.chat.Outbox;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.store.MongoAuditLog;
import dev.opsbot.store.MongoCounters;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.MutableClock;
import dev.opsbot.testing.RecordingPoster;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The channels that heard a declaration hear the rest of the story: where messages can be edited,
 * the opening shows the current card and a reply under it says what happened; elsewhere one line.
 */
class IncidentStoryTest {

    /** A platform with edits and replies, like Slack and Discord: every call recorded, refs handed out in order. */
    static final class ThreadingPoster implements ChannelPoster {
        record Call(String what, ChannelRef channel, String ref, Reply message) {
            String text() {
                return message.plainText();
            }
        }

        final List<Call> calls = new CopyOnWriteArrayList<>();
        final Deque<DeliveryFailure> failures = new ArrayDeque<>();
        private int refs;

        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public boolean edits() {
            return true;
        }

        @Override
        public Pace pace() {
            return new Pace(Duration.ofSeconds(1), 100);
        }

        @Override
        public void post(ChannelRef channel, Reply message) throws DeliveryFailure {
            open(channel, message, null);
        }

        @Override
        public String open(ChannelRef channel, Reply message, String key) throws DeliveryFailure {
            failIfScripted();
            String ref = "ts-" + (++refs);
            calls.add(new Call("post", channel, ref, message));
            return ref;
        }

        @Override
        public String retell(ChannelRef channel, String ref, Reply card, Reply line, String key)
                throws DeliveryFailure {
            failIfScripted();
            calls.add(new Call("edit", channel, ref, card));
            if (line != null) {
                calls.add(new Call("reply", channel, ref, line));
            }
            return null;
        }

        private void failIfScripted() throws DeliveryFailure {
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
        }

        List<Call> calls(String what) {
            return calls.stream().filter(c -> c.what().equals(what)).toList();
        }
    }

    final MutableClock clock = MutableClock.at("2026-11-27T14:00:00Z");
    final MongoStore store = MongoStore.inMemory();
    final Incidents incidents = Incidents.inMongo(store.database(), new MongoCounters(store.database()));
    final ChannelRef incidentsChannel = new ChannelRef(Platform.SLACK, "CINC", "incidents");
    final ChannelRef typedIn = new ChannelRef(Platform.SLACK, "CDEV", "dev");
    final Actor ann = new Actor(Platform.SLACK, "U1", "ann");
    final Actor dan = new Actor(Platform.SLACK, "U2", "dan");
    final ThreadingPoster slack = new ThreadingPoster();
    Outbox outbox = outbox();

    Outbox outbox() {
        Outbox o = new Outbox(new MongoOutbox(store.database()), clock);
        o.register(slack);
        return o;
    }

    IncidentActions actions(Outbox to, ChannelRef... announceTo) {
        return new IncidentActions(incidents, new MongoAuditLog(store.database()), to, List.of(announceTo), List.of(),
                List.of());
    }

    @AfterEach
    void close() {
        store.close();
    }

    String declare(IncidentActions actions) {
        return actions.declare(Severity.SEV2, "db latency", null, typedIn, ann, clock.instant()).incident().id();
    }

    void deliver() {
        for (int i = 0; i < 10; i++) {
            outbox.deliverDue();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void anAcknowledgementEditsTheDeliveredCardAndRepliesUnderIt() {
        IncidentActions actions = actions(outbox, incidentsChannel);
        String id = declare(actions);
        deliver();
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.ack", i -> i.acknowledge(dan, clock.instant()));
        deliver();

        assertThat(slack.calls("post")).hasSize(1);
        String opening = slack.calls("post").get(0).ref();
        assertThat(slack.calls("edit")).singleElement().satisfies(edit -> {
            assertThat(edit.ref()).isEqualTo(opening);
            assertThat(edit.channel()).isEqualTo(incidentsChannel);
            assertThat(edit.message().fields()).contains(new Reply.Field("Status", "acknowledged"));
            assertThat(edit.message().buttons()).extracting(Reply.Button::label).doesNotContain("Acknowledge");
        });
        assertThat(slack.calls("reply")).singleElement().satisfies(reply -> {
            assertThat(reply.ref()).isEqualTo(opening);
            assertThat(reply.text()).contains(id + ": Acknowledged by @dan.");
        });
    }

    @Test
    void everyTransitionIsToldOnceInOrderAndNotesAreNot() {
        IncidentActions actions = actions(outbox, incidentsChannel);
        String id = declare(actions);
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.severity",
                i -> i.changeSeverity(dan, Severity.SEV1, clock.instant()));
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.update", i -> i.note(dan, "looking", clock.instant()));
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.mitigate", i -> i.mitigate(dan, clock.instant()));
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.resolve",
                i -> i.resolve(dan, "index rebuilt", clock.instant()));
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.reopen", i -> i.reopen(dan, clock.instant()));
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.resolve", i -> i.resolve(dan, null, clock.instant()));
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.close", i -> i.close(dan, clock.instant()));
        deliver();
        deliver();

        assertThat(slack.calls("reply")).extracting(ThreadingPoster.Call::text).containsExactly(
                id + ": @dan changed the severity from sev2 to sev1.",
                id + ": Mitigated by @dan.",
                id + ": Resolved by @dan: index rebuilt",
                id + ": Reopened by @dan.",
                id + ": Resolved by @dan.",
                id + ": Closed by @dan.");
        assertThat(slack.calls("edit")).hasSize(6).allSatisfy(e -> assertThat(e.ref()).isEqualTo("ts-1"));
        assertThat(slack.calls("edit").get(5).message().fields()).contains(new Reply.Field("Status", "closed"));
        assertThat(slack.calls("post")).hasSize(1);
    }

    @Test
    void aTransitionStoredBeforeARestartIsToldExactlyOnceAfterIt() {
        IncidentActions actions = actions(outbox, incidentsChannel);
        String id = declare(actions);
        deliver();
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.ack", i -> i.acknowledge(dan, clock.instant()));

        outbox = outbox();
        deliver();
        outbox = outbox();
        deliver();

        assertThat(slack.calls("edit")).hasSize(1);
        assertThat(slack.calls("reply")).hasSize(1);
        assertThat(slack.calls("post")).hasSize(1);
    }

    @Test
    void aTransitionMadeBeforeTheCardWasDeliveredWaitsForItThenEditsIt() {
        IncidentActions actions = actions(outbox, incidentsChannel);
        slack.failures.add(ChannelPoster.DeliveryFailure.retryable("rate limited", Duration.ofSeconds(5)));
        String id = declare(actions);
        outbox.deliverDue();
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.ack", i -> i.acknowledge(dan, clock.instant()));
        outbox.deliverDue();
        assertThat(slack.calls).as("both wait for the rate limit").isEmpty();

        deliver();

        assertThat(slack.calls).extracting(ThreadingPoster.Call::what).containsExactly("post", "edit", "reply");
        assertThat(slack.calls("edit").get(0).ref()).isEqualTo(slack.calls("post").get(0).ref());
    }

    @Test
    void whenTheCardWasNeverDeliveredAFreshCardOpensTheStoryAgain() {
        IncidentActions actions = actions(outbox, incidentsChannel);
        slack.failures.add(ChannelPoster.DeliveryFailure.permanent("channel_not_found"));
        String id = declare(actions);
        deliver();
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.ack", i -> i.acknowledge(dan, clock.instant()));
        deliver();
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.resolve", i -> i.resolve(dan, null, clock.instant()));
        deliver();

        assertThat(slack.calls).extracting(ThreadingPoster.Call::what).containsExactly("post", "edit", "reply");
        ThreadingPoster.Call fresh = slack.calls("post").get(0);
        assertThat(fresh.text()).contains("Acknowledged by @dan.");
        assertThat(fresh.message().fields()).contains(new Reply.Field("Status", "acknowledged"));
        assertThat(slack.calls("edit").get(0).ref()).isEqualTo(fresh.ref());
        assertThat(slack.calls("reply").get(0).text()).contains("Resolved by @dan.");
    }

    @Test
    void aCardSentInARoundupIsNotEditedButFollowedByAFreshCard() {
        IncidentActions actions = actions(outbox, incidentsChannel);
        List<String> ids = List.of(declare(actions), declare(actions), declare(actions), declare(actions));
        deliver();
        assertThat(slack.calls("post")).singleElement().satisfies(p -> assertThat(p.message().title())
                .isEqualTo("4 announcements"));

        actions.changeOrRefuse(ids.get(0), dan, typedIn, clock.instant(), "incident.ack",
                i -> i.acknowledge(dan, clock.instant()));
        deliver();

        assertThat(slack.calls("edit")).isEmpty();
        assertThat(slack.calls("post")).hasSize(2);
        assertThat(slack.calls("post").get(1).message().fields()).contains(new Reply.Field("Status", "acknowledged"));
    }

    @Test
    void theChannelTheChangeWasTypedInSeesItsCardUpdatedButIsNotToldAgain() {
        IncidentActions actions = actions(outbox, incidentsChannel);
        String id = declare(actions);
        deliver();
        actions.changeOrRefuse(id, dan, incidentsChannel, clock.instant(), "incident.ack",
                i -> i.acknowledge(dan, clock.instant()));
        deliver();

        assertThat(slack.calls).extracting(ThreadingPoster.Call::what).containsExactly("post", "edit");
    }

    @Test
    void aChannelThatNeverHeardTheStoryIsNotToldFromWhereTheChangeWasTyped() {
        IncidentActions actions = actions(outbox, incidentsChannel);
        String id = actions.declare(Severity.SEV2, "db latency", null, incidentsChannel, ann, clock.instant())
                .incident().id();
        actions.changeOrRefuse(id, dan, incidentsChannel, clock.instant(), "incident.ack",
                i -> i.acknowledge(dan, clock.instant()));
        deliver();

        assertThat(slack.calls).as("the declaration and the acknowledgement were answered there").isEmpty();
    }

    @Test
    void aPageOpensTheStoryInTheServiceChannel() {
        ChannelRef service = new ChannelRef(Platform.SLACK, "CPAY", "payments");
        IncidentActions actions = actions(outbox, incidentsChannel);
        String id = declare(actions);
        outbox.open(id, service, Reply.toChannel("page").text("@dan: " + id + " was just declared.").build(),
                id + ":escalation:0:0");
        deliver();
        actions.changeOrRefuse(id, dan, typedIn, clock.instant(), "incident.ack", i -> i.acknowledge(dan, clock.instant()));
        deliver();

        assertThat(slack.calls("edit")).extracting(c -> c.channel().id()).containsExactlyInAnyOrder("CINC", "CPAY");
        assertThat(slack.calls("reply")).extracting(c -> c.channel().id()).containsExactlyInAnyOrder("CINC", "CPAY");
        String pageRef = slack.calls("post").stream().filter(p -> p.channel().equals(service)).findFirst().orElseThrow()
                .ref();
        assertThat(slack.calls("edit").stream().filter(e -> e.channel().equals(service)).findFirst().orElseThrow()
                .ref()).isEqualTo(pageRef);
    }

    @Test
    void theConsoleHearsOneAnnouncementLine() {
        RecordingPoster console = new RecordingPoster(Platform.CONSOLE);
        outbox.register(console);
        ChannelRef consoleIncidents = ChannelRef.console("incidents");
        IncidentActions actions = actions(outbox, consoleIncidents);
        String id = actions.declare(Severity.SEV2, "db latency", null, ChannelRef.console("ops"), ann, clock.instant())
                .incident().id();
        outbox.deliverDue();
        actions.changeOrRefuse(id, dan, ChannelRef.console("ops"), clock.instant(), "incident.ack",
                i -> i.acknowledge(dan, clock.instant()));
        outbox.deliverDue();

        assertThat(console.posts()).hasSize(2);
        assertThat(console.posts().get(1).text()).isEqualTo(id + ": Acknowledged by @dan.");
    }
}
