package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.RefusalLog;
import dev.opsbot.incident.Incidents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Junk at {@code /slack/events}, through the adapter's endpoint in front of the real Bolt app:
 * unsigned, forged or stale requests get 401, signed malformed ones 400, and the log holds one
 * short line per refusal up to its budget, never a stack trace.
 */
class SlackJunkTest {

    static final String SECRET = "junk-test-signing-secret";

    @RegisterExtension
    final SlackFixture app = new SlackFixture(SECRET, null);

    static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    @Test
    void unsignedJunkIs401AndSignedJunkIs400WithoutAStackTrace() throws Exception {
        try (LogCapture log = new LogCapture()) {
            for (SlackJunk.Body junk : SlackJunk.bodies()) {
                var unsigned = app.client.sendRaw(junk.bytes(), null, null);
                var forged = app.client.sendRaw(junk.bytes(), now(), SlackSigner.sign("wrong", now(), junk.bytes()));
                var signed = app.client.sendSigned(junk.bytes(), now());

                assertThat(unsigned.status()).as("unsigned " + junk).isEqualTo(401);
                assertThat(forged.status()).as("forged " + junk).isEqualTo(401);
                assertThat(signed.status()).as("signed " + junk).isEqualTo(400);
                assertThat(signed.body()).as(junk.name()).startsWith("bad request: ").doesNotContain("\tat ");
            }
            assertThat(log.stackLines()).isEmpty();
            assertThat(log.text()).doesNotContain("ERROR", "not json", "%zz");
            assertThat(log.lines()).filteredOn(l -> l.contains("refused a request"))
                    .hasSize(RefusalLog.DEFAULT_PER_MINUTE);
        }
        assertThat(app.core.incidents.list(Incidents.Query.open())).isEmpty();
        assertThat(app.slack.pendingResponses()).isZero();
        assertThat(app.slack.pendingUpdates()).isZero();
    }

    @Test
    void twoHundredJunkRequestsWriteABoundedLog() throws Exception {
        List<SlackJunk.Body> junk = SlackJunk.bodies();
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < 200; i++) {
                SlackJunk.Body body = junk.get(i % junk.size());
                var sent = i % 2 == 0 ? app.client.sendRaw(body.bytes(), null, null)
                        : app.client.sendSigned(body.bytes(), now());
                assertThat(sent.status()).as(body.name()).isIn(400, 401);
            }
            assertThat(log.stackLines()).isEmpty();
            // Ten refusals a minute, each well under 200 bytes: 200 requests cannot write more.
            assertThat(log.size()).isLessThan(2_500);
        }
    }

    @Test
    void aTimestampTenMinutesInTheFutureIsRefused() throws Exception {
        String body = app.client.commandBody("U1", "C1", "/incident", "declare sev1 from the future");
        long future = Instant.now().getEpochSecond() + 10 * 60;

        var sent = app.client.send(body, future, null, java.util.Map.of());

        assertThat(sent.status()).isEqualTo(401);
        assertThat(app.core.incidents.list(Incidents.Query.open())).isEmpty();
    }

    @Test
    void aTimestampInMillisecondsOrNotANumberIsRefused() throws Exception {
        byte[] body = app.client.commandBody("U1", "C1", "/incident", "declare sev1 in millis")
                .getBytes(StandardCharsets.UTF_8);

        var millis = app.client.sendSigned(body, Long.toString(Instant.now().toEpochMilli()));
        var garbage = app.client.sendSigned(body, "soon");
        var negative = app.client.sendSigned(body, "-" + now());

        assertThat(millis.status()).isEqualTo(401);
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(negative.status()).isEqualTo(401);
        assertThat(app.core.incidents.list(Incidents.Query.open())).isEmpty();
    }

    @Test
    void aSignedCommandOpsbotDoesNotKnowGetsAClearAnswerToTheTyper() throws Exception {
        var sent = app.client.send(app.client.commandBody("U1", "C1", "/incidnet", "declare sev1 typo"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(Json.allText(sent.json())).contains("There is no command /incidnet. Did you mean /incident?");
    }

    @Test
    void aFreshSignedRequestStillWorksAfterJunk() throws Exception {
        for (SlackJunk.Body junk : SlackJunk.bodies()) {
            app.client.sendSigned(junk.bytes(), now());
        }

        var sent = app.client.send(app.client.commandBody("U1", "C1", "/incident", "declare sev2 after junk"));

        assertThat(sent.status()).isEqualTo(200);
        assertThat(app.core.incidents.find("INC-1")).isPresent();
    }
}
