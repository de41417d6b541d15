package dev.opsbot.app.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.app.BadSetting;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** OPSBOT_SUSPECT_CHANGE_HOURS: how far back a new incident's card looks for changes that may have caused it. */
class SuspectHoursSettingTest {

    @Test
    void wholeHoursFromOneToAWeek() {
        assertThat(ChangeConfiguration.suspectWindow("6")).isEqualTo(Duration.ofHours(6));
        assertThat(ChangeConfiguration.suspectWindow(" 168 ")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void anythingElseStopsTheStartWithTheVariableNamed() {
        for (String bad : new String[] {"0", "169", "6h", "", "-1"}) {
            assertThatThrownBy(() -> ChangeConfiguration.suspectWindow(bad)).isInstanceOf(BadSetting.class)
                    .hasMessage("OPSBOT_SUSPECT_CHANGE_HOURS=" + bad + " is not usable; expected whole hours from 1 "
                            + "to 168, e.g. 6.");
        }
    }
}
