package dev.opsbot.alert;

import static dev.opsbot.alert.AlertDesk.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.alert.WebhookBodies.Sent;
import dev.opsbot.chat.Actor;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatWatchTest {

    private final AlertDesk desk = new AlertDesk();
    private final AlertIntake intake = desk.intake();
    private final HeartbeatWatch watch = new HeartbeatWatch(desk.heartbeats, desk.actions, desk.core.outbox,
            desk.alertChannel, ZoneOffset.UTC);

    @AfterEach
    void close() {
        desk.close();
    }

    private Delivered watchdog(String time) {
        return intake.deliver(((WebhookPayload.Read) WebhookPayload.read(WebhookBodies.body("wd",
                Map.of("alertname", "Watchdog"), List.of(Sent.firing("w", at("09:00"),
                        Map.of("alertname", "Watchdog")))))).batch(), at(time));
    }

    @Test
    void silenceForTwiceTheIntervalDeclaresOneIncidentUntilTheHeartbeatIsHeardAgain() {
        desk.heartbeats.set(new Heartbeat("Watchdog", Duration.ofMinutes(5), "monitoring", at("14:00"), null,
                Actor.console("dana")));
        assertThat(watchdog("14:03")).isEqualTo(new Delivered.Beat(1));

        assertThat(watch.check(at("14:13"))).as("exactly twice the interval is not yet silence").isZero();
        assertThat(watch.check(at("14:14"))).isEqualTo(1);
        assertThat(watch.check(at("14:15"))).as("once per silence").isZero();

        assertThat(desk.incident("INC-1").title()).isEqualTo("Alerting pipeline silent since 14:03 UTC (no Watchdog for 10m)");
        assertThat(desk.incident("INC-1").service()).isEqualTo("monitoring");
        assertThat(desk.paged).containsExactly("INC-1");

        watchdog("14:20");
        assertThat(desk.heartbeats.find("Watchdog").orElseThrow().silentIncident()).isNull();
        assertThat(desk.incident("INC-1").timeline()).anySatisfy(e -> assertThat(e.text()).isEqualTo("Watchdog heard again"));
        assertThat(watch.check(at("14:29"))).isZero();
        assertThat(watch.check(at("14:31"))).as("a new silence").isEqualTo(1);
        assertThat(desk.paged).containsExactly("INC-1", "INC-2");
        assertThat(desk.groups.firing(10)).as("heartbeats are no alert group").isEmpty();
    }

    @Test
    void aSilenceThatBeganYesterdaySaysWhichDay() {
        desk.heartbeats.set(new Heartbeat("Watchdog", Duration.ofMinutes(5), "monitoring",
                at("23:55").minus(Duration.ofDays(1)), null, Actor.console("dana")));
        assertThat(watch.check(at("00:10"))).isEqualTo(1);
        assertThat(desk.incident("INC-1").title())
                .isEqualTo("Alerting pipeline silent since Thu 26 Nov 23:55 UTC (no Watchdog for 10m)");
    }
}
