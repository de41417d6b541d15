package dev.opsbot.app;

import dev.opsbot.Retention;
import dev.opsbot.chat.ChannelRef;
import dev.opsbot.chat.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings read from the environment: {@code OPSBOT_DATA_DIR}, {@code OPSBOT_INCIDENT_CHANNEL},
 * {@code OPSBOT_TIMEZONE}, {@code OPSBOT_ESCALATION_REPEATS} (Spring maps each env var onto the
 * matching {@code opsbot.*} property). A value opsbot cannot use is refused with a
 * {@link BadSetting} naming the variable, so start-up stops with one sentence.
 *
 * @param dataDir           where the embedded store keeps its file when no MONGODB_URI is set
 * @param incidentChannel   where declarations are announced: comma-separated {@code platform:id}
 *                          such as {@code slack:C042,discord:1234}; a bare id belongs to the one chat
 *                          platform configured, or is a console channel when none is
 * @param timezone          the team's zone for display and schedules
 * @param escalationRepeats how often escalation pages its last level again before it stops
 * @param archiveAfter      how long a resolved or closed incident stays in the working set after its
 *                          last change before the nightly retention moves it to the archive
 *                          ({@code OPSBOT_ARCHIVE_AFTER}, default 7d, at least 1d)
 */
@ConfigurationProperties(prefix = "opsbot")
public record OpsbotSettings(String dataDir, String incidentChannel, String timezone, String escalationRepeats,
        Duration archiveAfter) {

    private static final int MOST_REPEATS = 20;

    public OpsbotSettings {
        dataDir = blankTo(dataDir, "./data");
        incidentChannel = blankTo(incidentChannel, "console:incidents");
        timezone = blankTo(timezone, "UTC");
        escalationRepeats = blankTo(escalationRepeats, "3");
        zoneOf(timezone);
        repeatsOf(escalationRepeats);
        archiveAfter = archiveAfter == null ? Retention.DEFAULT_ARCHIVE_AFTER : archiveAfter;
        if (archiveAfter.compareTo(Retention.SHORTEST_ARCHIVE_AFTER) < 0) {
            throw new BadSetting("OPSBOT_ARCHIVE_AFTER", archiveAfter.toHours() + "h",
                    "a duration of at least 1d, e.g. 7d");
        }
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    /** The data directory, created if missing; refused unless opsbot can write there. */
    public Path writableDataPath() {
        String expected = "a directory opsbot can create and write to";
        try {
            Path dir = Path.of(dataDir);
            Files.createDirectories(dir);
            if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
                throw new BadSetting("OPSBOT_DATA_DIR", dataDir, expected);
            }
            return dir;
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw new BadSetting("OPSBOT_DATA_DIR", dataDir, expected);
        }
    }

    public ZoneId zone() {
        return zoneOf(timezone);
    }

    public int escalationRepeatsCount() {
        return repeatsOf(escalationRepeats);
    }

    /**
     * The incident channels. A bare id (no {@code platform:}) belongs to the chat platform when
     * exactly one is configured, is a console channel when none is, and is refused when both are,
     * since it could be either.
     */
    public List<ChannelRef> incidentChannels(Set<Platform> chatPlatforms) {
        List<ChannelRef> channels = new ArrayList<>();
        for (String part : incidentChannel.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.indexOf(':') >= 0) {
                channels.add(ChannelRef.parseKey(p).orElseThrow(() -> badChannel()));
                continue;
            }
            String id = p.replaceFirst("^#", "");
            if (chatPlatforms.size() > 1) {
                throw badChannel();
            }
            channels.add(chatPlatforms.isEmpty() ? ChannelRef.console(id)
                    : new ChannelRef(chatPlatforms.iterator().next(), id, id));
        }
        if (channels.isEmpty()) {
            throw badChannel();
        }
        return channels;
    }

    /** The chat platforms this run talks to: those with a token, none when forced into the console. */
    public static Set<Platform> chatPlatforms(UnaryOperator<String> env) {
        Set<Platform> out = EnumSet.noneOf(Platform.class);
        if ("console".equals(env.apply("opsbot.mode"))) {
            return out;
        }
        if (!blank(env.apply("SLACK_BOT_TOKEN"))) {
            out.add(Platform.SLACK);
        }
        if (!blank(env.apply("DISCORD_TOKEN"))) {
            out.add(Platform.DISCORD);
        }
        return out;
    }

    private BadSetting badChannel() {
        return new BadSetting("OPSBOT_INCIDENT_CHANNEL", incidentChannel,
                "comma-separated platform:id entries such as slack:C042 or discord:1234 "
                        + "(a bare id only when exactly one chat platform is configured)");
    }

    private static ZoneId zoneOf(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new BadSetting("OPSBOT_TIMEZONE", timezone, "a time zone such as UTC or Europe/London");
        }
    }

    private static int repeatsOf(String text) {
        return BadSetting.wholeNumber("OPSBOT_ESCALATION_REPEATS", text, 0, MOST_REPEATS,
                "a whole number from 0 to " + MOST_REPEATS);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankTo(String value, String fallback) {
        return blank(value) ? fallback : value;
    }
}
