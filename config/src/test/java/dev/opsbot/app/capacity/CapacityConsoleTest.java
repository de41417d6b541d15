package dev.opsbot.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.app.ConsoleMode;
import dev.opsbot.app.OpsbotApplication;
import dev.opsbot.testing.RealPrometheus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as a new user runs it: the console with OPSBOT_PROMETHEUS_URL pointing at a
 * real Prometheus over known history. The forecast's likely date is within two days of the true
 * crossing (17 days after the last sample) and its chart is a PNG under OPSBOT_DATA_DIR/charts/.
 */
class CapacityConsoleTest {

    @TempDir
    Path dir;

    @Test
    void theConsoleForecastsFromPrometheusAndWritesTheChart() throws Exception {
        try (RealPrometheus prometheus = RealPrometheus.start(dir.resolve("prometheus"), RealPrometheus.capacityHistory())) {
            Path data = dir.resolve("data");
            String script = """
                    /capacity watch add disk --query 'disk_used_bytes{mount="/data"}' --max 'disk_size_bytes{mount="/data"}' --threshold 85% --unit GiB
                    /capacity watch add queue --query queue_depth --max 1000
                    /capacity watch add new --query 'disk_used_bytes{mount="/new"}' --max 107374182400 --unit GiB
                    /capacity watch add tiny --query 'disk_used_bytes{mount="/new"}' --max 100
                    /capacity forecast disk
                    /capacity forecast queue
                    /capacity forecast new
                    /capacity watch add nope --query 'rate(x[5m' --max 1
                    """;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Integer exit = OpsbotApplication.run(new String[] {"--opsbot.data-dir=" + data,
                    "--opsbot.prometheus.url=" + prometheus.url()}, new ConsoleMode.Terminal(
                    new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(printed, true, StandardCharsets.UTF_8), false, "tester"), Map.of());
            String out = printed.toString(StandardCharsets.UTF_8);

            assertThat(exit).isZero();
            // "on Dec 16." when the range is one day, else "between … (most likely Dec 16)."
            Matcher likely = Pattern.compile("disk crosses 85% (?:on |between .*most likely )(\\w{3} \\d{1,2})")
                    .matcher(out);
            assertThat(likely.find()).as(out).isTrue();
            LocalDate truth = LocalDate.ofInstant(prometheus.end().plus(java.time.Duration.ofDays(17)), ZoneOffset.UTC);
            LocalDate said = LocalDate.parse(likely.group(1) + " " + truth.getYear(),
                    DateTimeFormatter.ofPattern("MMM d yyyy", Locale.ENGLISH));
            if (said.isBefore(truth.minusMonths(6))) {
                said = said.plusYears(1);
            }
            assertThat(Math.abs(said.toEpochDay() - truth.toEpochDay())).as(out).isLessThanOrEqualTo(2);
            assertThat(out).contains("queue will not cross 85%", "usage is flat")
                    .contains("Not enough history to forecast new (")
                    .contains("--query: Prometheus refused the query:", "Usage: /capacity watch")
                    .contains("--max: the usage now (", "is above the maximum (100)");

            Matcher chart = Pattern.compile("Chart: (\\S+disk\\.png)").matcher(out);
            assertThat(chart.find()).as(out).isTrue();
            Path png = Path.of(chart.group(1));
            assertThat(png).startsWith(data.resolve("charts").toAbsolutePath().normalize());
            BufferedImage image = ImageIO.read(Files.newInputStream(png));
            assertThat(image.getWidth()).isGreaterThan(600);
            Files.copy(png, Path.of("target", "console-forecast.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
