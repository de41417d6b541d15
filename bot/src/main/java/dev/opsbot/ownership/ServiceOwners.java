package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.command.Refusal;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Service ownership, kept in the service's own document. */
public final class ServiceOwners implements OwnedItems {

    private final Services services;

    public ServiceOwners(Services services) {
        this.services = services;
    }

    @Override
    public String kind() {
        return "service";
    }

    @Override
    public Optional<String> recognise(String typed) {
        String name = typed.strip().toLowerCase(Locale.ROOT);
        return Service.NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    @Override
    public Optional<Owned> find(String item) {
        return services.find(item).map(ServiceOwners::owned);
    }

    @Override
    public Owned transfer(String item, Actor expected, Actor newOwner, Actor by, Instant now) {
        Services.Change change = services.update(item, s -> {
            Owned.requireOwner(item, s.owner(), expected);
            return s.withOwner(newOwner);
        }).orElseThrow(() -> Refusal.badInput("There is no service " + item + "."));
        return owned(change.after());
    }

    @Override
    public List<Owned> ownedBy(Actor who, int limit) {
        return services.ownedBy(who, limit).stream().map(ServiceOwners::owned).toList();
    }

    @Override
    public List<Owned> ownerless(int limit) {
        return services.ownerless(limit).stream().map(ServiceOwners::owned).toList();
    }

    private static Owned owned(Service s) {
        return new Owned(s.name(), "service", "service " + Inline.strong(s.name()), s.owner(), s.channel(), true);
    }
}
