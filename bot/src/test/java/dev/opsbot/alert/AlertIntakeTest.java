package dev.opsbot.alert;

import static dev.opsbot.alert.AlertDesk.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.alert.WebhookBodies.Sent;
import dev.opsbot.chat.Actor;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentStatus;
import dev.opsbot.incident.Severity;
import dev.opsbot.incident.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One incident per Alertmanager group, through its whole life, on the embedded store. */
class AlertIntakeTest {

    private static final String GROUP = "{}:{alertname=\"HighLatency\"}";
    private static final Map<String, String> LABELS = Map.of("alertname", "HighLatency", "service", "payments",
            "severity", "critical");
    private static final Sent A = Sent.firing("a1", at("14:00"), Map.of("alertname", "HighLatency", "pod", "p1"));
    private static final Sent B = Sent.firing("b2", at("14:00"), Map.of("alertname", "HighLatency", "pod", "p2"));
    private static final Sent C = Sent.firing("c3", at("14:05"), Map.of("alertname", "HighLatency", "pod", "p3"));
    private static final Actor DANA = Actor.console("dana");

    private final AlertDesk desk = new AlertDesk();
    private final AlertIntake intake = desk.intake();

    @AfterEach
    void close() {
        desk.close();
    }

    private Delivered send(String time, Sent... alerts) {
        return send(GROUP, LABELS, time, alerts);
    }

    private Delivered send(String group, Map<String, String> labels, String time, Sent... alerts) {
        AlertBatch batch = ((WebhookPayload.Read) WebhookPayload.read(WebhookBodies.body(group, labels,
                List.of(alerts)))).batch();
        return intake.deliver(batch, at(time));
    }

    private static List<String> story(Incident i) {
        return i.timeline().stream().map(e -> e.kind() + (e.text().isEmpty() ? "" : ": " + e.text())).toList();
    }

    @Test
    void theFirstFiringDeliveryDeclaresOneIncidentAsAlertmanagerAndPagesOnce() {
        Delivered first = send("14:01", A);

        assertThat(first).isEqualTo(new Delivered.Opened("INC-1"));
        Incident i = desk.incident("INC-1");
        assertThat(i.service()).isEqualTo("payments");
        assertThat(i.severity()).isEqualTo(Severity.SEV1);
        assertThat(i.title()).isEqualTo("HighLatency");
        assertThat(i.declaredBy()).isEqualTo(AlertIntake.ALERTMANAGER);
        assertThat(desk.paged).containsExactly("INC-1");
        assertThat(desk.alertChannelPosts()).singleElement().asString().contains("INC-1");
    }

    @Test
    void aRepeatDeliveryChangesNothing() {
        send("14:01", A, B);
        Incident before = desk.incident("INC-1");
        long audited = desk.core.store.database().getCollection("audit").countDocuments();

        Delivered again = send("14:02", A, B);
        Delivered andAgain = send("14:06", A, B);

        assertThat(again).isEqualTo(new Delivered.Unchanged("INC-1"));
        assertThat(andAgain).isEqualTo(new Delivered.Unchanged("INC-1"));
        assertThat(desk.incident("INC-1")).isEqualTo(before);
        assertThat(desk.core.store.database().getCollection("audit").countDocuments()).isEqualTo(audited);
        assertThat(desk.paged).containsExactly("INC-1");
        assertThat(desk.groups.find(AlertGroup.idOf(GROUP)).orElseThrow().lastDeliveryAt()).isEqualTo(at("14:06"));
        AlertBatch same = ((WebhookPayload.Read) WebhookPayload.read(WebhookBodies.body(GROUP, LABELS,
                List.of(A, B)))).batch();
        assertThat(intake.deliver(same, at("14:06").plusSeconds(30))).isEqualTo(new Delivered.Unchanged("INC-1"));
        assertThat(desk.groups.find(AlertGroup.idOf(GROUP)).orElseThrow().lastDeliveryAt())
                .as("a repeat within a minute of the last delivery writes nothing").isEqualTo(at("14:06"));
    }

