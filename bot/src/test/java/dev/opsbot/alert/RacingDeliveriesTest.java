package dev.opsbot.alert;

import static dev.opsbot.alert.AlertDesk.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.alert.WebhookBodies.Sent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Two deliveries of a new group racing, on the embedded store through the real driver: within one
 * process and across two intakes that share only the store (as two instances would).
 */
class RacingDeliveriesTest {

    private static final int SENDERS = 8;

    @RepeatedTest(5)
    void racingDeliveriesOfANewGroupDeclareOneIncident() throws Exception {
        try (AlertDesk desk = new AlertDesk()) {
            List<AlertIntake> instances = List.of(desk.intake(), desk.intake());
            AlertBatch batch = ((WebhookPayload.Read) WebhookPayload.read(WebhookBodies.body("race",
                    Map.of("alertname", "Down", "service", "payments"),
                    List.of(Sent.firing("f1", at("14:00"), Map.of("alertname", "Down")))))).batch();
            ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
            List<Delivered> outcomes = new ArrayList<>();
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Delivered>> pending = new ArrayList<>();
                for (int s = 0; s < SENDERS; s++) {
                    AlertIntake intake = instances.get(s % 2);
                    pending.add(pool.submit(() -> {
                        go.await();
                        return intake.deliver(batch, at("14:01"));
                    }));
                }
                go.countDown();
                for (Future<Delivered> f : pending) {
                    outcomes.add(f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(outcomes).filteredOn(Delivered.Opened.class::isInstance).hasSize(1);
            assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfAny(Delivered.Opened.class,
                    Delivered.Unchanged.class, Delivered.Busy.class));
            assertThat(desk.paged).containsExactly("INC-1");
            assertThat(desk.core.incidents.find("INC-2")).isEmpty();
            // What was turned away as busy is sent again by Alertmanager, and then it is a repeat.
            assertThat(instances.get(1).deliver(batch, at("14:02"))).isEqualTo(new Delivered.Unchanged("INC-1"));
        }
    }
}
