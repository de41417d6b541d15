package dev.opsbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.store.MongoCounters;
import dev.opsbot.store.MongoStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoDueItemsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    private MongoStore store;
    private final RecordingHandler reminders = new RecordingHandler("remind");
    private DueItems due;

    @BeforeEach
    void start() {
        store = MongoStore.inMemory();
        due = DueItems.inMongo(store.database(), new MongoCounters(store.database()), DueHandlers.of(List.of(reminders)));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private static DueItem item(String id, Instant at) {
        return new DueItem(id, "remind", "INC-1", at, Map.of("note", id));
    }

    @Test
    void firesOnlyWhatIsDueAndForgetsItAfterwards() {
        due.schedule(item("a", T0.plusSeconds(60)));
        due.schedule(item("b", T0.plusSeconds(600)));

        assertThat(due.fireDue(T0)).isZero();
        assertThat(due.fireDue(T0.plusSeconds(60))).isEqualTo(1);
        assertThat(reminders.firedIds()).containsExactly("a");
        assertThat(reminders.fired().get(0).data()).containsEntry("note", "a");
        assertThat(due.find("a")).isEmpty();
        assertThat(due.fireDue(T0.plusSeconds(120))).isZero();
        assertThat(due.nextDue()).contains(T0.plusSeconds(600));
    }

    @Test
    void schedulingTheSameIdAgainMovesItInsteadOfAddingOne() {
        due.schedule(item("a", T0.plusSeconds(60)));
        due.schedule(item("a", T0.plusSeconds(300)));

        assertThat(due.pending(null, 10)).extracting(DueItem::dueAt).containsExactly(T0.plusSeconds(300));
        assertThat(due.fireDue(T0.plusSeconds(120))).isZero();
        assertThat(due.fireDue(T0.plusSeconds(300))).isEqualTo(1);
    }

    @Test
    void cancelledItemsNeverFire() {
        due.schedule(item("a", T0));
        due.schedule(new DueItem("b", "remind", "INC-2", T0, Map.of()));
        due.schedule(new DueItem("c", "other", "INC-2", T0, Map.of()));
        due.cancel("a");
        due.cancelAbout("INC-2", "remind");

        assertThat(due.pending(null, 10)).extracting(DueItem::id).containsExactly("c");
        assertThat(due.fireDue(T0.plusSeconds(1))).isZero();
        due.cancelAbout("INC-2", null);
        assertThat(due.pending(null, 10)).isEmpty();
    }

    @Test
    void aFailingHandlerIsRetriedWithGrowingWaitsNotLost() {
        List<Instant> attempts = new ArrayList<>();
        reminders.then((item, now) -> {
            attempts.add(now);
            if (attempts.size() < 3) {
                throw new IllegalStateException("chat is down");
            }
        });
        due.schedule(item("a", T0));

        assertThat(due.fireDue(T0)).isEqualTo(1);
        assertThat(due.find("a")).isPresent();
        assertThat(due.fireDue(T0.plusSeconds(29))).isZero();
        assertThat(due.nextDue()).contains(T0.plusSeconds(30));
        assertThat(due.fireDue(T0.plusSeconds(30))).isEqualTo(1);
        assertThat(due.nextDue()).contains(T0.plusSeconds(90));
        assertThat(due.fireDue(T0.plusSeconds(90))).isEqualTo(1);

        assertThat(attempts).hasSize(3);
        assertThat(due.find("a")).isEmpty();
        assertThat(reminders.fired()).allSatisfy(i -> assertThat(i.dueAt()).isEqualTo(T0));
    }

    @Test
    void backoffDoublesFromThirtySecondsUpToAnHour() {
        assertThat(MongoDueItems.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MongoDueItems.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MongoDueItems.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(MongoDueItems.backoff(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aHandlerThatReschedulesItsOwnItemKeepsTheNewTime() {
        reminders.then((item, now) -> due.schedule(item.at(now.plus(Duration.ofMinutes(30)))));
        due.schedule(item("a", T0));

        due.fireDue(T0);

        assertThat(due.find("a")).map(DueItem::dueAt).contains(T0.plus(Duration.ofMinutes(30)));
        assertThat(due.fireDue(T0.plus(Duration.ofMinutes(29)))).isZero();
        assertThat(due.fireDue(T0.plus(Duration.ofMinutes(30)))).isEqualTo(1);
    }

    @Test
    void aCancelMadeWhileTheHandlerRanWinsOverTheHandlersReArm() {
        reminders.then((item, now) -> {
            due.cancel(item.id());
            assertThat(due.reschedule(item.at(now.plus(Duration.ofMinutes(30))))).isFalse();
        });
        due.schedule(item("a", T0));

        due.fireDue(T0);

        assertThat(due.find("a")).isEmpty();
        assertThat(due.reschedule(item("never-scheduled", T0))).isFalse();
        assertThat(due.find("never-scheduled")).isEmpty();
    }

    @Test
    void anItemClaimedByAnInstanceThatDiedIsClaimedAgainAfterTheLease() {
        reminders.then((item, now) -> {
            if (reminders.fired().size() == 1) {
                throw new Error("the instance died mid-fire");
            }
        });
        due.schedule(item("a", T0));
        try {
            due.fireDue(T0);
        } catch (Error expected) {
            // The claim stays as the dead instance left it.
        }

        assertThat(due.fireDue(T0.plus(MongoDueItems.LEASE).minusSeconds(1))).isZero();
        assertThat(due.fireDue(T0.plus(MongoDueItems.LEASE))).isEqualTo(1);
        assertThat(reminders.fired()).hasSize(2);
    }

    @Test
    void kindsWithoutAHandlerHereAreLeftForOthersAndDoNotWakeTheClock() {
        due.schedule(new DueItem("x", "unknown", "INC-1", T0, Map.of()));

        assertThat(due.fireDue(T0.plusSeconds(5))).isZero();
        assertThat(due.find("x")).isPresent();
        assertThat(due.nextDue()).isEmpty();
    }

    @Test
    void followUpsGetAShortRefThatSurvivesRescheduling() {
        due.schedule(new DueItem("f1", "remind", "INC-1", T0.plusSeconds(60),
                Map.of(DueItem.LABEL, "review INC-1", DueItem.OWNER, "console:alice")));
        due.schedule(new DueItem("f2", "remind", "INC-2", T0.plusSeconds(30),
                Map.of(DueItem.LABEL, "review INC-2", DueItem.OWNER, "console:bob")));
        due.schedule(item("plain", T0));
        String ref = due.find("f1").orElseThrow().ref();
        due.schedule(new DueItem("f1", "remind", "INC-1", T0.plusSeconds(900),
                Map.of(DueItem.LABEL, "review INC-1", DueItem.OWNER, "console:alice")));

        assertThat(ref).matches("FU-\\d+");
        assertThat(due.find("f1").orElseThrow().ref()).isEqualTo(ref);
        assertThat(due.find("plain").orElseThrow().ref()).isNull();
        assertThat(due.findByRef(ref)).map(DueItem::id).contains("f1");
        assertThat(due.followUps(null, 10)).extracting(DueItem::id).containsExactly("f2", "f1");
        assertThat(due.followUps("console:alice", 10)).extracting(DueItem::id).containsExactly("f1");
    }

    @Test
    void schedulingWakesTheClockWithTheDueTime() {
        List<Instant> woken = new ArrayList<>();
        due.onSchedule(woken::add);
        due.schedule(item("a", T0.plusSeconds(42)));
        assertThat(woken).containsExactly(T0.plusSeconds(42));
    }
}
