package dev.opsbot.alert;

import dev.opsbot.asset.AssetGraph;
import dev.opsbot.incident.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides where a group's alerts go: the first route that matches; else the {@code service} and
 * {@code severity} labels; else the service of the asset the {@code instance} label names. What
 * none of these places goes to the alert channel as a notification, so nothing is dropped.
 */
public final class Routing {

    private final Supplier<List<AlertRoute>> routes;
    private final AssetGraph graph;

    public Routing(Supplier<List<AlertRoute>> routes, AssetGraph graph) {
        this.routes = routes;
        this.graph = graph;
    }

    /** Where a group goes, and the asset it is about when the inventory knows its instance. */
    public sealed interface Destination permits ToIncident, ToChannel {
        String asset();

        String why();
    }

    public record ToIncident(String service, Severity severity, boolean autoResolve, String asset, String why)
            implements Destination {
    }

    /** {@code service} is null when nothing placed the alert. */
    public record ToChannel(String service, String asset, String why) implements Destination {
    }

    public Destination route(AlertBatch batch) {
        Map<String, String> labels = batch.routingLabels();
        String instance = batch.label("instance");
        Optional<AssetGraph.AssetView> asset = instance.isBlank() ? Optional.empty() : graph.byInstance(instance);
        String assetName = asset.map(AssetGraph.AssetView::name).orElse(null);
        Severity labelled = severityOf(batch.label("severity"));
        for (AlertRoute r : routes.get()) {
            if (r.matches(labels)) {
                String why = "route " + r.name();
                return r.mode() == AlertRoute.Mode.NOTIFY ? new ToChannel(r.service(), assetName, why)
                        : new ToIncident(r.service(), r.severity() == null ? labelled : r.severity(), r.autoResolve(),
                                assetName, why);
            }
        }
        String service = batch.label("service").strip().toLowerCase(Locale.ROOT);
        if (!service.isEmpty()) {
            return new ToIncident(service, labelled, false, assetName, "service label");
        }
        Optional<String> viaAsset = asset.flatMap(a -> a.services().stream().findFirst());
        if (viaAsset.isPresent()) {
            return new ToIncident(viaAsset.get(), labelled, false, assetName, "asset " + assetName);
        }
        return new ToChannel(null, assetName, instance.isBlank() ? "no route, service label or instance matched"
                : "no route or service label matched, and no asset serves instance " + instance);
    }

    /** Alertmanager's usual words, or a severity opsbot knows; anything else is sev3. */
    static Severity severityOf(String label) {
        String s = label.strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "critical", "page" -> Severity.SEV1;
            case "error", "major" -> Severity.SEV2;
            case "info", "none" -> Severity.SEV4;
            default -> Severity.parse(s.isEmpty() ? "sev3" : s).orElse(Severity.SEV3);
        };
    }
}
