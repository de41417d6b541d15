package dev.opsbot.discord;

import dev.opsbot.command.CommandCatalog;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import dev.opsbot.command.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Offers values while someone types an option: the features' suggestions, or long choice lists. */
final class DiscordAutocomplete {

    private static final Logger log = LoggerFactory.getLogger(DiscordAutocomplete.class);
    static final int MAX_CHOICES = 25;
    static final int MAX_CHOICE_TEXT = 100;

    private final CommandCatalog catalog;
    private final Suggestions suggestions;

    DiscordAutocomplete(CommandCatalog catalog, Suggestions suggestions) {
        this.catalog = catalog;
        this.suggestions = suggestions;
    }

    void answer(CommandAutoCompleteInteractionEvent event) {
        List<Command.Choice> offered;
        try {
            offered = choices(event.getName(), event.getSubcommandName(), event.getFocusedOption().getName(),
                    event.getFocusedOption().getValue());
        } catch (RuntimeException e) {
            // An empty list still answers Discord, which otherwise shows an error while typing.
            log.warn("autocomplete for /{} {} failed: {}", event.getName(), event.getSubcommandName(), e.toString());
            offered = List.of();
        }
        event.replyChoices(offered).queue(null, e -> log.debug("autocomplete answer not taken: {}", e.toString()));
    }

    List<Command.Choice> choices(String root, String sub, String optionName, String typed) {
        OptionSpec option = catalog.root(root)
                .flatMap(r -> sub == null ? Optional.empty() : r.command(sub))
                .flatMap(s -> s.option(optionName))
                .orElse(null);
        if (option == null) {
            return List.of();
        }
        if (option.type() == OptionType.CHOICE) {
            String t = typed.toLowerCase(Locale.ROOT);
            return option.choices().stream().filter(c -> c.toLowerCase(Locale.ROOT).contains(t))
                    .limit(MAX_CHOICES).map(c -> new Command.Choice(c, c)).toList();
        }
        return suggestions.suggest(option, typed, MAX_CHOICES).stream()
                .filter(s -> !s.value().isEmpty() && s.value().length() <= MAX_CHOICE_TEXT)
                .map(s -> new Command.Choice(DiscordReplies.cut(s.label().isBlank() ? s.value() : s.label(),
                        MAX_CHOICE_TEXT), s.value()))
                .toList();
    }
}