    @Test
    void newsInAnOpenGroupIsOneTimelineEntryAndPagesNobody() {
        send("14:01", A, B);

        Delivered news = send("14:06", A, B.resolved(), C, Sent.firing("d4", at("14:05"), Map.of("alertname", "x")));

        assertThat(news).isEqualTo(new Delivered.Updated("INC-1", "+2 firing, 1 resolved"));
        assertThat(story(desk.incident("INC-1"))).containsExactly("declared: sev1 HighLatency",
                "alerts: +2 firing, 1 resolved");
        assertThat(desk.incident("INC-1").status()).isEqualTo(IncidentStatus.DECLARED);
        assertThat(desk.paged).containsExactly("INC-1");
    }

    @Test
    void everyAlertResolvedMitigatesAndFiringAgainReturnsItToDeclared() {
        send("14:01", A, B);

        Delivered clear = send("14:10", A.resolved(), B.resolved());
        Incident mitigated = desk.incident("INC-1");
        Delivered back = send("14:20", A.resolved(), Sent.firing("b2", at("14:19"), B.labels()));

        assertThat(clear).isEqualTo(new Delivered.Updated("INC-1", "2 resolved"));
        assertThat(mitigated.status()).isEqualTo(IncidentStatus.MITIGATED);
        assertThat(back).isEqualTo(new Delivered.Updated("INC-1", "+1 firing"));
        Incident again = desk.incident("INC-1");
        assertThat(again.status()).as("nobody had acknowledged it").isEqualTo(IncidentStatus.DECLARED);
        assertThat(again.acknowledgedBy()).isNull();
        assertThat(story(again)).containsExactly("declared: sev1 HighLatency", "alerts: 2 resolved", "mitigated",
                "alerts: +1 firing", "firing again");
        assertThat(desk.paged).as("never a new incident for the group").containsExactly("INC-1");
    }

