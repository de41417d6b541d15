package dev.opsbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import dev.opsbot.chat.Reply;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.testing.CoreFixture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Option values delivered by name (as Discord sends them) take the router's one validated path. */
class StructuredInvocationTest {

    private final CoreFixture core = new CoreFixture();
    private final Actor alice = new Actor(Platform.DISCORD, "100", "alice");
    private final ChannelRef ops = new ChannelRef(Platform.DISCORD, "500", "ops");

    @AfterEach
    void close() {
        core.close();
    }

    private Reply run(String root, String sub, Map<String, String> options) {
        return run(root, sub, options, null);
    }

    private Reply run(String root, String sub, Map<String, String> options, String requestId) {
        Invocation invocation = new Invocation(alice, ops, "/" + root + " " + sub, requestId);
        return core.router().handle(invocation, root, sub, options);
    }

    private static Map<String, String> options(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void textIsTakenWhole_withNoQuotingOrFlagReading() {
        Reply card = run("incident", "declare",
                options("severity", "SEV2", "title", "say \"hi\" --service x 'unclosed", "service", "payments"));

        Incident stored = core.incidents.find("INC-1").orElseThrow();
        assertThat(stored.title()).isEqualTo("say \"hi\" --service x 'unclosed");
        assertThat(stored.service()).isEqualTo("payments");
        assertThat(stored.severity().word()).isEqualTo("sev2");
        assertThat(stored.declaredBy()).isEqualTo(alice);
        assertThat(card.isPrivate()).isFalse();
    }

    @Test
    void controlCharactersThatDelimitMarkupAreStrippedFromValues() {
        run("incident", "declare", options("severity", "sev3", "title", "a\u0001u:discord:1:x\u0002b"));

        assertThat(core.incidents.find("INC-1").orElseThrow().title()).isEqualTo("au:discord:1:xb");
    }

    @Test
    void aBadChoiceIsRefusedWithUsageAndNothingIsWritten() {
        Reply reply = run("incident", "declare", options("severity", "sev9", "title", "x"));

        assertThat(reply.isPrivate()).isTrue();
        assertThat(reply.text()).isEqualTo("“sev9” is not a valid severity; choose sev1, sev2, sev3 or sev4.");
        assertThat(reply.footer()).isEqualTo("Usage: /incident declare <sev1|sev2|sev3|sev4> <title> [--service <service>]");
        assertThat(core.incidents.list(new Incidents.Query(false, null, null, null, 10))).isEmpty();
    }

    @Test
    void aMissingRequiredOptionIsRefused() {
        Reply reply = run("incident", "declare", options("severity", "sev1"));

        assertThat(reply.text()).isEqualTo("Missing <title>.");
        assertThat(reply.footer()).startsWith("Usage: /incident declare");
    }

    @Test
    void anUnknownOptionIsRefused() {
        Reply reply = run("incident", "ack", options("id", "INC-1", "force", "yes"));

        assertThat(reply.text()).isEqualTo("There is no option force for this command.");
    }

    @Test
    void switchesAreOnForTrueAndLeftOutForFalse() {
        run("incident", "declare", options("severity", "sev1", "title", "first"));
        run("incident", "declare", options("severity", "sev2", "title", "second"));
        run("incident", "resolve", options("id", "INC-1"));

        assertThat(run("incident", "list", options("open", "true")).rows()).hasSize(1);
        assertThat(run("incident", "list", options("open", "false")).rows()).hasSize(2);
        assertThat(run("incident", "list", options("open", "maybe")).text())
                .isEqualTo("“maybe” is not true or false for open.");
    }

    @Test
    void itemIdsAndUsersConvertThroughThePlatformsMentionSyntax() {
        core.router().useMentions(Platform.DISCORD, new MentionSyntax() {
            @Override
            public Optional<Actor> user(String token) {
                return token.matches("<@\\d+>")
                        ? Optional.of(new Actor(Platform.DISCORD, token.replaceAll("\\D", ""), "bob"))
                        : Optional.empty();
            }

            @Override
            public Optional<ChannelRef> channel(String token) {
                return Optional.empty();
            }
        });
        run("incident", "declare", options("severity", "sev2", "title", "db"));

        Reply assigned = run("incident", "assign", options("id", "inc-01", "owner", "<@200>"));
        Reply bad = run("incident", "assign", options("id", "INC-1", "owner", "bob"));

        assertThat(assigned.isPrivate()).isFalse();
        assertThat(core.incidents.find("INC-1").orElseThrow().owner())
                .isEqualTo(new Actor(Platform.DISCORD, "200", "bob"));
        assertThat(bad.text()).isEqualTo("“bob” is not a person; mention them, like @alice.");
    }

    @Test
    void aRepeatedRequestIdIsCarriedOutOnce() {
        Map<String, String> declare = options("severity", "sev2", "title", "db");

        Reply first = run("incident", "declare", declare, "discord:1");
        Reply again = run("incident", "declare", declare, "discord:1");

        assertThat(first.isPrivate()).isFalse();
        assertThat(again.text()).isEqualTo("That request was already handled.");
        assertThat(core.incidents.find("INC-2")).isEmpty();
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsId() {
        run("incident", "declare", options("severity", "sev9", "title", "db"), "discord:2");
        Reply retried = run("incident", "declare", options("severity", "sev2", "title", "db"), "discord:2");

        assertThat(retried.isPrivate()).isFalse();
        assertThat(core.incidents.find("INC-1")).isPresent();
    }

    @Test
    void noSubcommandOrHelpAnswersWithTheRootsHelp_andUnknownNamesAreRefused() {
        assertThat(run("incident", null, Map.of()).title()).startsWith("/incident — ");
        assertThat(run("incident", "help", Map.of()).title()).startsWith("/incident — ");
        assertThat(run("help", null, Map.of()).title()).isEqualTo("opsbot commands");
        assertThat(run("incidnt", "ack", Map.of()).text()).isEqualTo("There is no command /incidnt. Did you mean /incident?");
        assertThat(run("incident", "acknowledge", Map.of()).text()).startsWith("/incident has no subcommand “acknowledge”.");
    }

    @Test
    void aDomainRefusalHasNoUsage() {
        run("incident", "declare", options("severity", "sev2", "title", "db"));
        run("incident", "ack", options("id", "INC-1"));

        Reply twice = run("incident", "ack", options("id", "INC-1"));

        assertThat(twice.text()).startsWith("INC-1 was already acknowledged by");
        assertThat(twice.footer()).isEmpty();
    }
}
