package dev.opsbot.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.ownership.OpsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceCommandsTest {

    private final OpsFixture ops = new OpsFixture();

    @AfterEach
    void close() {
        ops.close();
    }

    @Test
    void aServiceIsAddedShownAndListed() {
        Reply added = ops.ok("lead", "/service add payments --team core --channel #payments --tier 1 --owner @alice");
        assertThat(added.isPrivate()).isFalse();
        Service stored = ops.services.find("payments").orElseThrow();
        assertThat(stored.team()).isEqualTo("core");
        assertThat(stored.channel().id()).isEqualTo("payments");
        assertThat(stored.tier()).isEqualTo(1);
        assertThat(stored.owner()).isEqualTo(Actor.console("alice"));
        ops.ok("lead", "/service add search --team find --channel #search");

        assertThat(ops.ok("x", "/service show search").plainText())
                .contains("Tier: 3").contains("Owner: nobody").contains("On-call rotation: none");
        assertThat(ops.ok("x", "/service list").rows()).extracting(Inline::plain)
                .containsExactly("payments · tier 1 · core · #payments · owner @alice",
                        "search · tier 3 · find · #search · owner nobody");
        assertThat(ops.core.audit.forItem("payments", 5)).anyMatch(e -> e.action().equals("service.add"));
    }

    @Test
    void aServiceWithoutOwnerSaysHowToTakeIt() {
        assertThat(ops.ok("lead", "/service add search --team find --channel #search").plainText())
                .contains("Nobody owns search yet; /owner take search");
    }

    @Test
    void badServicesAreRefusedWithTheUsageAndNothingIsStored() {
        assertThat(ops.run("lead", "/service add \"Pay Ments\" --team core --channel #p").plainText())
                .contains("“Pay Ments” is not a service name").contains("Usage: /service add");
        assertThat(ops.run("lead", "/service add Pay Ments --team core --channel #p").plainText())
                .contains("I did not expect “Ments” there.").contains("Usage: /service add");
        assertThat(ops.run("lead", "/service add payments --team core --channel #p --tier 4").plainText())
                .contains("The tier must be 1");
        assertThat(ops.run("lead", "/service add payments --channel #p").plainText()).contains("Missing --team");
        assertThat(ops.services.list(10)).isEmpty();

        ops.ok("lead", "/service add payments --team core --channel #p");
        assertThat(ops.run("lead", "/service add payments --team other --channel #q").plainText())
                .contains("There is already a service payments.");
        assertThat(ops.services.find("payments").orElseThrow().team()).isEqualTo("core");
        assertThat(ops.run("x", "/service show nope").plainText()).contains("There is no service “nope”");
    }

    @Test
    void incidentsAttachOnlyToServicesThatExistOnceThereAreAny() {
        ops.ok("dave", "/incident declare sev3 \"before services\" --service legacy");
        assertThat(ops.core.incidents.find("INC-1").orElseThrow().service()).isEqualTo("legacy");

        ops.ok("lead", "/service add payments --team core --channel #payments");
        Reply refused = ops.run("dave", "/incident declare sev2 \"slow\" --service paymnets");
        assertThat(refused.plainText()).contains("There is no service “paymnets”")
                .contains("Usage: /incident declare");
        assertThat(ops.core.incidents.find("INC-2")).isEmpty();

        ops.ok("dave", "/incident declare sev2 \"slow\" --service payments");
        assertThat(ops.core.incidents.find("INC-2").orElseThrow().service()).isEqualTo("payments");
    }

    @Test
    void anEmptyListSaysHowToStart() {
        assertThat(ops.ok("x", "/service list").plainText()).contains("There are no services yet");
    }

    @Test
    void serviceNamesAreSuggestedForServiceAndAnyItemOptionsOnly() {
        ops.ok("lead", "/service add payments --team core --channel #payments");
        ops.ok("lead", "/service add search --team find --channel #search");
        var suggestions = new ServiceSuggestions(ops.services);
        var service = OptionSpec.flag("service", OptionType.TEXT, "s")
                .suggesting(OptionSpec.Suggest.SERVICES);
        assertThat(suggestions.suggest(service, "pay", 5)).extracting(s -> s.value()).containsExactly("payments");
        assertThat(suggestions.suggest(service, "FIND", 5)).extracting(s -> s.value()).containsExactly("search");
        assertThat(suggestions.suggest(service, "", 1)).hasSize(1);
        var anyItem = OptionSpec.positional("item", OptionType.TEXT, "i")
                .suggesting(OptionSpec.Suggest.OPEN_ITEMS);
        assertThat(suggestions.suggest(anyItem, "se", 5)).extracting(s -> s.value()).containsExactly("search");
        var incidentOnly = OptionSpec.item("id", "i", "INC");
        assertThat(suggestions.suggest(incidentOnly, "", 5)).isEmpty();
    }

    @Test
    void aServiceIsFoundWhicheverCaseItIsTypedIn() {
        ops.ok("lead", "/service add payments --team core --channel #payments");
        assertThat(ops.ok("x", "/service show Payments").title()).contains("payments");
        assertThat(ops.ok("x", "/escalation show PAYMENTS").title()).isEqualTo("Escalation · payments");
        ops.ok("lead", "/oncall rotation create pay --members @alice --service Payments");
        assertThat(ops.services.find("payments").orElseThrow().rotation()).isEqualTo("pay");
    }

    @Test
    void aServiceNameIsOneWordSoAnExtraWordIsNamedAsUnexpected() {
        ops.ok("lead", "/service add payments --team core --channel #payments");
        String reply = ops.run("x", "/service show payments extra").plainText();
        assertThat(reply).contains("I did not expect “extra” there.").contains("Usage: /service show <name>")
                .doesNotContain("There is no service");
    }
}
