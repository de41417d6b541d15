package dev.opsbot.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsbot.chat.Actor;
import dev.opsbot.chat.Reply;
import dev.opsbot.metrics.MetricSource.Point;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The chart is a PNG that shows the history, the trend, the threshold and the crossing. */
class ForecastChartTest {

    private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");
    private static final double GIB = 1024d * 1024 * 1024;

    static WatchForecast filling() {
        Random random = new Random(3);
        double[] wobble = random.doubles(28, -12, 12).toArray();
        List<Point> points = new ArrayList<>();
        Instant start = NOW.minus(Duration.ofDays(28));
        for (int h = 0; h < 28 * 24; h++) {
            double days = h / 24.0;
            points.add(new Point(start.plus(Duration.ofHours(h)), (400 + 10 * days + wobble[h / 24] + random.nextDouble() * 8) * GIB));
        }
        Watch watch = new Watch("disk-data", "disk_used_bytes", String.valueOf(1000 * GIB), 0.85, Unit.parse("GiB"),
                null, null, Actor.console("alice"), NOW);
        Forecast f = Forecast.of(points, 850 * GIB, NOW, Duration.ofDays(90), ZoneOffset.UTC);
        return new WatchForecast(watch, 1000 * GIB, points, f, NOW, Duration.ofDays(28));
    }

    @Test
    void aForecastIsDrawnWithHistoryTrendThresholdAndCrossing() throws Exception {
        Reply.Image image = new ForecastChart(ZoneOffset.UTC).image(filling());
        Path out = Path.of("target", "charts");
        Files.createDirectories(out);
        Files.write(out.resolve(image.fileName()), image.png());

        assertThat(image.fileName()).isEqualTo("disk-data.png");
        assertThat(image.altText()).startsWith("Chart of disk-data: disk-data crosses 85% between");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));
        assertThat(png.getWidth()).isEqualTo(ForecastChart.WIDTH);
        assertThat(png.getHeight()).isEqualTo(ForecastChart.HEIGHT);
        assertThat(countNear(png, 0x1f77b4)).as("history line pixels").isGreaterThan(300);
        assertThat(countNear(png, 0xd62728)).as("trend and crossing pixels").isGreaterThan(300);
        assertThat(countNear(png, 0xff7f0e)).as("threshold line pixels").isGreaterThan(300);
    }

    private static int countNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int p = image.getRGB(x, y) & 0xffffff;
                if (Math.abs((p >> 16) - (rgb >> 16)) < 12 && Math.abs((p >> 8 & 0xff) - (rgb >> 8 & 0xff)) < 12
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 12) {
                    count++;
                }
            }
        }
        return count;
    }
}
