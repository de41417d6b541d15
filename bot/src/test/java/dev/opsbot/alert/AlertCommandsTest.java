package dev.opsbot.alert;

import static dev.opsbot.alert.AlertDesk.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.alert.WebhookBodies.Sent;
import dev.opsbot.chat.Reply;
import dev.opsbot.incident.Severity;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertCommandsTest {

    private final AlertDesk desk = new AlertDesk();

    {
        desk.core.with(AlertCommands.ROOT.handledBy(new AlertCommands(desk.groups, desk.routes, desk.heartbeats,
                desk.core.counters, desk.core.audit)));
    }

    @AfterEach
    void close() {
        desk.close();
    }

    private Reply run(String line) {
        return desk.core.run("dana", line);
    }

    @Test
    void routesAreAddedListedInOrderAndRemoved() {
        Reply added = run("/alert route add lat --match alertname=HighLatency,env=~prod.* --service Payments "
                + "--severity sev2 --auto-resolve");
        run("/alert route add rest --match alertname=~.+ --service web --mode notify");

        assertThat(added.isPrivate()).isFalse();
        assertThat(added.plainText()).contains("alertname=HighLatency,env=~prod.* → payments as sev2, opening "
                + "incidents, resolved when every alert resolves.");
        List<AlertRoute> stored = desk.routes.inOrder();
        assertThat(stored).extracting(AlertRoute::name).containsExactly("lat", "rest");
        assertThat(stored.get(0).severity()).isEqualTo(Severity.SEV2);
        assertThat(stored.get(0).autoResolve()).isTrue();
        assertThat(stored.get(1).mode()).isEqualTo(AlertRoute.Mode.NOTIFY);
        assertThat(run("/alert route list").rows()).hasSize(2).first().asString().startsWith("1. ");

        assertThat(run("/alert route remove lat").plainText()).contains("removed");
        assertThat(desk.routes.inOrder()).extracting(AlertRoute::name).containsExactly("rest");
    }

    @Test
    void badRoutesAreRefusedWithOneSentenceAndTheUsageAndNothingIsWritten() {
        assertRefused(run("/alert route add x --match alertname --service web"),
                "“alertname” is not label=value or label=~regex.");
        assertRefused(run("/alert route add x --match a=~( --service web"), "“(” is not a regular expression.");
        assertRefused(run("/alert route add x --service web"),
                "Say which alerts the route takes with --match label=value.");
        assertRefused(run("/alert route add x --match a=b"),
                "Say which service the route's alerts are on with --service.");
        assertRefused(run("/alert route remove nope"), "There is no alert route nope; /alert route list shows them.");
        assertThat(desk.routes.inOrder()).isEmpty();
    }

    private static void assertRefused(Reply reply, String sentence) {
        assertThat(reply.isPrivate()).isTrue();
        assertThat(reply.plainText()).startsWith(sentence).contains("Usage: /alert route");
    }

    @Test
    void aSecondRouteOfTheSameNameIsRefused() {
        run("/alert route add lat --match a=b --service web");
        Reply again = run("/alert route add lat --match c=d --service web");
        assertThat(again.isPrivate()).isTrue();
        assertThat(again.plainText()).startsWith("There is already an alert route lat");
    }

    @Test
    void heartbeatsAreSetWithinBoundsAndShownInTheList() {
        assertThat(run("/alert heartbeat Watchdog --every 30s").plainText()).startsWith("--every must be between 1m and 1d.");
        assertThat(run("/alert heartbeat Watchdog").plainText()).startsWith("Say how often Watchdog arrives");

        run("/alert heartbeat Watchdog --every 5m");

        assertThat(desk.heartbeats.find("Watchdog").orElseThrow().every()).isEqualTo(Duration.ofMinutes(5));
        assertThat(run("/alert list").plainText()).contains("Heartbeat Watchdog every 5m · last heard 14:00 UTC");
        run("/alert heartbeat Watchdog --off");
        assertThat(desk.heartbeats.find("Watchdog")).isEmpty();
    }

    @Test
    void theListShowsFiringGroupsTheirIncidentsAndLastDelivery() {
        assertThat(run("/alert list").title()).isEqualTo("No alert group is firing");
        AlertIntake intake = desk.intake();
        intake.deliver(((WebhookPayload.Read) WebhookPayload.read(WebhookBodies.body("g1",
                Map.of("alertname", "HighLatency", "service", "payments"),
                List.of(Sent.firing("a", at("14:00"), Map.of("alertname", "HighLatency")))))).batch(), at("14:01"));

        Reply list = run("/alert list");

        assertThat(list.title()).isEqualTo("1 alert group firing");
        assertThat(list.plainText()).contains("HighLatency · 1 firing · payments · INC-1 · last delivery 14:01 UTC");
    }
}
