package dev.opsbot.asset;

import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.Suggestions;
import dev.opsbot.service.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Offers asset names, then service names (links and deps take either), that start with what was
 * typed, for asset options in Discord. Assets are read in name order from the prefix, a short page.
 */
public final class AssetSuggestions implements Suggestions {

    private static final int SERVICE_SCAN = 500;

    private final Assets assets;
    private final Services services;

    public AssetSuggestions(Assets assets, Services services) {
        this.assets = assets;
        this.services = services;
    }

    @Override
    public List<Suggestion> suggest(OptionSpec option, String typed, int limit) {
        if (option.suggest() != OptionSpec.Suggest.ASSETS || limit <= 0) {
            return List.of();
        }
        String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        List<Suggestion> found = new ArrayList<>(assets.startingWith(wanted, limit).stream()
                .map(a -> new Suggestion(a.name() + " · " + a.type() + " · " + a.env(), a.name()))
                .toList());
        services.list(SERVICE_SCAN).stream()
                .filter(s -> s.name().startsWith(wanted))
                .limit(limit - found.size())
                .forEach(s -> found.add(new Suggestion(s.name() + " · service", s.name())));
        return found;
    }
}
