package dev.opsbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Reply;
import dev.opsbot.incident.IncidentCommands;
import dev.opsbot.testing.CoreFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CommandRouterTest {

    private final Probe probe = new Probe();

    @Test
    void helpListsEveryRoot() {
        for (String line : new String[] {"/help", "help", ""}) {
            Reply help = probe.run(line);
            assertThat(help.visibility()).isEqualTo(Reply.Visibility.ONLY_ME);
            assertThat(help.rows()).containsExactly("/probe — Options of every kind");
        }
    }

    @Test
    void rootHelpListsUsageAndExamplesFromTheCatalog() {
        try (CoreFixture core = new CoreFixture()) {
            Reply help = core.run("alice", "/incident help");
            assertThat(help.isPrivate()).isTrue();
            assertThat(help.rows()).hasSize(IncidentCommands.ROOT.commands().size());
            assertThat(help.plainText())
                    .contains("/incident declare <sev1|sev2|sev3|sev4> <title> [--service <service>]")
                    .contains("e.g. /incident declare sev2 \"checkout latency\" --service payments")
                    .contains("/incident list [--open] [--mine] [--service <service>] [--sev <sev1|sev2|sev3|sev4>]");
            assertThat(core.run("alice", "/incident").rows()).isEqualTo(help.rows());
        }
    }

    @Test
    void anUnknownRootSuggestsTheNearest() {
        try (CoreFixture core = new CoreFixture()) {
            Reply reply = core.run("alice", "/incdent declare sev2 x");
            assertThat(reply.text()).isEqualTo("There is no command /incdent. Did you mean /incident?");
            assertThat(reply.footer()).isEqualTo("Usage: /help");
            assertThat(reply.isPrivate()).isTrue();
        }
    }

    @Test
    void anUnrelatedRootSuggestsNothing() {
        assertThat(probe.run("/deploy prod").text()).isEqualTo("There is no command /deploy.");
    }

    @Test
    void anUnknownSubcommandSuggestsTheNearest() {
        try (CoreFixture core = new CoreFixture()) {
            Reply reply = core.run("alice", "/incident ackk INC-1");
            assertThat(reply.text()).isEqualTo("/incident has no subcommand “ackk”. Did you mean /incident ack?");
            assertThat(reply.footer()).startsWith("Usage: /incident declare|ack|assign|");
            assertThat(reply.isPrivate()).isTrue();
            assertThat(core.run("alice", "/incident decl sev2 x").text()).endsWith("Did you mean /incident declare?");
        }
    }

    @Test
    void rootsAndSubcommandsIgnoreCaseAndTheSlash() {
        probe.parse("PROBE Count 3");
        assertThat(probe.last.integer("n")).isEqualTo(3);
    }

    @Test
    void badInputIsRefusedPrivatelyWithTheUsage() {
        Reply reply = probe.run("/probe count many");
        assertThat(reply.isPrivate()).isTrue();
        assertThat(reply.tone()).isEqualTo(Reply.Tone.WARNING);
        assertThat(reply.text()).isEqualTo("“many” is not a whole number for n.");
        assertThat(reply.footer()).isEqualTo("Usage: /probe count <n> [duration] [--dry]");
    }

    @Test
    void anUnbalancedQuoteIsRefusedPrivately() {
        Reply reply = probe.run("/probe say low \"unfinished");
        assertThat(reply.isPrivate()).isTrue();
        assertThat(reply.text()).isEqualTo("The quote that starts at “\"unfinished” is never closed.");
        assertThat(probe.calls).isZero();
    }

    @Test
    void anInternalFailureApologisesWithARefThatIsInTheLogAndNoStackTrace() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        Reply reply;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            reply = probe.run("/probe boom");
        } finally {
            System.setErr(original);
        }
        assertThat(reply.isPrivate()).isTrue();
        Matcher ref = Pattern.compile("Sorry, that failed on our side \\(ref ([0-9a-f]{8})\\)\\. .*")
                .matcher(reply.text());
        assertThat(ref.matches()).as(reply.text()).isTrue();
        assertThat(reply.plainText()).doesNotContain("Exception", "on fire", "dev.opsbot", "\tat ");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("ref=" + ref.group(1))
                .contains("database on fire");
    }

    @Test
    void aRepeatedRequestIdIsCarriedOutOnce() {
        try (CoreFixture core = new CoreFixture()) {
            Invocation first = new Invocation(Actor.console("alice"), core.here, "/incident declare sev3 disk full",
                    "trigger-1");
            Reply declared = core.router().handle(first);
            Reply again = core.router().handle(first);
            assertThat(declared.title()).contains("INC-1");
            assertThat(again.text()).isEqualTo("That request was already handled.");
            assertThat(again.isPrivate()).isTrue();
            assertThat(core.incidents.find("INC-2")).isEmpty();
            assertThat(core.counters.next("INC")).as("only one id was taken").isEqualTo(2);
        }
    }

    @Test
    void aRequestWhoseHandlingFailedIsCarriedOutWhenThePlatformRetriesIt() {
        try (CoreFixture core = new CoreFixture()) {
            java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
            dev.opsbot.command.CommandRoot<Object> flaky = dev.opsbot.command.CommandRoot.of("flaky", "Fails once",
                    dev.opsbot.command.CommandSpec.<Object>of("go", "Fails the first time", (h, call) -> {
                        if (attempts.incrementAndGet() == 1) {
                            throw new IllegalStateException("store hiccup");
                        }
                        return Reply.note("done");
                    }));
            core.with(flaky.handledBy(new Object()));
            Invocation request = new Invocation(Actor.console("alice"), core.here, "/flaky go", "trigger-9");
            Reply failed = core.router().handle(request);
            Reply retried = core.router().handle(request);
            Reply duplicate = core.router().handle(request);
            assertThat(failed.text()).startsWith("Sorry, that failed on our side");
            assertThat(retried.text()).isEqualTo("done");
            assertThat(duplicate.text()).isEqualTo("That request was already handled.");
            assertThat(attempts).hasValue(2);
        }
    }

    @Test
    void aRefusedRequestIsNotRememberedSoItRunsWhenTheStateAllowsIt() {
        try (CoreFixture core = new CoreFixture()) {
            java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean();
            dev.opsbot.command.CommandRoot<Object> gate = dev.opsbot.command.CommandRoot.of("gate", "Opens later",
                    dev.opsbot.command.CommandSpec.<Object>of("pass", "Refused while closed", (h, call) -> {
                        if (!open.get()) {
                            throw Refusal.because("The gate is closed.");
                        }
                        return Reply.note("passed");
                    }));
            core.with(gate.handledBy(new Object()));
            Invocation request = new Invocation(Actor.console("alice"), core.here, "/gate pass", "click-7");
            Reply refused = core.router().handle(request);
            open.set(true);
            Reply passed = core.router().handle(request);
            Reply doubleClick = core.router().handle(request);
            assertThat(refused.text()).isEqualTo("The gate is closed.");
            assertThat(passed.text()).isEqualTo("passed");
            assertThat(doubleClick.text()).isEqualTo("That request was already handled.");
        }
    }

    @Test
    void helpFollowedByACommandShowsThatCommandsHelp() {
        try (CoreFixture core = new CoreFixture()) {
            Reply named = core.run("alice", "/help incident");
            Reply unknown = core.run("alice", "/help nothing");
            assertThat(named.title()).startsWith("/incident — ");
            assertThat(named.rows()).anyMatch(r -> r.startsWith("/incident declare"));
            assertThat(unknown.title()).isEqualTo("opsbot commands");
        }
    }

    @Test
    void aReadOnlyCommandIsAnsweredAgainOnRetryAndLeavesNoRequestIdBehind() {
        try (CoreFixture core = new CoreFixture()) {
            core.run("alice", "/incident declare sev3 disk full");
            Invocation list = new Invocation(Actor.console("alice"), core.here, "/incident list", "trigger-list");
            Reply first = core.router().handle(list);
            Reply again = core.router().handle(list);
            assertThat(first.rows()).hasSize(1);
            assertThat(again.rows()).isEqualTo(first.rows());
            assertThat(core.store.database().getCollection("handled_requests")
                    .countDocuments(new org.bson.Document("_id", "trigger-list"))).isZero();
        }
    }
}
