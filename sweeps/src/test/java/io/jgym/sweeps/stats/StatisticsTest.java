package io.jgym.sweeps.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the aggregates, the bootstrap and the profiles against values worked out by hand and by numpy/scipy. */
class StatisticsTest {
    private static final double EXACT = 1e-12;

    @Test
    void interquartileMeanDropsAQuarterAtEachEndAsScipyTrimMean() {
        // trim_mean(x, 0.25) cuts floor(n / 4) values at each end.
        assertEquals(4.5, Aggregate.IQM.of(Scores.of(8, 1, 7, 2, 6, 3, 5, 4)), EXACT);       // mean of 3..6
        assertEquals(3.0, Aggregate.IQM.of(Scores.of(100, 1, 2, 3, 4)), EXACT);              // n = 5: mean of 2, 3, 4
        assertEquals(2.0, Aggregate.IQM.of(Scores.of(1, 2, 3)), EXACT);                      // n = 3: nothing cut
        assertEquals(9.5, Aggregate.IQM.of(Scores.of(java.util.stream.IntStream.range(0, 20).asDoubleStream().toArray())), EXACT);
        // Over tasks, the IQM pools every run: 1, 2, 3, 10, 20, 30 -> cut one each end -> mean of 2, 3, 10, 20.
        assertEquals(8.75, Aggregate.IQM.of(new Scores(List.of(new double[] {1, 2, 3}, new double[] {10, 20, 30}))), EXACT);
    }

    @Test
    void meanIsTheMeanOfTaskMeansAndMedianPoolsRuns() {
        Scores uneven = new Scores(List.of(new double[] {1, 2, 3}, new double[] {10}));
        assertEquals(6.0, Aggregate.MEAN.of(uneven), EXACT);       // (2 + 10) / 2, as rliable's aggregate_mean
        assertEquals(2.5, Aggregate.MEDIAN.of(uneven), EXACT);     // median of 1, 2, 3, 10
        assertEquals(3.5, Aggregate.MEDIAN.of(Scores.of(3, 1, 4, 1, 5, 9, 2, 6, 5, 3)), EXACT);   // numpy.median
    }

    @Test
    void percentileInterpolatesAsNumpy() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1.075, StratifiedBootstrap.percentile(sorted, 0.025), EXACT);   // numpy.percentile([1,2,3,4], 2.5)
        assertEquals(3.925, StratifiedBootstrap.percentile(sorted, 0.975), EXACT);
        assertEquals(2.5, StratifiedBootstrap.percentile(sorted, 0.5), EXACT);
    }

    @Test
    void bootstrapIntervalOfTheMeanMatchesTheNormalApproximation() {
        // Scores 0..9: mean 4.5, population variance 8.25, so the bootstrap mean has sd sqrt(8.25 / 10) = 0.908
        // and its 95% percentile interval is close to 4.5 -+ 1.96 * 0.908 = [2.72, 6.28].
        Scores scores = Scores.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        Interval interval = new StratifiedBootstrap(50_000, 7, 0.95).interval(scores, Aggregate.MEAN::of);
        assertEquals(4.5, interval.estimate(), EXACT);
        assertEquals(2.72, interval.lower(), 0.1);
        assertEquals(6.28, interval.upper(), 0.1);
    }

    @Test
    void twoRunsGiveTheWholeRangeAndConstantRunsNoWidth() {
        // Resampled means of {0, 1}: 0 (p 1/4), 0.5 (1/2), 1 (1/4): the 2.5% and 97.5% points are 0 and 1.
        Interval two = new StratifiedBootstrap(10_000, 1, 0.95).interval(Scores.of(0, 1), Aggregate.MEAN::of);
        assertEquals(0.0, two.lower(), EXACT);
        assertEquals(1.0, two.upper(), EXACT);
        Interval constant = new StratifiedBootstrap(1_000, 1, 0.95).interval(Scores.of(3, 3, 3), Aggregate.IQM::of);
        assertEquals(new Interval(3, 3, 3), constant);
    }

    @Test
    void resamplingStaysWithinEachTask() {
        // Each task's runs agree, so every stratified resample has the same task means: no width. An
        // unstratified bootstrap of the pooled runs would mix 0s and 10s and give a wide interval.
        Scores scores = new Scores(List.of(new double[] {0, 0, 0}, new double[] {10, 10, 10}));
        Interval interval = new StratifiedBootstrap(5_000, 3, 0.95).interval(scores, Aggregate.MEAN::of);
        assertEquals(new Interval(5, 5, 5), interval);
    }

    @Test
    void sameSeedSameIntervalOtherSeedOtherDraws() {
        Scores scores = Scores.of(0.1, 0.5, 0.9, 0.3, 0.7);
        Interval first = new StratifiedBootstrap(2_000, 11, 0.95).interval(scores, Aggregate.IQM::of);
        assertEquals(first, new StratifiedBootstrap(2_000, 11, 0.95).interval(scores, Aggregate.IQM::of));
        Interval[] other = new StratifiedBootstrap(2_000, 12, 0.5).intervals(scores, s -> new double[] {Aggregate.MEAN.of(s)});
        assertNotEquals(first, other[0]);
    }

    @Test
    void performanceProfileCountsRunsStrictlyAboveEachThresholdAveragedOverTasks() {
        PerformanceProfile profile = new PerformanceProfile(new double[] {0, 1, 2, 3});
        Scores scores = new Scores(List.of(new double[] {1, 2, 3, 4}, new double[] {0, 3}));
        // task 1: above 0: 4/4, above 1: 3/4, above 2: 2/4, above 3: 1/4; task 2: 1/2, 1/2, 1/2, 0.
        assertArrayEquals(new double[] {0.75, 0.625, 0.5, 0.125}, profile.fractions(scores), EXACT);
        assertArrayEquals(new double[] {0, 0.5, 1}, PerformanceProfile.between(0, 1, 3).thresholds(), EXACT);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Scores(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Scores(List.of(new double[0])));
        assertThrows(IllegalArgumentException.class, () -> new StratifiedBootstrap(0, 1, 0.95));
        assertThrows(IllegalArgumentException.class, () -> new StratifiedBootstrap(10, 1, 1.0));
    }
}
