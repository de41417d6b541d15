package dev.opsbot.probe;

import dev.opsbot.asset.AssetObservations;
import dev.opsbot.chat.Inline;
import dev.opsbot.digest.DigestSection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The digest's assets whose last check differed from what was declared; left out when none do. */
public final class DriftDigest implements DigestSection {

    private static final int SHOWN = 5;

    private final AssetObservations observations;

    public DriftDigest(AssetObservations observations) {
        this.observations = observations;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public String title() {
        return "Asset drift";
    }

    @Override
    public List<String> lines(Instant now, ZoneId zone) {
        List<Map.Entry<String, AssetObservations.Observation>> drifting = observations.all().entrySet().stream()
                .filter(e -> !e.getValue().drift().isEmpty()).sorted(Map.Entry.comparingByKey()).toList();
        if (drifting.isEmpty()) {
            return List.of();
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add(drifting.size() + (drifting.size() == 1 ? " asset differs" : " assets differ") + " from what was declared:");
        lines.addAll(DigestSection.firstOf(drifting, SHOWN,
                e -> Inline.strong(e.getKey()) + " · " + String.join(" ", e.getValue().drift()), "/asset list --drift"));
        return lines;
    }
}
