package dev.opsbot.change;

import dev.opsbot.asset.AssetGraph;
import dev.opsbot.chat.Actor;
import dev.opsbot.chat.TimeText;
import dev.opsbot.command.Refusal;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Incidents;
import dev.opsbot.incident.Severity;
import dev.opsbot.oncall.OnCall;
import dev.opsbot.oncall.Shift;
import dev.opsbot.service.Service;
import dev.opsbot.service.Services;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Works out a change's {@link Impact} from the asset graph, the services, on-call, open incidents,
 * other changes and freezes. Reads only; run at request time, at start and by {@code /change impact}.
 */
public final class ImpactAnalysis {

    /** Other changes looked at for conflicts in one window; more than this in one window is not a real team. */
    private static final int MOST_CHANGES = 500;
    private static final int MOST_INCIDENTS = 20;
    private static final int NAMED = 3;

    private final AssetGraph graph;
    private final Services services;
    private final OnCall onCall;
    private final Incidents incidents;
    private final ChangeRequests changes;
    private final Freezes freezes;

    public ImpactAnalysis(AssetGraph graph, Services services, OnCall onCall, Incidents incidents,
            ChangeRequests changes, Freezes freezes) {
        this.graph = graph;
        this.services = services;
        this.onCall = onCall;
        this.incidents = incidents;
        this.changes = changes;
        this.freezes = freezes;
    }

    /** What a change would be, before it exists: its id is null then. */
    public record Subject(String id, List<String> assets, Instant start, Instant end, ChangeType type,
            String incident) {

        static Subject of(ChangeRequest c) {
            return new Subject(c.id(), c.assets(), c.start(), c.end(), c.type(), c.incident());
        }
    }

    /** The impact of a change being requested; an asset that is not in the inventory is refused. */
    public Impact forRequest(Subject subject, ZoneId zone, Instant now) {
        for (String name : subject.assets()) {
            if (graph.asset(name).isEmpty()) {
                throw Refusal.badInput("There is no asset “" + name + "”; /asset list shows them.");
            }
        }
        return analyse(subject, zone, now);
    }

    /** The impact of a stored change now; assets gone from the inventory are named among the reasons. */
    public Impact forChange(ChangeRequest change, ZoneId zone, Instant now) {
        return analyse(Subject.of(change), zone, now);
    }

    /** Times in the reasons read in {@code zone} at {@code now}: whoever asked reads them. */
    private Impact analyse(Subject s, ZoneId zone, Instant now) {
        List<String> reasons = new ArrayList<>();
        boolean noGo = false;
        Set<String> serviceNames = new TreeSet<>();
        List<String> warnings = new ArrayList<>();
        for (String name : s.assets()) {
            Optional<AssetGraph.AssetView> view = graph.asset(name);
            if (view.isEmpty()) {
                reasons.add(name + " is no longer in the inventory");
                continue;
            }
            serviceNames.addAll(view.get().services());
            view.get().warnings().forEach(w -> warnings.add(name + ": " + w));
        }
        AssetGraph.Reach reach = graph.upward(s.assets());
        serviceNames.addAll(reach.services());
        List<String> reached = new ArrayList<>(new TreeSet<>(reach.assets()));

        List<Impact.Affected> affected = new ArrayList<>();
        List<String> open = new ArrayList<>();
        List<String> sev1 = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (String name : serviceNames) {
            Optional<Service> service = services.find(name);
            List<Actor> onCallNow = service.map(sv -> onCallDuring(sv, s.start(), s.end())).orElse(List.of());
            affected.add(new Impact.Affected(name, service.map(Service::owner).orElse(null),
                    service.map(Service::channel).orElse(null), onCallNow));
            if (service.isPresent() && service.get().rotation() != null && onCallNow.isEmpty()) {
                reasons.add("nobody is on call for " + name + " during the window");
            }
            for (Incident i : incidents.list(new Incidents.Query(true, null, name, null, MOST_INCIDENTS))) {
                if (i.id().equals(s.incident())) {
                    continue;
                }
                open.add(i.id() + " " + i.severity().word() + " on " + name + ": " + i.title());
                if (i.severity() == Severity.SEV1) {
                    noGo = true;
                    sev1.add(i.id() + " on " + name);
                } else {
                    others.add(i.id() + " on " + name);
                }
            }
        }
        if (!sev1.isEmpty()) {
            reasons.add("open sev1 incident " + first(sev1));
        }
        if (!others.isEmpty()) {
            reasons.add("open incident " + first(others));
        }

        Set<String> touched = new HashSet<>(s.assets());
        touched.addAll(reached);
        List<String> conflicts = new ArrayList<>();
        List<String> conflicting = new ArrayList<>();
        for (ChangeRequest other : changes.during(s.start(), s.end(), MOST_CHANGES)) {
            if (!other.state().isActive() || other.id().equals(s.id()) || !other.overlaps(s.start(), s.end())) {
                continue;
            }
            // Both sides can reach a thousand assets, so the test is a set lookup per asset, not a list scan.
            List<String> shared = Stream.concat(other.assets().stream(), other.reached().stream())
                    .filter(touched::contains).distinct().toList();
            if (!shared.isEmpty()) {
                conflicts.add(other.id() + " “" + other.title() + "” (" + other.state().word() + ", "
                        + TimeText.at(other.start(), zone, now) + " – " + TimeText.at(other.end(), zone, now)
                        + ") also touches " + first(shared));
                conflicting.add(other.id() + " on " + first(shared));
            }
        }
        if (conflicting.size() == 1) {
            reasons.add("overlaps " + conflicting.get(0));
        } else if (!conflicting.isEmpty()) {
            reasons.add("overlaps " + conflicting.size() + " changes, first " + conflicting.get(0));
        }

        List<Freeze> crossed = freezes.list(MOST_CHANGES).stream()
                .filter(f -> f.touches(s.start(), s.end(), serviceNames)).toList();
        for (Freeze f : crossed) {
            if (s.type() == ChangeType.EMERGENCY) {
                reasons.add("crosses the freeze " + f.describe(zone, now) + ", allowed for an emergency change");
            } else {
                noGo = true;
                reasons.add("crosses the freeze " + f.describe(zone, now));
            }
        }
        if (!warnings.isEmpty()) {
            reasons.add("the inventory warns about " + String.join(", ", s.assets().stream()
                    .filter(a -> warnings.stream().anyMatch(w -> w.startsWith(a + ": "))).toList()));
        }
        Impact.Verdict verdict = noGo ? Impact.Verdict.NO_GO
                : reasons.isEmpty() ? Impact.Verdict.GO : Impact.Verdict.CAUTION;
        return new Impact(s.assets(), reached, affected, open, conflicts, crossed, warnings, verdict, reasons);
    }

    /** The first few names, then how many more, so one line stays one line under a big tree. */
    private static String first(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(NAMED, names.size())));
        return names.size() > NAMED ? shown + " and " + (names.size() - NAMED) + " more" : shown;
    }

    /** The primaries on call for a service at the window's start and end (one person, or two across a handoff). */
    private List<Actor> onCallDuring(Service service, Instant start, Instant end) {
        Optional<Shift> first = onCall.forService(service, start);
        if (first.isEmpty()) {
            return List.of();
        }
        Set<Actor> people = new LinkedHashSet<>();
        people.add(first.get().primary());
        Instant last = end.minusSeconds(1);
        if (first.get().until() != null && !last.isBefore(first.get().until())) {
            onCall.forService(service, last).map(Shift::primary).ifPresent(people::add);
        }
        people.remove(null);
        return List.copyOf(people);
    }
}
