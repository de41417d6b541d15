package dev.opsbot.alert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonParseException;

/**
 * Reads Alertmanager's webhook body (payload version 4) into an {@link AlertBatch}, or says in one
 * phrase what is wrong with it. Nothing of a body that fails is kept.
 */
public final class WebhookPayload {

    /** More alerts than this in one delivery is not a group Alertmanager would send. */
    static final int MOST_ALERTS = 10_000;
    private static final int LONGEST_VALUE = 4096;

    private WebhookPayload() {
    }

    /** What reading a body gave. */
    public sealed interface Reading permits Read, Unreadable {
    }

    public record Read(AlertBatch batch) implements Reading {
    }

    /** {@code reason} is a fixed phrase plus at most a field name, safe to log and to answer with. */
    public record Unreadable(String reason) implements Reading {
    }

    public static Reading read(String json) {
        BsonDocument doc;
        try {
            doc = BsonDocument.parse(json);
        } catch (JsonParseException | org.bson.BsonInvalidOperationException | IllegalArgumentException e) {
            return new Unreadable("body is not a JSON object");
        }
        try {
            return new Read(batch(doc));
        } catch (Invalid e) {
            return new Unreadable(e.getMessage());
        }
    }

    private static AlertBatch batch(BsonDocument doc) {
        String version = text(doc, "version", true);
        if (!"4".equals(version)) {
            throw new Invalid("version must be \"4\"");
        }
        String groupKey = text(doc, "groupKey", true);
        if (groupKey.isBlank()) {
            throw new Invalid("groupKey is empty");
        }
        BsonValue alertsValue = doc.get("alerts");
        if (alertsValue == null || !alertsValue.isArray()) {
            throw new Invalid("alerts must be an array");
        }
        BsonArray array = alertsValue.asArray();
        if (array.isEmpty()) {
            throw new Invalid("alerts is empty");
        }
        if (array.size() > MOST_ALERTS) {
            throw new Invalid("more than " + MOST_ALERTS + " alerts");
        }
        List<Alert> alerts = new ArrayList<>(array.size());
        for (BsonValue v : array) {
            if (!v.isDocument()) {
                throw new Invalid("each alert must be an object");
            }
            alerts.add(alert(v.asDocument()));
        }
        return new AlertBatch(groupKey, text(doc, "receiver", false), labels(doc, "groupLabels"),
                labels(doc, "commonLabels"), labels(doc, "commonAnnotations"), text(doc, "externalURL", false),
                alerts);
    }

    private static Alert alert(BsonDocument doc) {
        String status = text(doc, "status", true);
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new Invalid("alert status must be firing or resolved");
        }
        Map<String, String> labels = labels(doc, "labels");
        if (labels.isEmpty()) {
            throw new Invalid("an alert has no labels");
        }
        Instant startsAt = time(doc, "startsAt", true);
        Instant endsAt = time(doc, "endsAt", false);
        String fingerprint = text(doc, "fingerprint", false);
        return new Alert(fingerprint.isBlank() ? fingerprintOf(labels) : fingerprint, status.equals("firing"),
                labels, labels(doc, "annotations"), startsAt, endsAt);
    }

    /** The same label set always gives the same fingerprint, for senders that leave it out. */
    static String fingerprintOf(Map<String, String> labels) {
        StringBuilder all = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> all.append(k).append('\u0000').append(v).append('\u0000'));
        return AlertGroup.digest(all.toString()).substring(0, 16);
    }

    private static String text(BsonDocument doc, String field, boolean required) {
        BsonValue v = doc.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Invalid(field + " is missing");
            }
            return "";
        }
        if (!v.isString()) {
            throw new Invalid(field + " must be a string");
        }
        String s = v.asString().getValue();
        if (s.length() > LONGEST_VALUE) {
            throw new Invalid(field + " is longer than " + LONGEST_VALUE + " characters");
        }
        return s;
    }

    private static Map<String, String> labels(BsonDocument doc, String field) {
        BsonValue v = doc.get(field);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isDocument()) {
            throw new Invalid(field + " must be an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : v.asDocument().entrySet()) {
            if (!e.getValue().isString()) {
                throw new Invalid(field + " values must be strings");
            }
            String value = e.getValue().asString().getValue();
            if (e.getKey().length() > LONGEST_VALUE || value.length() > LONGEST_VALUE) {
                throw new Invalid(field + " has a value longer than " + LONGEST_VALUE + " characters");
            }
            out.put(e.getKey(), value);
        }
        return out;
    }

    /** Alertmanager writes "0001-01-01T00:00:00Z" for a time it does not have. */
    private static Instant time(BsonDocument doc, String field, boolean required) {
        String s = text(doc, field, required);
        if (s.isBlank() || s.startsWith("0001-01-01")) {
            if (required) {
                throw new Invalid(field + " is missing");
            }
            return null;
        }
        try {
            // Alertmanager writes nanoseconds; the store keeps milliseconds, and a repeat must compare equal.
            return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw new Invalid(field + " is not an RFC 3339 time");
        }
    }

    private static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }
}
