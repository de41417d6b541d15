package dev.opsbot.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Suggestions;
import dev.opsbot.testing.CoreFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenIncidentSuggestionsTest {

    private final CoreFixture core = new CoreFixture();
    private final Suggestions suggestions = new OpenIncidentSuggestions(core.incidents);
    private final OptionSpec incidentId = OptionSpec.item("id", "The incident", "INC");

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void offersOpenIncidentsWorstFirst_matchingIdOrTitle() {
        core.run("alice", "/incident declare sev3 disk filling");
        core.run("alice", "/incident declare sev1 checkout down");
        core.run("alice", "/incident declare sev2 db latency");
        core.run("alice", "/incident resolve INC-3");

        assertThat(suggestions.suggest(incidentId, "", 25)).containsExactly(
                new Suggestions.Suggestion("INC-2 · sev1 · checkout down", "INC-2"),
                new Suggestions.Suggestion("INC-1 · sev3 · disk filling", "INC-1"));
        assertThat(suggestions.suggest(incidentId, "DISK", 25)).extracting(Suggestions.Suggestion::value)
                .containsExactly("INC-1");
        assertThat(suggestions.suggest(incidentId, "inc-2", 25)).extracting(Suggestions.Suggestion::value)
                .containsExactly("INC-2");
        assertThat(suggestions.suggest(incidentId, "", 1)).hasSize(1);
    }

    @Test
    void answersOnlyForOptionsThatTakeIncidentIds() {
        core.run("alice", "/incident declare sev3 disk filling");

        OptionSpec change = OptionSpec.item("change", "A change", "CHG");
        OptionSpec title = OptionSpec.positional("title", OptionType.TEXT, "Title");
        OptionSpec anyItem = OptionSpec.item("any", "Any item");

        assertThat(suggestions.suggest(change, "", 25)).isEmpty();
        assertThat(suggestions.suggest(title, "", 25)).isEmpty();
        assertThat(suggestions.suggest(anyItem, "", 25)).hasSize(1);
    }

    @Test
    void severalSourcesAreAskedInTurnUpToTheLimit() {
        Suggestions services = (option, typed, limit) ->
                List.of(new Suggestions.Suggestion("payments", "payments"), new Suggestions.Suggestion("search", "search"));
        Suggestions both = Suggestions.all(List.of(Suggestions.NONE, services, services));

        assertThat(both.suggest(incidentId, "", 3)).extracting(Suggestions.Suggestion::value)
                .containsExactly("payments", "search", "payments");
    }
}