    @Test
    void anIncidentSomeoneAcknowledgedGoesBackToAcknowledged() {
        send("14:01", A);
        desk.actions.change("INC-1", DANA, at("14:02"), "incident.ack", i -> i.acknowledge(DANA, at("14:02")));
        send("14:10", A.resolved());

        send("14:20", Sent.firing("a1", at("14:19"), A.labels()));

        Incident again = desk.incident("INC-1");
        assertThat(again.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(again.acknowledgedBy()).isEqualTo(DANA);
        assertThat(again.owner()).isEqualTo(DANA);
    }

    @Test
    void resolvedLessThanThirtyMinutesAgoIsReopenedAndLaterIsANewIncident() {
        send("14:01", A);
        desk.actions.change("INC-1", DANA, at("14:05"), "incident.resolve", i -> i.resolve(DANA, "restarted", at("14:05")));

        send("14:30", Sent.firing("a1", at("14:29"), A.labels()));
        assertThat(desk.incident("INC-1").status()).isEqualTo(IncidentStatus.DECLARED);
        assertThat(story(desk.incident("INC-1"))).contains("reopened", "firing again");

        desk.actions.change("INC-1", DANA, at("14:40"), "incident.resolve", i -> i.resolve(DANA, "again", at("14:40")));
        send("14:41", Sent.firing("a1", at("14:29"), A.labels()).resolved());
        Delivered later = send("15:11", Sent.firing("a1", at("15:10"), A.labels()));

        assertThat(later).isEqualTo(new Delivered.Opened("INC-2"));
        assertThat(desk.incident("INC-1").status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(story(desk.incident("INC-2"))).contains("alerts: the same alert group fed INC-1 before");
        assertThat(send("15:12", Sent.firing("a1", at("15:10"), A.labels()))).isEqualTo(new Delivered.Unchanged("INC-2"));
    }

    @Test
    void aRouteWithAutoResolveResolvesWhenEveryAlertResolves() {
        desk.routes.add(new AlertRoute("lat", LabelMatch.parseAll("alertname=HighLatency"), "checkout",
                Severity.SEV2, AlertRoute.Mode.INCIDENT, true, 1, DANA, at("13:00")));
        send("14:01", A);

        send("14:10", A.resolved());

        Incident i = desk.incident("INC-1");
        assertThat(i.service()).as("the route wins over the labels").isEqualTo("checkout");
        assertThat(i.severity()).isEqualTo(Severity.SEV2);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void theFirstMatchingRouteWinsAndANotifyRouteOpensNoIncident() {
        desk.routes.add(new AlertRoute("quiet", LabelMatch.parseAll("alertname=~High.*,env=staging"), "web", null,
                AlertRoute.Mode.NOTIFY, false, 1, DANA, at("13:00")));
        desk.routes.add(new AlertRoute("loud", LabelMatch.parseAll("alertname=~High.*"), "web", Severity.SEV4,
                AlertRoute.Mode.INCIDENT, false, 2, DANA, at("13:00")));
        Map<String, String> staging = Map.of("alertname", "HighLatency", "env", "staging");

        Delivered quiet = send("g-staging", staging, "14:01", A);
        Delivered loud = send("g-prod", Map.of("alertname", "HighLatency", "env", "prod"), "14:01", A);

        assertThat(quiet).isEqualTo(new Delivered.Notified("route quiet"));
        assertThat(loud).isEqualTo(new Delivered.Opened("INC-1"));
        assertThat(desk.incident("INC-1").severity()).isEqualTo(Severity.SEV4);
        assertThat(desk.alertChannelPosts()).anySatisfy(p -> assertThat(p).contains("Alert: HighLatency")
                .contains("+1 firing for web (route quiet)"));
    }

    @Test
    void anInstanceFindsItsServiceThroughTheInventory() {
        desk.assetsByInstance.put("db-01:9100", AlertDesk.asset("db-01", "ledger"));

        send("g", Map.of("alertname", "DiskFull", "instance", "db-01:9100", "severity", "warning"), "14:01", A);

        assertThat(desk.incident("INC-1").service()).isEqualTo("ledger");
        assertThat(desk.incident("INC-1").severity()).isEqualTo(Severity.SEV3);
    }

    @Test
    void whatNothingPlacesIsNotifiedNeverDropped() {
        Delivered d = send("g", Map.of("alertname", "Mystery", "instance", "nowhere:1"), "14:01", A);
        Delivered repeat = send("g", Map.of("alertname", "Mystery", "instance", "nowhere:1"), "14:02", A);

        assertThat(d).isInstanceOf(Delivered.Notified.class);
        assertThat(repeat).isEqualTo(new Delivered.Unchanged(null));
        assertThat(desk.core.incidents.find("INC-1")).isEmpty();
        assertThat(desk.alertChannelPosts()).singleElement().asString().contains("Alert: Mystery")
                .contains("no asset serves instance nowhere:1");
        assertThat(desk.groups.firing(10)).extracting(AlertGroup::title).containsExactly("Mystery");
    }

    @Test
    void anAlertOnAnAssetInAChangeWindowIsExpectedAndPagesNobody() {
        desk.assetsByInstance.put("db-01", AlertDesk.asset("db-01", "ledger"));
        desk.changesByAsset.put("db-01", "CHG-7");

        Delivered d = send("g", Map.of("alertname", "DiskFull", "instance", "db-01"), "14:01", A);

        assertThat(d).isEqualTo(new Delivered.Expected("CHG-7"));
        assertThat(desk.paged).isEmpty();
        assertThat(desk.alertChannelPosts()).singleElement().asString().contains("expected during CHG-7");
        assertThat(desk.attachedToChanges).containsExactly("CHG-7: +1 firing on db-01: DiskFull");
        send("g", Map.of("alertname", "DiskFull", "instance", "db-01"), "14:01", A);
        assertThat(desk.attachedToChanges).as("a repeat attaches nothing more").hasSize(1);

        desk.changesByAsset.clear();
        assertThat(send("g", Map.of("alertname", "DiskFull", "instance", "db-01"), "15:01", A, B))
                .as("news once the change is over opens an incident").isEqualTo(new Delivered.Opened("INC-1"));
    }

    @Test
    void aResolvedOnlyDeliveryOfAnUnknownGroupOpensNothing() {
        assertThat(send("14:01", A.resolved())).isEqualTo(new Delivered.Unchanged(null));
        assertThat(desk.paged).isEmpty();
    }

    @Test
    void aTimelineEntryStoredOnTheGroupButNotYetOnTheIncidentIsToldOnceByTheNextDelivery() {
        send("14:01", A);
        String id = AlertGroup.idOf(GROUP);
        // As if the process died between storing the group's news and telling the incident.
        AlertGroup.Pending lost = new AlertGroup.Pending(at("14:03"), "+1 firing", 1, 2);
        desk.groups.update(id, g -> g.withPending(lost));

        send("14:04", A);
        send("14:05", A);

        assertThat(story(desk.incident("INC-1"))).containsExactly("declared: sev1 HighLatency", "alerts: +1 firing");
        assertThat(desk.groups.find(id).orElseThrow().pending()).isNull();
    }

    @Test
    void aDeliveryIsNotToldTwiceWhenTheIncidentHeardItBeforeTheCrash() {
        send("14:01", A);
        String id = AlertGroup.idOf(GROUP);
        AlertGroup.Pending told = new AlertGroup.Pending(at("14:03"), "+1 firing", 1, 2);
        desk.core.incidents.record("INC-1", new TimelineEntry(told.at(), AlertIntake.ALERTMANAGER, "alerts", told.text()));
        desk.groups.update(id, g -> g.withPending(told));

        send("14:04", A);

        assertThat(story(desk.incident("INC-1"))).containsExactly("declared: sev1 HighLatency", "alerts: +1 firing");
    }

    @Test
    void aRepeatWithNanosecondStartTimesIsStillARepeatAfterTheStoreKeptMilliseconds() {
        String body = "{\"version\":\"4\",\"groupKey\":\"nanos\",\"commonLabels\":{\"service\":\"payments\"},"
                + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"X\"},\"fingerprint\":\"f\","
                + "\"startsAt\":\"2026-11-27T14:00:00.123456789Z\"}]}";
        AlertBatch batch = ((WebhookPayload.Read) WebhookPayload.read(body)).batch();

        assertThat(intake.deliver(batch, at("14:01"))).isEqualTo(new Delivered.Opened("INC-1"));
        assertThat(intake.deliver(batch, at("14:02"))).isEqualTo(new Delivered.Unchanged("INC-1"));
    }

    @Test
    void aResolveIsTakenWhateverStartTimeItCarriesButNotAnEndFromBeforeTheEpisode() {
        send("14:01", A);
        AlertBatch stale = new AlertBatch(GROUP, "r", Map.of(), LABELS, Map.of(), "", List.of(new Alert("a1", false,
                A.labels(), Map.of(), at("13:00"), at("13:30"))));
        AlertBatch late = new AlertBatch(GROUP, "r", Map.of(), LABELS, Map.of(), "", List.of(new Alert("a1", false,
                A.labels(), Map.of(), at("14:09"), at("14:09"))));

        assertThat(intake.deliver(stale, at("14:05"))).isEqualTo(new Delivered.Unchanged("INC-1"));
        assertThat(intake.deliver(late, at("14:10"))).isEqualTo(new Delivered.Updated("INC-1", "1 resolved"));
        assertThat(desk.incident("INC-1").status()).isEqualTo(IncidentStatus.MITIGATED);
    }

    @Test
    void titlesAreCleanedAndBounded() {
        String long300 = "x".repeat(300);
        AlertBatch batch = new AlertBatch("g", "r", Map.of(), Map.of("alertname", "Big\u0001\n  Bad"),
                Map.of("summary", long300), "", List.of(new Alert("f", true, Map.of("a", "b"), Map.of(),
                        Instant.EPOCH, null)));
        assertThat(AlertIntake.titleOf(batch)).startsWith("Big Bad: xxx").hasSize(120).endsWith("…");
    }
}
