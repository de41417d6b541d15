package dev.opsbot.ownership;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.command.Refusal;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.TimelineEntry;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Incident ownership, kept in the incident's own {@code owner} and changed only through {@link Incidents#update}. */
public final class IncidentOwners implements OwnedItems {

    private static final Pattern ID = Pattern.compile("(?i)INC-(\\d{1,9})");

    private final Incidents incidents;
    private final Services services;

    public IncidentOwners(Incidents incidents, Services services) {
        this.incidents = incidents;
        this.services = services;
    }

    @Override
    public String kind() {
        return "incident";
    }

    @Override
    public Optional<String> recognise(String typed) {
        Matcher m = ID.matcher(typed.strip());
        return m.matches() ? Optional.of("INC-" + Long.parseLong(m.group(1))) : Optional.empty();
    }

    @Override
    public Optional<Owned> find(String item) {
        return incidents.find(item).map(this::owned);
    }

    @Override
    public Owned transfer(String item, Actor expected, Actor newOwner, Actor by, Instant now) {
        Incidents.Change change = incidents.update(item, i -> {
            Owned.requireOwner(item, i.owner(), expected);
            return i.assign(by, newOwner, now);
        }).orElseThrow(() -> Refusal.badInput("There is no incident " + item + "."));
        return owned(change.after());
    }

    @Override
    public void record(String item, Actor by, String event, String detail, Instant at) {
        incidents.record(item, new TimelineEntry(at, by, event, detail));
    }

    @Override
    public List<Owned> ownedBy(Actor who, int limit) {
        return incidents.list(new Incidents.Query(true, who, null, null, limit)).stream().map(this::owned).toList();
    }

    @Override
    public List<Owned> ownerless(int limit) {
        return incidents.list(Incidents.Query.open()).stream().filter(i -> i.owner() == null).limit(limit)
                .map(this::owned).toList();
    }

    private Owned owned(Incident i) {
        var channel = i.service() == null ? i.channel()
                : services.find(i.service()).map(Service::channel).orElse(i.channel());
        return new Owned(i.id(), kind(), Inline.strong(i.id()) + " · " + i.severity().word() + " · " + i.title(),
                i.owner(), channel, i.isOpen());
    }
}
