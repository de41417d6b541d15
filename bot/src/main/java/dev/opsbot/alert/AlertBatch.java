package dev.opsbot.alert;

import java.util.List;
import java.util.Map;

/**
 * One webhook delivery of Alertmanager (payload version 4): the group it reports on and every
 * alert of the group Alertmanager still knows, firing or recently resolved.
 */
public record AlertBatch(String groupKey, String receiver, Map<String, String> groupLabels,
        Map<String, String> commonLabels, Map<String, String> commonAnnotations, String externalUrl,
        List<Alert> alerts) {

    public AlertBatch {
        groupLabels = Map.copyOf(groupLabels);
        commonLabels = Map.copyOf(commonLabels);
        commonAnnotations = Map.copyOf(commonAnnotations);
        alerts = List.copyOf(alerts);
    }

    /** A label every alert of the batch shares, else the first alert's, else empty. */
    public String label(String name) {
        String common = commonLabels.get(name);
        if (common != null) {
            return common;
        }
        return alerts.isEmpty() ? "" : alerts.get(0).label(name);
    }

    /** The labels routes match: those all alerts share, or the first alert's when they share none. */
    public Map<String, String> routingLabels() {
        return commonLabels.isEmpty() && !alerts.isEmpty() ? alerts.get(0).labels() : commonLabels;
    }
}
