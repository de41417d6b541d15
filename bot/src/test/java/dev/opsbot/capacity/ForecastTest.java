package dev.opsbot.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.opsbot.capacity.Forecast.Crossing;
import dev.opsbot.capacity.Forecast.Direction;
import dev.opsbot.capacity.Forecast.Doubt;
import dev.opsbot.capacity.Forecast.NotEnoughHistory;
import dev.opsbot.capacity.Forecast.NotWithinHorizon;
import dev.opsbot.metrics.MetricSource.Point;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The forecasting maths on series whose answers are known. */
class ForecastTest {

    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = START.plus(Duration.ofDays(28));
    private static final Duration HORIZON = Duration.ofDays(90);

    /** Hourly samples over 28 days of {@code usage(days since START)}. */
    private static List<Point> hourly(DoubleUnaryOperator usage) {
        List<Point> points = new ArrayList<>();
        for (int h = 0; h < 28 * 24; h++) {
            points.add(new Point(START.plus(Duration.ofHours(h)), usage.applyAsDouble(h / 24.0)));
        }
        return points;
    }

    private static Forecast forecast(List<Point> history, double threshold) {
        return Forecast.of(history, threshold, NOW, HORIZON, ZoneOffset.UTC);
    }

    private static double daysFromStart(Instant at) {
        return Duration.between(START, at).toSeconds() / 86_400.0;
    }

    @Test
    void aStraightLineCrossesExactlyWhereItsEquationSays() {
        // 400 + 10/day reaches 850 at day 45
        Forecast f = forecast(hourly(d -> 400 + 10 * d), 850);

        assertThat(f.outlook()).isInstanceOf(Crossing.class);
        Crossing c = (Crossing) f.outlook();
        assertThat(daysFromStart(c.likely())).isCloseTo(45.0, within(0.01));
        assertThat(daysFromStart(c.earliest())).isCloseTo(45.0, within(0.01));
        assertThat(daysFromStart(c.latest())).isCloseTo(45.0, within(0.01));
        assertThat(f.slopePerDay()).isCloseTo(10.0, within(1e-9));
        assertThat(f.trend().rSquared()).isCloseTo(1.0, within(1e-9));
        assertThat(f.doubts()).isEmpty();
        assertThat(f.peaks()).hasSize(28);
    }

    @Test
    void aNoisyLineCrossesWhenItsPeaksReachTheThresholdWithARangeAroundIt() {
        Random random = new Random(14);
        // 10/day with up to ±30 of noise on every sample: the peaks run about 28 above the line, so
        // the threshold is first touched near day (850 - 400 - 28) / 10 = 42.2, not at day 45.
        Forecast f = forecast(hourly(d -> 400 + 10 * d + (random.nextDouble() - 0.5) * 60), 850);

        Crossing c = (Crossing) f.outlook();
        assertThat(daysFromStart(c.likely())).isCloseTo(42.2, within(1.0));
        assertThat(c.earliest()).isBefore(c.likely());
        assertThat(c.latest()).isAfter(c.likely());
        assertThat(daysFromStart(c.earliest())).isGreaterThan(39);
        assertThat(daysFromStart(c.latest())).isLessThan(46);
        assertThat(f.slopePerDay()).isCloseTo(10.0, within(0.6));
        assertThat(f.doubts()).isEmpty();
    }

    @Test
    void aDailyCycleOnAFlatBaselineIsNotATrend() {
        Forecast f = forecast(hourly(d -> 500 + 200 * Math.sin(2 * Math.PI * d)), 850);

        assertThat(f.outlook()).isEqualTo(new NotWithinHorizon(NOW.plus(Duration.ofDays(56)), Direction.FLAT));
        assertThat(f.slopePerDay()).isCloseTo(0.0, within(0.01));
    }

    @Test
    void aStepChangeIsFlaggedAsLowConfidence() {
        // flat at 300 for 21 days, then jumps to 600 and stays
        Forecast f = forecast(hourly(d -> d < 21 ? 300 : 600), 850);

        assertThat(f.doubts()).contains(Doubt.CHANGED_TREND);
        assertThat(f.lowConfidence()).isTrue();
    }

