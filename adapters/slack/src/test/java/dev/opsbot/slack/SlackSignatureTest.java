package dev.opsbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import dev.opsbot.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The signature the tests send is the one Slack documents, Bolt's verifier agrees with it, and so
 * does opsbot's own check, which also refuses timestamps from the future.
 */
class SlackSignatureTest {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TIMESTAMP = "1531420618";
    static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    static final String EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    @Test
    void slacksPublishedExampleSignsToThePublishedSignature() {
        assertThat(SlackSigner.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void boltAcceptsThePublishedExampleWhileFreshAndRejectsItOnceStale() {
        SlackSignature.Verifier verifier = new SlackSignature.Verifier(new SlackSignature.Generator(SECRET));
        long sentAt = Long.parseLong(TIMESTAMP) * 1000;

        assertThat(verifier.isValid(TIMESTAMP, BODY, EXPECTED, sentAt + 1_000)).isTrue();
        assertThat(verifier.isValid(TIMESTAMP, BODY, EXPECTED, sentAt + 5 * 60_000 + 1)).isFalse();
        assertThat(verifier.isValid(TIMESTAMP, BODY + "&x=1", EXPECTED, sentAt + 1_000)).isFalse();
    }

    @Test
    void opsbotAcceptsThePublishedExampleOnlyWithinFiveMinutesEitherSide() {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)));
        RequestSignature check = new RequestSignature(SECRET, clock);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(check.problem(TIMESTAMP, EXPECTED, body)).isEmpty();
        assertThat(check.problem(TIMESTAMP, EXPECTED.toUpperCase().replace("V0=", "v0="), body)).isEmpty();
        assertThat(check.problem(TIMESTAMP, EXPECTED, (BODY + "&x=1").getBytes(StandardCharsets.UTF_8)))
                .contains("bad signature");
        clock.advance(Duration.ofSeconds(300));
        assertThat(check.problem(TIMESTAMP, EXPECTED, body)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(check.problem(TIMESTAMP, EXPECTED, body)).contains("timestamp outside the five-minute window");
        clock.set(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)).minusSeconds(301));
        assertThat(check.problem(TIMESTAMP, EXPECTED, body)).as("sent from the future")
                .contains("timestamp outside the five-minute window");
    }

    @Test
    void opsbotRefusesTimestampsThatAreNotSecondsAndSignaturesThatAreNotV0() {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(Long.parseLong(TIMESTAMP)));
        RequestSignature check = new RequestSignature(SECRET, clock);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertThat(check.problem(TIMESTAMP + "000", EXPECTED, body)).contains("timestamp is not in seconds");
        assertThat(check.problem(" " + TIMESTAMP, EXPECTED, body)).contains("timestamp is not in seconds");
        assertThat(check.problem(null, EXPECTED, body)).contains("no signature");
        assertThat(check.problem(TIMESTAMP, null, body)).contains("no signature");
        assertThat(check.problem(TIMESTAMP, "v1=" + EXPECTED.substring(3), body)).contains("malformed signature");
        assertThat(check.problem(TIMESTAMP, EXPECTED.substring(0, 20), body)).contains("malformed signature");
    }
}
