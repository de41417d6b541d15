package dev.opsbot.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * What opsbot knows of one Alertmanager group: every alert it has seen (by fingerprint, with the
 * start time and whether it fires), the incident the group feeds, and the last delivery.
 *
 * <p>{@code declaringSince} is set while a delivery is declaring the group's incident, so another
 * instance's delivery of the same group waits instead of declaring a second one. {@code pending}
 * is a timeline entry written here before it is written to the incident, so a crash in between is
 * made good by the next delivery instead of losing or doubling it.
 */
public record AlertGroup(String id, String groupKey, String title, String service, String incidentId,
        boolean autoResolve, Map<String, Seen> alerts, Instant lastDeliveryAt, Instant declaringSince,
        Pending pending, String expectedDuring) {

    public AlertGroup {
        alerts = Map.copyOf(alerts);
    }

    /** How one alert was last seen. */
    public record Seen(Instant startsAt, boolean firing) {
    }

    /** A change the incident is still to hear about. */
    public record Pending(Instant at, String text, int newFiring, int firingNow) {
    }

    public long firing() {
        return alerts.values().stream().filter(Seen::firing).count();
    }

    /** The stored id of a group key: fixed length, whatever labels Alertmanager grouped by. */
    public static String idOf(String groupKey) {
        return digest(groupKey);
    }

    /** 32 hex digits of the text's SHA-256. */
    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    AlertGroup withAlerts(Map<String, Seen> now, Instant at) {
        return new AlertGroup(id, groupKey, title, service, incidentId, autoResolve, now, at, declaringSince, pending,
                expectedDuring);
    }

    AlertGroup withPending(Pending p) {
        return new AlertGroup(id, groupKey, title, service, incidentId, autoResolve, alerts, lastDeliveryAt,
                declaringSince, p, expectedDuring);
    }

    AlertGroup declaring(Instant since) {
        return new AlertGroup(id, groupKey, title, service, incidentId, autoResolve, alerts, lastDeliveryAt, since,
                pending, expectedDuring);
    }

    AlertGroup feeding(String incident, String newTitle, String newService, boolean resolveWhenClear) {
        return new AlertGroup(id, groupKey, newTitle, newService, incident, resolveWhenClear, alerts, lastDeliveryAt,
                null, null, null);
    }

    AlertGroup expected(String change) {
        return new AlertGroup(id, groupKey, title, service, incidentId, autoResolve, alerts, lastDeliveryAt,
                declaringSince, pending, change);
    }

    AlertGroup delivered(Instant at) {
        return new AlertGroup(id, groupKey, title, service, incidentId, autoResolve, alerts, at, declaringSince,
                pending, expectedDuring);
    }
}
