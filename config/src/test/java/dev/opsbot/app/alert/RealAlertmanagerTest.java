package dev.opsbot.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.alert.AlertGroup;
import dev.opsbot.alert.AlertGroups;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.IncidentStatus;
import dev.opsbot.incident.Incidents;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Alertmanager itself posting to opsbot: fires HighLatency{service="payments"} twice (a second
 * alert of the same group), resolves both, and fires an alert through a receiver without the token.
 * Skipped where Alertmanager is not installed, except in CI ({@code CI=true}), where it must run.
 */
class RealAlertmanagerTest {

    private static final String TOKEN = "am-test-token";

    @TempDir
    Path dir;

    @Test
    void oneIncidentPerGroupPagedOnceMitigatedOnResolveAndUnauthenticatedPostsRefused() throws Exception {
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(RealAlertmanager.installed(), "prometheus-alertmanager is not installed");
        }
        SpringApplication application = new SpringApplication(OpsbotApplication.class);
        application.setDefaultProperties(Map.of("opsbot.mode", "server"));
        try (ConfigurableApplicationContext app = application.run("--server.port=0", "--server.address=127.0.0.1",
                "--opsbot.data-dir=" + dir.resolve("opsbot"), "--OPSBOT_ALERTMANAGER_TOKEN=" + TOKEN);
                RealAlertmanager am = RealAlertmanager.start(dir, "http://127.0.0.1:"
                        + app.getEnvironment().getProperty("local.server.port") + AlertConfiguration.HOOK_PATH, TOKEN)) {
            Incidents incidents = app.getBean(Incidents.class);
            story = () -> story(incidents);

            am.add(null, "alertname=HighLatency", "service=payments", "severity=critical", "instance=api-1");
            await(am, "an incident for the group", () -> incidents.find("INC-1").isPresent());
            am.add(null, "alertname=HighLatency", "service=payments", "severity=critical", "instance=api-1");
            am.add(null, "alertname=HighLatency", "service=payments", "severity=critical", "instance=api-2");
            await(am, "the second alert on the incident's timeline", () -> story(incidents).contains("+1 firing"));

            Instant past = Instant.now();
            am.add(past, "alertname=HighLatency", "service=payments", "severity=critical", "instance=api-1");
            am.add(past, "alertname=HighLatency", "service=payments", "severity=critical", "instance=api-2");
            await(am, "the incident mitigated", () -> incidents.find("INC-1").map(Incident::status)
                    .filter(IncidentStatus.MITIGATED::equals).isPresent());

            am.add(null, "alertname=Sneaky", "service=payments", "token=none");
            await(am, "Alertmanager told 401", () -> logHas(am, "unexpected status code 401"));

            Incident incident = incidents.find("INC-1").orElseThrow();
            assertThat(incident.service()).isEqualTo("payments");
            assertThat(incident.title()).isEqualTo("HighLatency: p99 above 2s");
            assertThat(incidents.find("INC-2")).as("one incident for the group, none for the refused post").isEmpty();
            assertThat(story(incidents)).as("declared once; the repeat added nothing")
                    .containsExactly("declared sev1 HighLatency: p99 above 2s", "+1 firing", "2 resolved", "mitigated");
            assertThat(app.getBean(AlertGroups.class).firing(10)).extracting(AlertGroup::title).isEmpty();
        }
    }

    private static List<String> story(Incidents incidents) {
        return incidents.find("INC-1").map(i -> i.timeline().stream()
                .map(e -> e.kind() + (e.text().isEmpty() ? "" : " " + e.text()))
                .map(s -> s.startsWith("alerts ") ? s.substring(7) : s).toList()).orElse(List.of());
    }

    private static boolean logHas(RealAlertmanager am, String text) {
        try {
            return am.log().contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Alertmanager works on its own clock; each step is bounded, and a miss shows its log. */
    private static java.util.function.Supplier<List<String>> story = List::of;

    private static void await(RealAlertmanager am, String what, BooleanSupplier done) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within 30 s; INC-1's timeline: " + story.get()
                        + "; alertmanager said:\n" + am.log());
            }
            Thread.sleep(100);
        }
    }
}
