package dev.opsbot.incident;

import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.Suggestions;
import java.util.List;
import java.util.Locale;

/** Offers open incidents for item options that accept INC ids, matched on id or title. */
public final class OpenIncidentSuggestions implements Suggestions {

    // Open incidents are few; scanning the newest few hundred keeps a keystroke's answer fast.
    private static final int SCAN = 200;

    private final Incidents incidents;

    public OpenIncidentSuggestions(Incidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public List<Suggestion> suggest(OptionSpec option, String typed, int limit) {
        boolean acceptsIncidents = option.itemPrefixes().isEmpty() || option.itemPrefixes().contains("INC");
        if (option.suggest() != OptionSpec.Suggest.OPEN_ITEMS || !acceptsIncidents || limit <= 0) {
            return List.of();
        }
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return incidents.list(new Incidents.Query(true, null, null, null, SCAN)).stream()
                .filter(i -> i.id().toLowerCase(Locale.ROOT).contains(wanted)
                        || i.title().toLowerCase(Locale.ROOT).contains(wanted))
                .limit(limit)
                .map(i -> new Suggestion(i.id() + " · " + i.severity().word() + " · " + i.title(), i.id()))
                .toList();
    }
}
