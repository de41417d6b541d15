package dev.opsbot.access;

import dev.opsbot.command.CommandCall;
import dev.opsbot.command.OptionSpec;
import dev.opsbot.command.OptionType;
import java.util.List;
import java.util.Optional;

/**
 * Which item and service a command acts on, read from its parsed arguments: a {@code service}
 * option names the service; otherwise the first item the command names (an incident id, a
 * service name) is asked of each feature's {@link ItemServices} in turn.
 */
public final class ServiceScope {

    private final List<ItemServices> features;

    public ServiceScope(List<ItemServices> features) {
        this.features = List.copyOf(features);
    }

    /** What a command touches; both parts may be null (a command on nothing in particular). */
    public record Target(String item, String service) {
        static final Target NOTHING = new Target(null, null);
    }

    public Target of(CommandCall call) {
        Optional<String> named = call.spec().option("service").filter(ServiceScope::readsText)
                .flatMap(o -> call.args().optionalText("service"));
        String item = null;
        for (OptionSpec o : call.spec().options()) {
            if (o.type() == OptionType.ITEM || o.suggest() == OptionSpec.Suggest.OPEN_ITEMS
                    || o.suggest() == OptionSpec.Suggest.ASSETS) {
                item = call.args().optionalText(o.name()).orElse(null);
                if (item != null) {
                    break;
                }
            }
        }
        if (named.isPresent()) {
            return new Target(item, named.get());
        }
        if (item == null) {
            return Target.NOTHING;
        }
        return new Target(item, serviceOf(item).orElse(null));
    }

    public Optional<String> serviceOf(String item) {
        for (ItemServices feature : features) {
            Optional<String> service = feature.serviceOf(item);
            if (service.isPresent()) {
                return service;
            }
        }
        return Optional.empty();
    }

    private static boolean readsText(OptionSpec o) {
        return o.type() == OptionType.NAME || o.type() == OptionType.TEXT || o.type() == OptionType.ITEM;
    }
}
