package dev.opsbot.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DueItemTest {

    private final DueItem item = new DueItem("stale:INC-4", "followup.stale", "INC-4",
            Instant.parse("2026-11-27T14:30:00Z"), Map.of());

    @Test
    void aFireIsNamedByTheItemAndItsDueTimeSoARetryKeepsItAndARearmChangesIt() {
        assertThat(item.fireKey()).isEqualTo("stale:INC-4:" + Instant.parse("2026-11-27T14:30:00Z").getEpochSecond());
        assertThat(item.at(item.dueAt()).fireKey()).isEqualTo(item.fireKey());
        assertThat(item.at(item.dueAt().plusSeconds(3600)).fireKey()).isNotEqualTo(item.fireKey());
    }
}
