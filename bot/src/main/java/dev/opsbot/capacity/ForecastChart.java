package dev.opsbot.capacity;

import dev.opsbot.chat.Reply;
import dev.opsbot.metrics.MetricSource.Point;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A forecast as a PNG: the history, the fitted trend with its band (the steep and gentle slopes
 * of the crossing range), the threshold line and the likely crossing marked. Drawn off screen
 * (headless), so it needs fonts but no display.
 */
public final class ForecastChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 420;
    private static final Color HISTORY = new Color(0x1f77b4);
    private static final Color TREND = new Color(0xd62728);
    private static final Color BAND = new Color(0xd62728, false);
    private static final Color THRESHOLD = new Color(0xff7f0e);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final ZoneId zone;

    public ForecastChart(ZoneId zone) {
        this.zone = zone;
    }

    public Reply.Image image(WatchForecast wf) {
        return new Reply.Image(wf.watch().name() + ".png", altText(wf), png(wf));
    }

    byte[] png(WatchForecast wf) {
        JFreeChart chart = chart(wf);
        BufferedImage image = chart.createBufferedImage(WIDTH, HEIGHT);
        try {
            return ChartUtils.encodeAsPNG(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JFreeChart chart(WatchForecast wf) {
        Unit unit = wf.watch().unit();
        XYSeries history = new XYSeries("usage", false, true);
        for (Point p : wf.history()) {
            if (Double.isFinite(p.value())) {
                history.add(p.at().toEpochMilli(), p.value() / unit.divisor());
            }
        }
        DateAxis time = new DateAxis();
        time.setTimeZone(TimeZone.getTimeZone(zone));
        NumberAxis value = new NumberAxis(unit.label());
        value.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(new XYSeriesCollection(history), time, value, line(HISTORY, 1.2f));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));

        Trend trend = wf.forecast().trend();
        if (trend != null) {
            Instant end = endOf(wf);
            plot.setDataset(1, band(wf, trend, end));
            DeviationRenderer renderer = new DeviationRenderer(true, false);
            renderer.setSeriesPaint(0, TREND);
            renderer.setSeriesFillPaint(0, BAND);
            renderer.setSeriesStroke(0, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    new float[] {8f, 5f}, 0f));
            renderer.setAlpha(0.18f);
            plot.setRenderer(1, renderer);
        }
        ValueMarker threshold = new ValueMarker(wf.thresholdValue() / unit.divisor(), THRESHOLD, new BasicStroke(2f));
        threshold.setLabel("threshold " + wf.watch().thresholdText() + " (" + unit.show(wf.thresholdValue()) + ")");
        threshold.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        threshold.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        threshold.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        plot.addRangeMarker(threshold, Layer.FOREGROUND);
        value.setUpperBound(Math.max(value.getUpperBound(), wf.thresholdValue() / unit.divisor() * 1.08));
        if (wf.forecast().outlook() instanceof Forecast.Crossing c) {
            ValueMarker crossing = new ValueMarker(c.likely().toEpochMilli(), TREND, new BasicStroke(1.5f));
            crossing.setLabel(new ForecastText(zone).day(c.likely(), wf.now()));
            crossing.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            crossing.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            crossing.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            plot.addDomainMarker(crossing, Layer.FOREGROUND);
        }
        JFreeChart chart = new JFreeChart(new ForecastText(zone).outlook(wf),
                new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    /** The trend line from the first peak to a little past the crossing (or to the limit), with its band. */
    private static YIntervalSeriesCollection band(WatchForecast wf, Trend trend, Instant end) {
        YIntervalSeries series = new YIntervalSeries("trend");
        double divisor = wf.watch().unit().divisor();
        double steep = Math.max(trend.medianSlope(), trend.squaresSlope()) + 2 * trend.slopeError();
        double gentle = Math.min(trend.medianSlope(), trend.squaresSlope()) - 2 * trend.slopeError();
        Instant lastPeak = trend.lastPeakAt();
        double anchor = trend.at(lastPeak);
        int steps = 60;
        Instant start = trend.origin();
        long span = end.toEpochMilli() - start.toEpochMilli();
        for (int i = 0; i <= steps; i++) {
            Instant at = Instant.ofEpochMilli(start.toEpochMilli() + span * i / steps);
            double mid = trend.at(at);
            double ahead = Math.max(0, Trend.daysBetween(lastPeak, at));
            double hi = ahead == 0 ? mid : anchor + steep * ahead;
            double lo = ahead == 0 ? mid : anchor + gentle * ahead;
            series.add(at.toEpochMilli(), mid / divisor, Math.min(lo, hi) / divisor, Math.max(lo, hi) / divisor);
        }
        YIntervalSeriesCollection out = new YIntervalSeriesCollection();
        out.addSeries(series);
        return out;
    }

    private static Instant endOf(WatchForecast wf) {
        if (wf.forecast().outlook() instanceof Forecast.Crossing c) {
            Instant after = c.likely().plus(java.time.Duration.between(wf.now(), c.likely()).dividedBy(5));
            return c.latest() != null && c.latest().isAfter(after) ? c.latest() : after;
        }
        if (wf.forecast().outlook() instanceof Forecast.NotWithinHorizon n) {
            return n.limit();
        }
        return wf.now();
    }

    private static XYLineAndShapeRenderer line(Color color, float width) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, new BasicStroke(width));
        return renderer;
    }

    private String altText(WatchForecast wf) {
        return "Chart of " + wf.watch().name() + ": " + new ForecastText(zone).outlook(wf);
    }
}
