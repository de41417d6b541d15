package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each setting opsbot cannot use is refused with the variable, its value and the expected form. */
class BadSettingsTest {

    @TempDir
    Path dir;

    private static OpsbotSettings settings(String dataDir, String channel, String zone, String repeats) {
        return new OpsbotSettings(dataDir, channel, zone, repeats, null);
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        assertThatThrownBy(() -> settings(null, null, "Mars/Base", null)).isInstanceOf(BadSetting.class)
                .hasMessage("OPSBOT_TIMEZONE=Mars/Base is not usable; expected a time zone such as UTC or Europe/London.");
    }

    @Test
    void escalationRepeatsMustBeASmallWholeNumber() {
        assertThat(settings(null, null, null, null).escalationRepeatsCount()).isEqualTo(3);
        assertThat(settings(null, null, null, "0").escalationRepeatsCount()).isZero();
        assertThatThrownBy(() -> settings(null, null, null, "lots")).hasMessage(
                "OPSBOT_ESCALATION_REPEATS=lots is not usable; expected a whole number from 0 to 20.");
        assertThatThrownBy(() -> settings(null, null, null, "-1")).isInstanceOf(BadSetting.class);
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> settings(file.toString(), null, null, null).writableDataPath())
                .hasMessage("OPSBOT_DATA_DIR=" + file + " is not usable; expected a directory opsbot can create and "
                        + "write to.");
        assertThat(settings(dir.resolve("new/data").toString(), null, null, null).writableDataPath()).isDirectory();
    }

    @Test
    void aBareChannelIdBelongsToTheOnlyChatPlatformAndIsRefusedWhenThereAreTwo() {
        OpsbotSettings bare = settings(null, "C042", null, null);
        assertThat(bare.incidentChannels(Set.of(Platform.SLACK)))
                .containsExactly(new ChannelRef(Platform.SLACK, "C042", "C042"));
        assertThat(bare.incidentChannels(Set.of(Platform.DISCORD)).get(0).platform()).isEqualTo(Platform.DISCORD);
        assertThat(bare.incidentChannels(Set.of())).containsExactly(ChannelRef.console("C042"));
        assertThatThrownBy(() -> bare.incidentChannels(Set.of(Platform.SLACK, Platform.DISCORD)))
                .hasMessageStartingWith("OPSBOT_INCIDENT_CHANNEL=C042 is not usable; expected comma-separated "
                        + "platform:id entries");
        assertThat(settings(null, "slack:C042,discord:99", null, null)
                .incidentChannels(Set.of(Platform.SLACK, Platform.DISCORD))).hasSize(2);
        assertThatThrownBy(() -> settings(null, "teams:C1", null, null).incidentChannels(Set.of()))
                .isInstanceOf(BadSetting.class);
    }

    @Test
    void chatPlatformsAreThoseWithATokenUnlessForcedIntoTheConsole() {
        assertThat(OpsbotSettings.chatPlatforms(Map.of("SLACK_BOT_TOKEN", "xoxb")::get)).containsExactly(Platform.SLACK);
        assertThat(OpsbotSettings.chatPlatforms(Map.of("SLACK_BOT_TOKEN", "xoxb", "opsbot.mode", "console")::get))
                .isEmpty();
    }
}
