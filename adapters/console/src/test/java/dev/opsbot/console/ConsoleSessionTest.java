package dev.opsbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.testing.CoreFixture;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleSessionTest {

    private final CoreFixture core = new CoreFixture();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @AfterEach
    void close() {
        core.close();
    }

    private String run(String script) {
        core.outbox.register(new ConsolePoster(out));
        new ConsoleSession(core.router(), core.outbox, out, false, "alice", "ops")
                .run(new BufferedReader(new StringReader(script)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void asAndInChangeWhoSpeaksAndWhere() {
        String transcript = run("""
                /incident declare sev3 disk full
                /as @bob
                /in #payments
                /incident ack INC-1
                """);
        assertThat(transcript)
                .contains("alice@#ops> /incident declare sev3 disk full")
                .contains("(only you) You are now bob.")
                .contains("bob@#payments> /incident ack INC-1")
                .contains("Acknowledged by @bob.");
        assertThat(core.incidents.find("INC-1").orElseThrow().acknowledgedBy().name()).isEqualTo("bob");
    }

    @Test
    void announcementsPrintAfterTheReplyWithTheirChannel() {
        String transcript = run("/incident declare sev2 checkout slow\n");
        int reply = transcript.indexOf("Declared by @alice.");
        int announcement = transcript.indexOf("[#incidents] INC-1 · sev2 · checkout slow");
        assertThat(reply).isNotNegative();
        assertThat(announcement).isGreaterThan(reply);
    }

    @Test
    void theIncidentsChannelHearsEachLaterChangeAsOneLineAndTheChannelItWasTypedInDoesNot() {
        String transcript = run("""
                /incident declare sev2 checkout slow
                /as @bob
                /incident ack INC-1
                /incident resolve INC-1 cache flushed
                /in #incidents
                /incident close INC-1
                """);
        assertThat(transcript).contains("[#incidents] INC-1: Acknowledged by @bob.\n")
                .contains("[#incidents] INC-1: Resolved by @bob: cache flushed\n")
                .doesNotContain("[#incidents] INC-1: Closed")
                .doesNotContain("[#ops] INC-1:");
        assertThat(transcript.indexOf("[#incidents] INC-1: Acknowledged by @bob."))
                .isGreaterThan(transcript.indexOf("bob@#ops> /incident ack INC-1"))
                .isLessThan(transcript.indexOf("bob@#ops> /incident resolve INC-1"));
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndQuitEndsTheSession() {
        String transcript = run("""
                # a script can explain itself

                /quit
                /incident declare sev1 never read
                """);
        assertThat(transcript).doesNotContain("never read").doesNotContain("a script can explain");
        assertThat(core.incidents.find("INC-1")).isEmpty();
    }

    @Test
    void badSwitchesAreRefusedWithUsage() {
        String transcript = run("/as\n/in #\n");
        assertThat(transcript)
                .contains("(only you) Give a name to act as, like /as bob.")
                .contains("Usage: /as <name>")
                .contains("Give a channel to speak in, like /in #ops.");
    }

    @Test
    void userTextIsPrintedAsTypedButCannotForgeAMention() {
        String transcript = run("/incident declare sev3 \u0001h:\u0002 oops\n");
        assertThat(transcript).contains("INC-1 · sev3 · h: oops").doesNotContain("@here");
    }

    @Test
    void aCarriageReturnInsideALineDoesNotStartASecondCommand() {
        String transcript = run("/incident declare sev3 disk full\r/incident resolve INC-1 done\r\n/as bob\r\n");
        assertThat(core.incidents.find("INC-1").orElseThrow().isOpen()).as("the text after the CR is title, not a command")
                .isTrue();
        assertThat(core.incidents.find("INC-1").orElseThrow().title()).isEqualTo("disk full /incident resolve INC-1 done");
        assertThat(transcript).contains("You are now bob.").doesNotContain("\r");
    }

    @Test
    void controlCharactersAreNeitherEchoedNorStored() {
        String transcript = run("/incident declare sev3 bell\u0007 \u001b[2Jclear\u202e\n");
        assertThat(transcript).contains("alice@#ops> /incident declare sev3 bell clear")
                .doesNotContain("\u0007").doesNotContain("\u001b").doesNotContain("\u202e");
        assertThat(core.incidents.find("INC-1").orElseThrow().title()).isEqualTo("bell clear");
    }
}
