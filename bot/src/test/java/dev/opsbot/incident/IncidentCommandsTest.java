package dev.opsbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.Invocation;
import dev.opsbot.testing.CoreFixture;
import dev.opsbot.testing.MarkedRenderer;
import dev.opsbot.testing.RecordingPoster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IncidentCommandsTest {

    private final List<String> heard = new ArrayList<>();
    private final CoreFixture core = new CoreFixture().listening(new IncidentListener() {
        @Override
        public void declared(Incident incident) {
            heard.add("declared " + incident.id());
        }

        @Override
        public void changed(Incident before, Incident after, Actor by) {
            heard.add(before.status().word() + "→" + after.status().word() + " by " + by.name());
        }
    });

    @AfterEach
    void stop() {
        core.close();
    }

    @Test
    void declaringRepliesWithACardAndAnnouncesToTheIncidentsChannelOnce() {
        Reply card = core.run("bob", "/incident declare sev2 “checkout latency” --service payments");
        assertThat(card.isPrivate()).isFalse();
        assertThat(card.plainText()).startsWith("INC-1 · sev2 · checkout latency\nDeclared by @bob.");
        assertThat(card.fields()).contains(new Reply.Field("Service", "payments"));
        assertThat(card.buttons()).extracting(Reply.Button::command)
                .contains("/incident ack INC-1", "/incident resolve INC-1");

        List<RecordingPoster.Post> posts = core.console.posts();
        assertThat(posts).singleElement().satisfies(p -> {
            assertThat(p.channel()).isEqualTo(core.incidentChannel);
            assertThat(p.text()).startsWith("INC-1 · sev2 · checkout latency");
        });
        assertThat(core.outbox.deliverDue()).isZero();
        assertThat(core.console.posts()).hasSize(1);
        assertThat(heard).containsExactly("declared INC-1");
    }

    @Test
    void declaringInTheIncidentsChannelItselfDoesNotAnnounceAgain() {
        core.router().handle(Invocation.of(Actor.console("bob"), core.incidentChannel, "/incident declare sev3 x"));
        core.outbox.deliverDue();
        assertThat(core.console.posts()).isEmpty();
    }

    @Test
    void badLinesGetOneSentenceAndTheUsageAndChangeNothing() {
        core.run("bob", "/incident declare sev3 disk full");
        assertRefused(core.run("bob", "/incident declare sev9 x"),
                "“sev9” is not a valid severity; choose sev1, sev2, sev3 or sev4.",
                "Usage: /incident declare <sev1|sev2|sev3|sev4> <title> [--service <service>]");
        assertRefused(core.run("bob", "/incident declare sev2"), "Missing <title>.",
                "Usage: /incident declare <sev1|sev2|sev3|sev4> <title> [--service <service>]");
        assertRefused(core.run("bob", "/incident ack INC-999"), "There is no incident INC-999.",
                "Usage: /incident ack <INC-N>");
        assertRefused(core.run("bob", "/incident ack CHG-1"), "“CHG-1” is not an id like INC-42.",
                "Usage: /incident ack <INC-N>");
        assertRefused(core.run("bob", "/incident assign INC-1"), "Missing <@user>.",
                "Usage: /incident assign <INC-N> <@user>");
        assertRefused(core.run("bob", "/incident update INC-1 \"unclosed note"),
                "The quote that starts at “\"unclosed note” is never closed.",
                "Usage: /incident update <INC-N> <note>");
        assertThat(core.incidents.list(new Incidents.Query(false, null, null, null, 10))).hasSize(1);
        assertThat(core.audit.forItem("INC-999", 5)).isEmpty();
        assertThat(core.console.posts()).hasSize(1);
    }

    @Test
    void tooLongTextsAreRefusedRatherThanCutByTheChatPlatform() {
        String longest = "t".repeat(120);
        assertThat(core.run("bob", "/incident declare sev3 " + longest).title()).endsWith(longest);
        assertRefused(core.run("bob", "/incident declare sev3 " + longest + "x"),
                "A title can be at most 120 characters; put the details in /incident update once it is declared.",
                "Usage: /incident declare <sev1|sev2|sev3|sev4> <title> [--service <service>]");
        String tooLongNote = "n".repeat(2001);
        assertRefused(core.run("bob", "/incident update INC-1 " + tooLongNote),
                "A note can be at most 2000 characters; put the rest in an /incident update.",
                "Usage: /incident update <INC-N> <note>");
        assertRefused(core.run("bob", "/incident resolve INC-1 " + tooLongNote),
                "A summary can be at most 2000 characters; put the rest in an /incident update.",
                "Usage: /incident resolve <INC-N> [summary]");
        assertThat(core.incidents.list(new Incidents.Query(false, null, null, null, 10))).hasSize(1);
        assertThat(core.incidents.find("INC-1").orElseThrow().timeline()).hasSize(1);
    }

    private static void assertRefused(Reply reply, String sentence, String footer) {
        assertThat(reply.isPrivate()).isTrue();
        assertThat(reply.text()).isEqualTo(sentence);
        assertThat(reply.footer()).isEqualTo(footer);
    }

    @Test
    void ruleRefusalsArePrivateWithoutUsage() {
        core.run("bob", "/incident declare sev3 disk full");
        core.run("alice", "/incident ack INC-1");
        Reply twice = core.run("bob", "/incident ack inc-1");
        assertThat(twice.isPrivate()).isTrue();
        assertThat(twice.plainText()).isEqualTo("INC-1 was already acknowledged by @alice at 14:00 UTC.");
        assertThat(core.run("bob", "/incident close INC-1").plainText())
                .isEqualTo("INC-1 is still open; resolve it before closing it.");
    }

    @Test
    void listenersHearEveryStoredChangeAndNothingRefused() {
        core.run("bob", "/incident declare sev3 disk full");
        core.run("alice", "/incident ack INC-1");
        core.run("bob", "/incident ack INC-1");
        core.run("alice", "/incident resolve INC-1 freed space");
        assertThat(heard).containsExactly("declared INC-1", "declared→acknowledged by alice",
                "acknowledged→resolved by alice");
    }

    @Test
    void listFiltersByOpenOwnerServiceAndSeverity() {
        core.run("bob", "/incident declare sev2 checkout slow --service payments");       // INC-1
        core.run("bob", "/incident declare sev1 login down --service auth");              // INC-2
        core.run("carol", "/incident declare sev3 old alerts --service payments");        // INC-3
        core.run("carol", "/incident resolve INC-3");
        core.run("alice", "/incident ack INC-1");

        assertThat(ids("bob", "/incident list")).containsExactly("INC-2", "INC-1", "INC-3");
        assertThat(ids("bob", "/incident list --open")).containsExactly("INC-2", "INC-1");
        assertThat(ids("alice", "/incident list --mine")).containsExactly("INC-1");
        assertThat(ids("bob", "/incident list --mine")).containsExactly("INC-2");
        assertThat(ids("bob", "/incident list --service payments")).containsExactly("INC-1", "INC-3");
        assertThat(ids("bob", "/incident list --open --service=payments")).containsExactly("INC-1");
        assertThat(ids("bob", "/incident list --sev SEV1")).containsExactly("INC-2");
        Reply none = core.run("bob", "/incident list --sev sev4");
        assertThat(none.text()).isEqualTo("No incidents match. Older incidents: /incident history --sev sev4.");
        assertThat(none.isPrivate()).isTrue();
    }

    @Test
    void listRowsSayTheEssentials() {
        core.run("bob", "/incident declare sev2 checkout slow --service payments");
        core.clock.advance(Duration.ofMinutes(75));
        Reply list = core.run("bob", "/incident list");
        assertThat(list.title()).isEqualTo("1 incident");
        assertThat(list.plainText())
                .contains("INC-1 · sev2 · declared · checkout slow · payments · owner @bob · 1h 15m ago");
    }

    private List<String> ids(String who, String line) {
        return core.run(who, line).rows().stream().map(r -> Inline.plain(r).split(" ")[0]).toList();
    }

    @Test
    void showTellsTheWholeStoryWithTimeToAcknowledgeAndResolve() {
        core.run("bob", "/incident declare sev2 db latency");
        core.clock.advance(Duration.ofMinutes(4));
        core.run("alice", "/incident ack INC-1");
        core.clock.advance(Duration.ofMinutes(20));
        core.run("alice", "/incident update INC-1 failover started");
        core.clock.advance(Duration.ofMinutes(66));
        core.run("alice", "/incident resolve INC-1 \"replica promoted\"");

        Reply story = core.run("carol", "/incident show INC-1");
        assertThat(story.isPrivate()).isTrue();
        assertThat(story.fields()).contains(
                new Reply.Field("Status", "resolved"),
                new Reply.Field("Time to acknowledge", "4m"),
                new Reply.Field("Time to resolve", "1h 30m"),
                new Reply.Field("Resolution", "replica promoted"));
        assertThat(story.rows()).extracting(Inline::plain).containsExactly(
                "14:00 UTC @bob declared: sev2 db latency",
                "14:04 UTC @alice acknowledged: owner @alice",
                "14:24 UTC @alice update: failover started",
                "15:30 UTC @alice resolved: replica promoted");
        assertThat(story.buttons()).extracting(Reply.Button::command)
                .containsExactly("/incident close INC-1", "/incident reopen INC-1");
    }

    @Test
    void showBeforeAnyoneActsSaysSo() {
        core.run("bob", "/incident declare sev4 typo on status page");
        Reply story = core.run("bob", "/incident show INC-1");
        assertThat(story.fields()).contains(new Reply.Field("Time to acknowledge", "not acknowledged"),
                new Reply.Field("Time to resolve", "not resolved"));
    }

    @Test
    void typedTextIsEchoedAsPlainTextNeverAsAMention() {
        core.run("bob", "/incident declare sev3 \u0001h:\u0002 <!channel> @everyone");
        Reply story = core.run("bob", "/incident show INC-1");
        assertThat(MarkedRenderer.render(story.title())).isEqualTo("<B INC-1>[ · sev3 · h: <!channel> @everyone]");
    }

    @Test
    void aServiceNameIsMatchedWhateverItsCaseAndStoredAsTheServiceIsNamed() {
        try (CoreFixture known = new CoreFixture().knowingServices(name -> name.equals("payments"))) {
            Reply declared = known.run("bob", "/incident declare sev2 card declines --service Payments");
            Reply unknown = known.run("bob", "/incident declare sev2 card declines --service billing");
            assertThat(declared.isPrivate()).isFalse();
            assertThat(known.incidents.find("INC-1").orElseThrow().service()).isEqualTo("payments");
            assertThat(known.run("bob", "/incident list --service PAYMENTS").rows()).hasSize(1);
            assertThat(unknown.text()).isEqualTo("There is no service “billing”; /service list shows them.");
        }
    }
}
