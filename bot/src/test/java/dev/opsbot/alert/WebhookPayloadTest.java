package dev.opsbot.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookPayloadTest {

    private static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");

    @Test
    void readsAlertmanagersBody() {
        String body = WebhookBodies.body("{}:{alertname=\"HighLatency\"}",
                Map.of("alertname", "HighLatency", "service", "payments"),
                List.of(WebhookBodies.Sent.firing("aa01", T0, Map.of("alertname", "HighLatency", "instance", "db-01")),
                        WebhookBodies.Sent.firing("aa02", T0, Map.of("alertname", "HighLatency")).resolved()));

        WebhookPayload.Reading reading = WebhookPayload.read(body);

        assertThat(reading).isInstanceOf(WebhookPayload.Read.class);
        AlertBatch batch = ((WebhookPayload.Read) reading).batch();
        assertThat(batch.groupKey()).isEqualTo("{}:{alertname=\"HighLatency\"}");
        assertThat(batch.label("service")).isEqualTo("payments");
        assertThat(batch.alerts()).extracting(Alert::fingerprint).containsExactly("aa01", "aa02");
        assertThat(batch.alerts().get(0).firing()).isTrue();
        assertThat(batch.alerts().get(0).endsAt()).as("Alertmanager's zero time means none").isNull();
        assertThat(batch.alerts().get(1).firing()).isFalse();
        assertThat(batch.alerts().get(1).startsAt()).isEqualTo(T0);
    }

    @Test
    void aMissingFingerprintIsMadeFromTheLabelsTheSameEveryTime() {
        String body = "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"firing\","
                + "\"labels\":{\"b\":\"2\",\"a\":\"1\"},\"startsAt\":\"2026-11-27T14:00:00+01:00\"}]}";
        String other = "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"firing\","
                + "\"labels\":{\"a\":\"1\",\"b\":\"2\"},\"startsAt\":\"2026-11-27T14:00:00+01:00\"}]}";

        Alert one = ((WebhookPayload.Read) WebhookPayload.read(body)).batch().alerts().get(0);
        Alert two = ((WebhookPayload.Read) WebhookPayload.read(other)).batch().alerts().get(0);

        assertThat(one.fingerprint()).hasSize(16).isEqualTo(two.fingerprint());
        assertThat(one.startsAt()).isEqualTo(Instant.parse("2026-11-27T13:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json at all|body is not a JSON object",
        "[1,2]|body is not a JSON object",
        "{\"groupKey\":\"g\",\"alerts\":[]}|version is missing",
        "{\"version\":\"3\",\"groupKey\":\"g\",\"alerts\":[]}|version must be \"4\"",
        "{\"version\":\"4\",\"alerts\":[]}|groupKey is missing",
        "{\"version\":\"4\",\"groupKey\":7,\"alerts\":[]}|groupKey must be a string",
        "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":{}}|alerts must be an array",
        "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[]}|alerts is empty",
        "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[3]}|each alert must be an object",
        "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"odd\"}]}|alert status must be firing or resolved",
        "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"firing\",\"labels\":{}}]}|an alert has no labels",
        "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":1}}]}|labels values must be strings",
        "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":\"1\"}}]}|startsAt is missing",
        "{\"version\":\"4\",\"groupKey\":\"g\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":\"1\"},\"startsAt\":\"yesterday\"}]}|startsAt is not an RFC 3339 time",
    })
    void refusesWhatIsNotAPayloadWithTheReason(String body, String reason) {
        assertThat(WebhookPayload.read(body)).isEqualTo(new WebhookPayload.Unreadable(reason));
    }
}
