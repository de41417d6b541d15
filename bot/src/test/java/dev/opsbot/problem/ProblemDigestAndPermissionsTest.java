package dev.opsbot.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.access.Role;
import dev.opsbot.chat.Inline;
import dev.opsbot.command.CommandSpec;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProblemDigestAndPermissionsTest {

    @Test
    void theDigestListsTheWeeksCandidatesAndLeavesTheSectionOutWithoutAny() {
        try (ProblemFixture f = new ProblemFixture()) {
            NewCandidates section = new NewCandidates(f.candidates);
            for (int i = 0; i < 3; i++) {
                f.ok("alice", "/incident declare sev3 login timeouts on auth-" + i + " --service auth");
                f.advance(Duration.ofDays(2));
            }

            assertThat(section.lines(f.core.clock.instant(), ZoneId.of("UTC"))).extracting(Inline::plain)
                    .containsExactly("3 incidents on auth in 4 days titled like “login timeouts auth”");

            f.advance(Duration.ofDays(3));
            // The oldest of the three is now more than a week old: two left are no candidate.
            assertThat(section.lines(f.core.clock.instant(), ZoneId.of("UTC"))).isEmpty();
        }
    }

    @Test
    void readingIsAViewersWorkingAResponderAndResolvingAnApprovers() {
        Map<String, Role> needed = new TreeMap<>();
        for (CommandSpec<?> spec : ProblemCommands.ROOT.commands()) {
            needed.put(spec.name(), Role.firstHolding(spec.permission("problem")));
        }

        assertThat(needed).containsEntry("show", Role.VIEWER).containsEntry("list", Role.VIEWER)
                .containsEntry("candidates", Role.VIEWER).containsEntry("open", Role.RESPONDER)
                .containsEntry("workaround", Role.RESPONDER).containsEntry("action", Role.RESPONDER)
                .containsEntry("resolve", Role.APPROVER);
    }
}
