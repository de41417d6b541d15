package dev.opsbot.app;

import dev.opsbot.Retention;
import dev.opsbot.chat.ChannelRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings read from the environment: {@code OPSBOT_DATA_DIR}, {@code OPSBOT_INCIDENT_CHANNEL},
 * {@code OPSBOT_TIMEZONE} (Spring maps each env var onto the matching {@code opsbot.*} property).
 *
 * @param dataDir          where the embedded store keeps its file when no MONGODB_URI is set
 * @param incidentChannel  where declarations are announced: comma-separated {@code platform:id}
 *                         such as {@code slack:C042,discord:1234}; a bare name means a console channel
 * @param timezone         the team's zone for display and schedules
 * @param archiveAfter     how long a resolved or closed incident stays in the working set after its
 *                         last change before the nightly retention moves it to the archive
 *                         ({@code OPSBOT_ARCHIVE_AFTER}, default 7d, at least 1d)
 */
@ConfigurationProperties(prefix = "opsbot")
public record OpsbotSettings(String dataDir, String incidentChannel, String timezone, Duration archiveAfter) {

    public OpsbotSettings {
        dataDir = blankTo(dataDir, "./data");
        incidentChannel = blankTo(incidentChannel, "console:incidents");
        timezone = blankTo(timezone, "UTC");
        archiveAfter = archiveAfter == null ? Retention.DEFAULT_ARCHIVE_AFTER : archiveAfter;
        if (archiveAfter.compareTo(Retention.SHORTEST_ARCHIVE_AFTER) < 0) {
            throw new IllegalArgumentException("OPSBOT_ARCHIVE_AFTER is " + archiveAfter.toHours()
                    + "h; incidents are archived after 1d at the soonest, e.g. 7d.");
        }
    }

    public Path dataPath() {
        return Path.of(dataDir);
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public List<ChannelRef> incidentChannels() {
        List<ChannelRef> channels = new ArrayList<>();
        for (String part : incidentChannel.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            channels.add(ChannelRef.parseKey(p).orElseGet(() -> ChannelRef.console(p.replaceFirst("^#", ""))));
        }
        return channels;
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
