package dev.opsbot.asset;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Inline;
import dev.opsbot.chat.Reply;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.CommandCall;
import dev.opsbot.command.Pages;
import dev.opsbot.command.Refusal;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.service.Services;
import dev.opsbot.store.AuditEntry;
import dev.opsbot.store.AuditLog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The declared inventory: adding and changing assets (each change audited with before and after
 * and written in the asset's journal), and how an asset and a list of assets read in chat.
 */
public final class Inventory {

    private final Assets assets;
    private final AssetJournal journal;
    private final AuditLog audit;
    private final Services services;
    private final Incidents incidents;
    private final AssetObservations observations;
    private final Duration staleAfter;

    public Inventory(Assets assets, AssetJournal journal, AuditLog audit, Services services, Incidents incidents,
            AssetObservations observations, Duration staleAfter) {
        this.assets = assets;
        this.journal = journal;
        this.audit = audit;
        this.services = services;
        this.incidents = incidents;
        this.observations = observations;
        this.staleAfter = staleAfter;
    }

    public Assets assets() {
        return assets;
    }

    public AssetObservations observations() {
        return observations;
    }

    public Services services() {
        return services;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    /** Stores a checked new asset, or refuses naming why; nothing is written on a refusal. */
    public void add(Asset asset, Actor by, Instant now) {
        requireFree(asset.name());
        requireService(asset.service());
        if (!assets.add(asset)) {
            throw Refusal.because("There is already an asset " + asset.name() + ".");
        }
        audit.append(new AuditEntry(now, by, "asset.add", asset.name(), "", summary(asset)));
        journal.add(asset.name(), new AssetJournal.Entry(now, by, "change", "added: " + summary(asset)));
    }

    /** Replaces a stored asset's declaration by {@code wanted} (an import); empty when nothing differed. */
    public boolean replace(Asset wanted, Actor by, Instant now) {
        requireService(wanted.service());
        Assets.Change change = assets.update(wanted.name(), current -> current.sameDeclaration(wanted) ? current
                : new Asset(current.name(), wanted.type(), wanted.env(), wanted.state(), wanted.site(), wanted.rack(),
                        wanted.owner(), wanted.service(), wanted.address(), wanted.probes(), wanted.tags(),
                        current.addedBy(), current.addedAt()))
                .orElseThrow(() -> Refusal.because("There is no asset " + wanted.name() + " any more."));
        if (change.before() == change.after()) {
            return false;
        }
        audit.append(new AuditEntry(now, by, "asset.import", wanted.name(), summary(change.before()),
                summary(change.after())));
        journal.add(wanted.name(), new AssetJournal.Entry(now, by, "change", "imported: " + summary(change.after())));
        return true;
    }

    /** Changes one field; audited with before, after and the reason. */
    public Asset set(String typedName, String field, String value, String reason, Actor by, Instant now) {
        Asset current = load(typedName);
        if (field.equals("service")) {
            requireService(current.with(field, value).service());
        }
        Assets.Change change = assets.update(current.name(), a -> {
            Asset next = a.with(field, value);
            return next.value(field).equals(a.value(field)) ? a : next;
        }).orElseThrow(() -> Refusal.badInput("There is no asset “" + typedName + "”; /asset list shows them."));
        if (change.before() == change.after()) {
            throw Refusal.because(current.name() + "'s " + field + " is already " + change.before().value(field) + ".");
        }
        String because = reason == null ? "" : " (" + reason + ")";
        audit.append(new AuditEntry(now, by, "asset.set", current.name(),
                field + "=" + change.before().value(field), field + "=" + change.after().value(field) + because));
        journal.add(current.name(), new AssetJournal.Entry(now, by, "change",
                field + ": " + change.before().value(field) + " → " + change.after().value(field) + because));
        return change.after();
    }

    public void note(String asset, String kind, String text, Actor by, Instant now) {
        audit.append(new AuditEntry(now, by, "asset." + kind, asset, "", text));
        journal.add(asset, new AssetJournal.Entry(now, by, kind, text));
    }

    /** The asset a person typed, or the sentence every asset command uses for an unknown name. */
    public Asset load(String typed) {
        return assets.find(typed.strip().toLowerCase(Locale.ROOT)).orElseThrow(
                () -> Refusal.badInput("There is no asset “" + typed + "”; /asset list shows them."));
    }

    private void requireFree(String name) {
        if (services.find(name).isPresent()) {
            throw Refusal.badInput("There is a service called " + name + "; give the asset another name, so links "
                    + "and /owner know which one is meant.");
        }
    }

    void requireService(String service) {
        if (service != null && services.find(service).isEmpty()) {
            throw Refusal.badInput("There is no service “" + service + "”; /service list shows them.");
        }
    }

    static String summary(Asset a) {
        StringBuilder sb = new StringBuilder();
        for (String field : Asset.SETTABLE) {
            String v = a.value(field);
            if (!v.equals("-")) {
                sb.append(sb.isEmpty() ? "" : " ").append(field).append('=').append(v);
            }
        }
        return sb.append(" owner=").append(a.owner().key()).toString();
    }

    Reply.Builder card(Asset a, Reply.Builder b) {
        b.field("Type", a.type() + " · " + a.env())
                .field("Declared state", a.state())
                .field("Owner", Inline.user(a.owner()));
        if (a.site() != null) {
            b.field("Site", a.site() + (a.rack() == null ? "" : " · rack " + a.rack()));
        }
        if (a.service() != null) {
            b.field("Service", a.service());
        }
        if (a.address() != null) {
            b.field("Address", a.address());
        }
        if (!a.tags().isEmpty()) {
            b.field("Tags", Asset.tagText(a.tags()));
        }
        if (!a.probes().isEmpty()) {
            b.field("Probes", String.join("\n", a.probes()));
        }
        return b;
    }

    /** An asset's card as read in {@code zone} at {@code now}. */
    Reply show(Asset a, AssetRelations relations, ZoneId zone, Instant now) {
        Reply.Builder b = card(a, Reply.onlyMe(Inline.strong(a.name())));
        observations.last(a.name()).ifPresentOrElse(o -> {
            b.field("Observed", o.health().name().toLowerCase(Locale.ROOT) + " at "
                    + TimeText.at(o.checkedAt(), zone, now)
                    + " (" + TimeText.span(Duration.between(o.checkedAt(), now)) + " ago)");
            if (!o.evidence().isEmpty()) {
                b.field("Last checks", String.join("\n", o.evidence()));
            }
            if (!o.drift().isEmpty()) {
                b.field("Drift", String.join("\n", o.drift()));
            }
        }, () -> b.field("Observed", "not verified yet; /asset verify " + a.name()));
        relations.describe(a.name(), b);
        List<String> open = openIncidents(relations.servicesOf(a));
        if (!open.isEmpty()) {
            b.field("Open incidents on its services", String.join("\n", open));
        }
        List<AssetJournal.Entry> recent = journal.newest(a.name(), 5);
        recent.forEach(e -> b.row(TimeText.at(e.at(), zone, now) + " · " + Inline.user(e.by()) + " · " + e.text()));
        if (recent.isEmpty()) {
            b.footer("No journal yet; /asset journal " + a.name() + " <note> writes one.");
        }
        return b.build();
    }

    private List<String> openIncidents(Set<String> services) {
        List<String> out = new ArrayList<>();
        for (String service : services) {
            for (Incident i : incidents.list(new Incidents.Query(true, null, service, null, 5))) {
                out.add(i.id() + " · " + i.severity().word() + " · " + i.title() + " · " + service);
            }
        }
        return out;
    }

    Reply list(CommandCall call, long number) {
        var args = call.args();
        Set<String> names = null;
        Set<String> except = null;
        Map<String, AssetObservations.Observation> seen = args.flag("drift") || args.flag("stale")
                ? observations.all() : Map.of();
        if (args.flag("drift")) {
            names = seen.entrySet().stream().filter(e -> !e.getValue().drift().isEmpty()).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }
        if (args.flag("stale")) {
            Instant fresh = call.now().minus(staleAfter);
            except = seen.entrySet().stream().filter(e -> !e.getValue().checkedAt().isBefore(fresh))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
        }
        Assets.Query query = new Assets.Query(args.optionalText("type").orElse(null),
                args.optionalText("env").orElse(null), args.optionalText("site").orElse(null),
                args.optionalText("service").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null),
                args.optionalText("state").orElse(null), names, except);
        long skip = (number - 1) * AssetCommands.PAGE;
        Assets.Page page = assets.page(query, skip, AssetCommands.PAGE);
        String narrowing = narrowing(call);
        if (page.total() == 0) {
            return Reply.note(narrowing.isEmpty() ? "There are no assets yet; add one with /asset add."
                    : "No asset matches /asset list" + narrowing + ".");
        }
        long pages = Pages.count(page.total(), AssetCommands.PAGE);
        if (page.items().isEmpty()) {
            throw Pages.pastTheEnd(page.total(), String.valueOf(page.total()), "asset", "assets", pages);
        }
        long first = skip + 1;
        long last = skip + page.items().size();
        String title = page.items().size() == page.total() ? count(page.total())
                : "Showing " + first + "–" + last + " of " + count(page.total());
        Reply.Builder b = Reply.onlyMe(title).rows(page.items().stream().map(a -> row(a, seen)).toList());
        if (last < page.total()) {
            b.footer("Page " + number + " of " + pages + ". Next: /asset list" + narrowing + " --page " + (number + 1)
                    + (narrowing.isEmpty() ? "; narrow with --type, --env, --site, --service or --state." : "."));
        }
        return b.build();
    }

    private static String narrowing(CommandCall call) {
        StringBuilder sb = new StringBuilder();
        for (String option : List.of("type", "env", "site", "service", "state")) {
            call.args().optionalText(option).ifPresent(v -> sb.append(" --").append(option).append(' ').append(v));
        }
        for (String option : List.of("drift", "stale")) {
            if (call.args().flag(option)) {
                sb.append(" --").append(option);
            }
        }
        return sb.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " asset" : " assets");
    }

    static String row(Asset a, Map<String, AssetObservations.Observation> seen) {
        List<String> parts = new ArrayList<>();
        parts.add(Inline.strong(a.name()));
        parts.add(a.type());
        parts.add(a.env());
        parts.add(a.state());
        if (a.site() != null) {
            parts.add(a.site());
        }
        if (a.service() != null) {
            parts.add("service " + a.service());
        }
        parts.add("owner " + Inline.user(a.owner()));
        AssetObservations.Observation o = seen.get(a.name());
        if (o != null && !o.drift().isEmpty()) {
            parts.add("drift: " + o.drift().get(0));
        }
        return String.join(" · ", parts);
    }
}
