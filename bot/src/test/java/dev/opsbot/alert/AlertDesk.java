package dev.opsbot.alert;

import dev.opsbot.asset.AssetGraph;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.incident.CardNotes;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentActions;
import dev.opsbot.incident.IncidentListener;
import dev.opsbot.testing.CoreFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The alert feature on an in-memory store, wired as the application wires it, with an inventory
 * and change windows the test fills in, and a listener standing in for paging.
 */
final class AlertDesk implements AutoCloseable {

    final CoreFixture core = new CoreFixture();
    final ChannelRef alertChannel = ChannelRef.console("alerts");
    final AlertGroups groups = AlertGroups.inMongo(core.store.database());
    final AlertRoutes routes = AlertRoutes.inMongo(core.store.database());
    final Heartbeats heartbeats = Heartbeats.inMongo(core.store.database());
    final Map<String, AssetGraph.AssetView> assetsByInstance = new HashMap<>();
    final Map<String, String> changesByAsset = new HashMap<>();
    /** What was attached to changes' timelines, as "CHG-7: text". */
    final List<String> attachedToChanges = new ArrayList<>();
    /** Incidents declared, as paging hears of them. */
    final List<String> paged = new CopyOnWriteArrayList<>();
    final IncidentActions actions = new IncidentActions(core.incidents, core.audit, core.outbox,
            List.of(core.incidentChannel), List.of(new IncidentListener() {
                @Override
                public void declared(Incident incident) {
                    paged.add(incident.id());
                }
            }), List.<CardNotes>of());
    final Routing routing = new Routing(routes::inOrder, new Inventory());

    AlertIntake intake() {
        return new AlertIntake(groups, routing, actions, core.incidents, heartbeats,
                new ChangeWindows() {
                    @Override
                    public Optional<String> inProgressOn(String asset, Instant at) {
                        return Optional.ofNullable(changesByAsset.get(asset));
                    }

                    @Override
                    public void attach(String changeId, String text, Instant at) {
                        attachedToChanges.add(changeId + ": " + text);
                    }
                }, core.outbox, alertChannel);
    }

    Incident incident(String id) {
        return core.incidents.find(id).orElseThrow();
    }

    List<String> alertChannelPosts() {
        core.outbox.deliverDue();
        return core.console.postsTo("alerts").stream().map(p -> p.text()).toList();
    }

    @Override
    public void close() {
        core.close();
    }

    private final class Inventory implements AssetGraph {
        @Override
        public Optional<AssetView> asset(String name) {
            return assetsByInstance.values().stream().filter(a -> a.name().equals(name)).findFirst();
        }

        @Override
        public Reach upward(Collection<String> assetNames) {
            return new Reach(Set.of(), Set.of());
        }

        @Override
        public Optional<AssetView> byInstance(String instance) {
            return Optional.ofNullable(assetsByInstance.get(instance));
        }
    }

    static AssetGraph.AssetView asset(String name, String... services) {
        return new AssetGraph.AssetView(name, "host", "prod", "active", null, List.of(services), new ArrayList<>());
    }

    static Instant at(String isoTime) {
        return Instant.parse("2026-11-27T" + isoTime + ":00Z");
    }
}
