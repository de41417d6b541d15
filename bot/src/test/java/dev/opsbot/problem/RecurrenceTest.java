package dev.opsbot.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.incident.Incident;
import dev.opsbot.incident.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void numbersIdsFillerAndCaseDoNotCount() {
        assertThat(Recurrence.words("Connection pool EXHAUSTED on db-7 (INC-42, 10.0.0.3) at 14:02"))
                .containsExactly("connection", "pool", "exhausted", "db", "inc");
        assertThat(Recurrence.words("5xx 503 v1.4.2")).isEmpty();
    }

    @Test
    void titlesAreAlikeWhenTheyShareHalfTheirWords() {
        assertThat(Recurrence.likeness("connection pool exhausted", "Connection pool exhausted on db-3"))
                .isEqualTo(0.75); // "db" counts, "3" and "on" do not
        assertThat(Recurrence.alike("connection pool exhausted", "connection pool exhausted, checkout failing"))
                .isTrue(); // 3 of 5
        assertThat(Recurrence.alike("connection pool exhausted", "connection refused by ledger")).isFalse(); // 1 of 5
        assertThat(Recurrence.alike("503", "503")).isFalse();
    }

    @Test
    void groupsNeedThreeAlikeIncidentsOnOneService() {
        List<Incident> all = new ArrayList<>();
        all.add(incident(1, "connection pool exhausted", "payments", 0));
        all.add(incident(2, "connection pool exhausted again", "payments", 2));
        all.add(incident(3, "disk full on ledger", "payments", 3));
        all.add(incident(4, "connection pool exhausted", "search", 4));
        all.add(incident(5, "connection pool exhausted", "search", 5));
        all.add(incident(6, "pool exhausted, connection reset", "payments", 6));
        all.add(incident(7, "disk full", null, 6));
        all.add(incident(8, "disk full on /var", null, 7));

        List<Recurrence.Group> groups = Recurrence.groups(all);

        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).service()).isEqualTo("payments");
        assertThat(groups.get(0).incidents()).extracting(Incident::id).containsExactly("INC-6", "INC-2", "INC-1");
        assertThat(groups.get(0).like()).isEqualTo("pool exhausted connection");

        all.add(incident(9, "disk full!", null, 8));
        // Two groups of three: the more recent comes first.
        assertThat(Recurrence.groups(all)).extracting(Recurrence.Group::service).containsExactly(null, "payments");
        all.add(incident(10, "connection pool exhausted", "payments", 1));
        assertThat(Recurrence.groups(all)).extracting(Recurrence.Group::service).containsExactly("payments", null);
    }

    @Test
    void alikeThroughAnotherIncidentIsOneGroup() {
        // a ~ b and b ~ c, though a and c share too little: one fault drifting in its wording.
        List<Incident> all = List.of(incident(1, "queue consumer lag high", "orders", 0),
                incident(2, "queue consumer lag on partition", "orders", 1),
                incident(3, "consumer lag on partition rebalance", "orders", 2));

        assertThat(Recurrence.alike(all.get(0).title(), all.get(2).title())).isFalse();
        assertThat(Recurrence.groups(all)).singleElement()
                .satisfies(g -> assertThat(g.incidents()).hasSize(3));
    }

    private static Incident incident(int n, String title, String service, int day) {
        return Incident.declare("INC-" + n, Severity.SEV2, title, service, ChannelRef.console("ops"),
                Actor.console("alice"), T0.plusSeconds(day * 86_400L));
    }
}
