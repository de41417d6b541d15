package dev.opsbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Platform;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MongoAuditLogTest {

    private final MongoStore store = MongoStore.inMemory();
    private final AuditLog audit = new MongoAuditLog(store.database());
    private final Actor alice = new Actor(Platform.SLACK, "U1", "alice");

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void entriesComeBackNewestFirstForTheirItemOnly() {
        Instant t = Instant.parse("2026-11-27T14:00:00Z");
        audit.append(new AuditEntry(t, alice, "incident.declare", "INC-1", "", "status=declared"));
        audit.append(new AuditEntry(t.plusSeconds(60), alice, "incident.ack", "INC-1", "status=declared",
                "status=acknowledged"));
        audit.append(new AuditEntry(t.plusSeconds(30), alice, "incident.declare", "INC-2", "", "status=declared"));

        assertThat(audit.forItem("INC-1", 10)).containsExactly(
                new AuditEntry(t.plusSeconds(60), alice, "incident.ack", "INC-1", "status=declared",
                        "status=acknowledged"),
                new AuditEntry(t, alice, "incident.declare", "INC-1", "", "status=declared"));
        assertThat(audit.forItem("INC-1", 1)).extracting(AuditEntry::action).containsExactly("incident.ack");
        assertThat(audit.forItem("INC-3", 10)).isEmpty();
    }

    @Test
    void entriesWrittenInTheSameMillisecondKeepTheirOrder() {
        Instant t = Instant.parse("2026-11-27T14:00:00Z");
        for (int i = 0; i < 20; i++) {
            audit.append(new AuditEntry(t, alice, "step" + i, "INC-1", "", ""));
        }
        assertThat(audit.forItem("INC-1", 3)).extracting(AuditEntry::action)
                .containsExactly("step19", "step18", "step17");
    }
}
