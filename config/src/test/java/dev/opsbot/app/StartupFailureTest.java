package dev.opsbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad setting, as {@code OPSBOT_TIMEZONE=Mars/Base java -jar opsbot.jar} meets it: the real
 * main in a child process, which must print one line on stderr, nothing on stdout, and exit non-zero.
 */
class StartupFailureTest {

    @TempDir
    Path dir;

    private record Run(int exit, List<String> stdout, List<String> stderr) {
    }

    private Run start(Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OpsbotApplication.class.getName());
        for (String chat : List.of("SLACK_BOT_TOKEN", "DISCORD_TOKEN", "MONGODB_URI")) {
            pb.environment().remove(chat);
        }
        pb.environment().put("OPSBOT_DATA_DIR", dir.resolve("data").toString());
        pb.environment().putAll(env);
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        pb.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = pb.start();
        process.getOutputStream().close();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("opsbot did not exit within 90s");
        }
        return new Run(process.exitValue(), Files.readAllLines(out.toPath(), StandardCharsets.UTF_8),
                Files.readAllLines(err.toPath(), StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownTimeZoneStopsStartUpWithOneLine() throws Exception {
        Run run = start(Map.of("OPSBOT_TIMEZONE", "Mars/Base"));

        assertThat(run.exit()).isNotZero();
        assertThat(run.stderr()).containsExactly("opsbot cannot start: OPSBOT_TIMEZONE=Mars/Base is not usable; "
                + "expected a time zone such as UTC or Europe/London.");
        assertThat(run.stdout()).isEmpty();
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aMalformedDurationStopsStartUpWithOneLineNamingTheVariable() throws Exception {
        Run run = start(Map.of("OPSBOT_FOLLOWUP_REMINDEVERY", "soon"));

        assertThat(run.exit()).isNotZero();
        assertThat(run.stderr()).containsExactly("opsbot cannot start: OPSBOT_FOLLOWUP_REMINDEVERY=soon is not "
                + "usable; expected a duration such as 30m, 2h or 1d.");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aBareIncidentChannelWithTwoChatPlatformsStopsTheServerWithOneLine() throws Exception {
        Run run = start(Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", "secret",
                "DISCORD_TOKEN", "discord-test", "OPSBOT_INCIDENT_CHANNEL", "C042", "SERVER_PORT", "0"));

        assertThat(run.exit()).isNotZero();
        assertThat(run.stderr()).containsExactly("opsbot cannot start: OPSBOT_INCIDENT_CHANNEL=C042 is not usable; "
                + "expected comma-separated platform:id entries such as slack:C042 or discord:1234 (a bare id only "
                + "when exactly one chat platform is configured).");
        assertThat(run.stdout()).isEmpty();
    }
}
