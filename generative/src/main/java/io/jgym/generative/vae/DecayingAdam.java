package io.jgym.generative.vae;

import java.util.Map;
import java.util.TreeMap;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The VAE's optimiser: Adam whose step size holds at the start rate for a fraction of the run's
 * minibatches and then falls in a straight line to the end rate, in {@value #STAIRS} stairs. The
 * rate is ND4J's {@link MapSchedule} over SameDiff's iteration count, which the saved graph keeps,
 * so a resumed run learns exactly as an uninterrupted one. A start rate equal to the end rate is
 * plain constant Adam.
 */
final class DecayingAdam {
    static final int STAIRS = 50;

    private DecayingAdam() {
    }

    /** Adam for a run of {@code iterations} minibatches under {@code config}'s rates. */
    static Adam of(ConvVaeSettings config, long iterations) {
        double start = config.learningRate();
        double end = config.learningRateEnd();
        if (start == end) {
            return new Adam(start);
        }
        long hold = Math.round(config.learningRateDecayFrom() * iterations);
        long falling = Math.max(1, iterations - hold);
        Map<Integer, Double> rates = new TreeMap<>();
        rates.put(0, start);
        for (int stair = 1; stair <= STAIRS; stair++) {
            long at = hold + falling * (stair - 1) / STAIRS;
            rates.put(Math.toIntExact(Math.max(1, at)), start + (end - start) * stair / STAIRS);
        }
        return new Adam(new MapSchedule(ScheduleType.ITERATION, rates));
    }
}
