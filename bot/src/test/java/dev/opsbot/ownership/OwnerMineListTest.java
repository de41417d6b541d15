package dev.opsbot.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /owner mine shows what fits and says when there is more, and where to see it. */
class OwnerMineListTest {

    private final OpsFixture ops = new OpsFixture();

    @AfterEach
    void stop() {
        ops.close();
    }

    @Test
    void moreThanFitsIsSaidNotDropped() {
        for (int n = 1; n <= 30; n++) {
            ops.ok("dana", "/incident declare sev3 \"trouble " + n + "\"");
        }

        Reply mine = ops.ok("dana", "/owner mine");

        assertThat(mine.rows()).hasSize(25);
        assertThat(mine.text()).isEqualTo("Showing the first 25 items you own; there are more. "
                + "/incident list --mine pages through your incidents.");
    }

    @Test
    void whatFitsIsShownWithoutANote() {
        ops.ok("dana", "/incident declare sev3 \"just one\"");

        Reply mine = ops.ok("dana", "/owner mine");

        assertThat(mine.rows()).hasSize(1);
        assertThat(mine.text()).isEmpty();
    }
}
