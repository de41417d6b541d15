package dev.opsbot.service;

import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.Suggestions;
import java.util.List;
import java.util.Locale;

/**
 * Offers service names for options that take a service, and for item options that take any
 * kind of item (such as {@code /owner show}), where a service is one of the kinds.
 */
public final class ServiceSuggestions implements Suggestions {

    private static final int SCAN = 500;

    private final Services services;

    public ServiceSuggestions(Services services) {
        this.services = services;
    }

    @Override
    public List<Suggestion> suggest(OptionSpec option, String typed, int limit) {
        boolean anyItem = option.suggest() == OptionSpec.Suggest.OPEN_ITEMS && option.itemPrefixes().isEmpty();
        if ((option.suggest() != OptionSpec.Suggest.SERVICES && !anyItem) || limit <= 0) {
            return List.of();
        }
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return services.list(SCAN).stream()
                .filter(s -> s.name().contains(wanted) || s.team().toLowerCase(Locale.ROOT).contains(wanted))
                .limit(limit)
                .map(s -> new Suggestion(s.name() + " · " + s.team(), s.name()))
                .toList();
    }
}
