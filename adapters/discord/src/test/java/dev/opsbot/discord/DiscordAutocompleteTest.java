package dev.opsbot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import dev.opsbot.command.CommandCatalog;
import dev.opsbot.command.CommandRoot;
import dev.opsbot.command.CommandSpec;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Suggestions;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.Test;

class DiscordAutocompleteTest {

    private static final List<String> REGIONS = IntStream.range(0, 40).mapToObj(n -> "region-" + n).toList();

    private static final CommandRoot<Object> ROOT = CommandRoot.of("probe", "Probe",
            CommandSpec.of("go", "Go", (Object h, dev.opsbot.command.CommandCall c) -> Reply.note("ok"))
                    .with(new OptionSpec("region", OptionType.CHOICE, "Where", true, true, REGIONS, List.of(),
                                    OptionSpec.Suggest.NONE),
                            OptionSpec.flag("service", OptionType.TEXT, "Which").suggesting(OptionSpec.Suggest.SERVICES)));

    private final Suggestions services = (option, typed, limit) -> List.of(
            new Suggestions.Suggestion("payments · team pay " + "x".repeat(120), "payments"),
            new Suggestions.Suggestion("", "search"),
            new Suggestions.Suggestion("too long", "y".repeat(101)));
    private final DiscordAutocomplete autocomplete =
            new DiscordAutocomplete(new CommandCatalog(List.of(ROOT)), services);

    @Test
    void longChoiceListsAreFilteredWhileTyping() {
        assertThat(autocomplete.choices("probe", "go", "region", "")).hasSize(25);
        assertThat(autocomplete.choices("probe", "go", "region", "N-3")).extracting(Command.Choice::getAsString)
                .containsExactly("region-3", "region-30", "region-31", "region-32", "region-33", "region-34",
                        "region-35", "region-36", "region-37", "region-38", "region-39");
    }

    @Test
    void suggestionsAreCutToDiscordsLimitsAndValuesThatCannotBeSentAreDropped() {
        List<Command.Choice> offered = autocomplete.choices("probe", "go", "service", "");

        assertThat(offered).extracting(Command.Choice::getAsString).containsExactly("payments", "search");
        assertThat(offered.get(0).getName()).hasSize(100).endsWith("…");
        assertThat(offered.get(1).getName()).isEqualTo("search");
    }

    @Test
    void unknownCommandsAndOptionsOfferNothing() {
        assertThat(autocomplete.choices("probe", "stop", "region", "")).isEmpty();
        assertThat(autocomplete.choices("nope", "go", "region", "")).isEmpty();
        assertThat(autocomplete.choices("probe", null, "region", "")).isEmpty();
        assertThat(autocomplete.choices("probe", "go", "colour", "")).isEmpty();
    }
}