    @Test
    void aFlatSeriesWillNotCross() {
        Forecast f = forecast(hourly(d -> 500), 850);

        assertThat(f.outlook()).isInstanceOf(NotWithinHorizon.class);
        assertThat(((NotWithinHorizon) f.outlook()).direction()).isEqualTo(Direction.FLAT);
        assertThat(f.doubts()).isEmpty();
        assertThat(f.trend().rSquared()).isEqualTo(1.0);
    }

    @Test
    void aFallingSeriesWillNotCross() {
        Forecast f = forecast(hourly(d -> 800 - 5 * d), 850);
        assertThat(((NotWithinHorizon) f.outlook()).direction()).isEqualTo(Direction.FALLING);
    }

    @Test
    void gapsLeaveTheSlopeAndTheDateAlone() {
        List<Point> withGaps = hourly(d -> 400 + 10 * d).stream()
                .filter(p -> {
                    double d = daysFromStart(p.at());
                    return !(d >= 5 && d < 9) && !(d >= 17 && d < 20);
                }).toList();
        Forecast f = forecast(withGaps, 850);

        assertThat(f.peaks()).hasSize(21);
        assertThat(f.slopePerDay()).isCloseTo(10.0, within(1e-9));
        assertThat(daysFromStart(((Crossing) f.outlook()).likely())).isCloseTo(45.0, within(0.01));
    }

    @Test
    void fewerThanSevenDaysIsNotEnoughHistory() {
        List<Point> shortHistory = hourly(d -> 400 + 10 * d).stream()
                .filter(p -> p.at().isAfter(NOW.minus(Duration.ofDays(5)))).toList();
        assertThat(forecast(shortHistory, 850).outlook()).isEqualTo(new NotEnoughHistory(5));
    }

    @Test
    void nothingIsProjectedBeyondTwiceTheHistory() {
        // ten days of history climbing 1/day from 500: the crossing at day ~350 is far past 20 days out
        List<Point> tenDays = hourly(d -> 500 + d).stream()
                .filter(p -> !p.at().isBefore(NOW.minus(Duration.ofDays(10)))).toList();
        Forecast f = forecast(tenDays, 850);

        NotWithinHorizon out = (NotWithinHorizon) f.outlook();
        assertThat(out.limit()).isEqualTo(NOW.plus(Duration.ofDays(20)));
        assertThat(out.direction()).isEqualTo(Direction.RISING);
    }

    @Test
    void aCrossingPastTheHorizonIsNotWithinIt() {
        Forecast f = Forecast.of(hourly(d -> 400 + 10 * d), 850, NOW, Duration.ofDays(7), ZoneOffset.UTC);
        assertThat(f.outlook()).isEqualTo(new NotWithinHorizon(NOW.plus(Duration.ofDays(7)), Direction.RISING));
    }

    @Test
    void usageAlreadyOverTheThresholdSaysSo() {
        assertThat(forecast(hourly(d -> 900), 850).outlook()).isInstanceOf(Forecast.AlreadyOver.class);
    }

    @Test
    void aRiseThatALineFitsBadlyIsLowConfidence() {
        Random random = new Random(7);
        double[] dayOffset = random.doubles(28, -100, 100).toArray();
        // 2/day under a day-to-day wobble of ±100: R² near 0.1
        Forecast f = forecast(hourly(d -> 400 + 2 * d + dayOffset[(int) d]), 850);

        assertThat(f.trend().rSquared()).isLessThan(Forecast.LOWEST_R_SQUARED);
        assertThat(f.doubts()).contains(Doubt.POOR_FIT);
    }

    @Test
    void aStepChangeIsNotTakenForASteadyClimb() {
        Forecast f = forecast(hourly(d -> d < 21 ? 300 : 600), 850);
        assertThat(f.trend().squaresSlope()).isGreaterThan(5);
        assertThat(f.slopePerDay()).isZero();
    }
}
