package dev.opsbot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.opsbot.store.MongoStore;
import dev.opsbot.testing.MutableClock;
import dev.opsbot.testing.RecordingPoster;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What delivery costs in store round trips: a round that claims costs three (four when another
 * instance claimed some of the same entries at the same time), a post's outcome two,
 * and a roundup costs the same as a single post, so a flooded channel costs per message, not per
 * announcement.
 */
class OutboxRoundTripsTest {

    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final MongoStore store = MongoStore.inMemory(new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            commands.add(event.getCommandName() + " " + event.getCommand().get(event.getCommandName()).asString()
                    .getValue());
        }
    });
    private final MutableClock clock = MutableClock.at("2026-11-27T14:00:00Z");
    private final Outbox outbox = new Outbox(new MongoOutbox(store.database()), clock);

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void oneAnnouncementIsStoredInTwoAndDeliveredInSixIncludingTheRoundThatFindsNothing() {
        outbox.register(new RecordingPoster(Platform.CONSOLE));
        commands.clear();
        outbox.announce(ChannelRef.console("ops"), Reply.toChannel("INC-1 declared").build(), "k1");
        assertThat(commands).containsExactly("insert outbox", "insert outbox_queue");

        commands.clear();
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(commands).containsExactly("find outbox_queue", "update outbox_queue", "find outbox",
                "update outbox", "delete outbox_queue", "find outbox_queue");
    }

    @Test
    void aRoundupOfFiftyCostsWhatOnePostCosts() {
        ChannelPoster paced = new ChannelPoster() {
            @Override
            public Platform platform() {
                return Platform.SLACK;
            }

            @Override
            public void post(ChannelRef channel, Reply message) {
            }

            @Override
            public Pace pace() {
                return new Pace(Duration.ofSeconds(1), 100);
            }
        };
        outbox.register(paced);
        ChannelRef flooded = new ChannelRef(Platform.SLACK, "C1", "incidents");
        for (int i = 0; i < 50; i++) {
            outbox.announce(flooded, Reply.toChannel("INC-" + i + " declared").build(), "k" + i);
        }
        commands.clear();
        assertThat(outbox.deliverDue()).isEqualTo(50);
        assertThat(commands).hasSize(6);
    }

    @Test
    void aStoryCostsOneMoreWriteToOpenAndOneMoreReadForEachLaterPart() {
        ChannelPoster editing = new ChannelPoster() {
            @Override
            public Platform platform() {
                return Platform.SLACK;
            }

            @Override
            public void post(ChannelRef channel, Reply message) {
            }

            @Override
            public boolean edits() {
                return true;
            }

            @Override
            public String open(ChannelRef channel, Reply message, String key) {
                return "ts-1";
            }
        };
        outbox.register(editing);
        ChannelRef incidents = new ChannelRef(Platform.SLACK, "C1", "incidents");
        commands.clear();
        outbox.open("INC-1", incidents, Reply.toChannel("INC-1 declared").build(), "INC-1:declared");
        assertThat(commands).containsExactly("update stories", "insert outbox", "insert outbox_queue");

        commands.clear();
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(commands).containsExactly("find outbox_queue", "update outbox_queue", "find outbox",
                "insert story_openings", "update outbox", "delete outbox_queue", "find outbox_queue");

        commands.clear();
        outbox.tell("INC-1", Reply.toChannel("INC-1 acknowledged").build(), Reply.note("INC-1: acknowledged"),
                "INC-1:story:2", List.of(incidents), null);
        assertThat(commands).containsExactly("find stories", "insert outbox", "insert outbox_queue");

        commands.clear();
        assertThat(outbox.deliverDue()).isEqualTo(1);
        assertThat(commands).containsExactly("find outbox_queue", "update outbox_queue", "find outbox",
                "find story_openings", "update outbox", "delete outbox_queue", "find outbox_queue");
    }
}
