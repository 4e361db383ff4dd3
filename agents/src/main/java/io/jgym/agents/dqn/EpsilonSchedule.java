package io.jgym.agents.dqn;

/**
 * The exploration rate as a function of the environment step. A pure function of the step count,
 * so a resumed run explores exactly as the interrupted one would have.
 */
public sealed interface EpsilonSchedule {

    /** The schedule shapes a config can name. */
    enum Kind { EXPONENTIAL, LINEAR }

    /** Probability of a random action at environment step {@code step} (0-based). */
    double value(long step);

    /** The schedule of the given kind; {@code decay} is a per-step factor or a fraction of {@code maxSteps}. */
    static EpsilonSchedule of(Kind kind, double start, double end, double decay, long maxSteps) {
        return switch (kind) {
            case EXPONENTIAL -> new Exponential(start, end, decay);
            case LINEAR -> new Linear(start, end, Math.max(1, Math.round(decay * maxSteps)));
        };
    }

    /** {@code start * decay^step}, never below {@code end}: the course's schedule. */
    record Exponential(double start, double end, double decay) implements EpsilonSchedule {
        @Override
        public double value(long step) {
            return Math.max(end, start * Math.pow(decay, step));
        }
    }

    /** A straight line from {@code start} to {@code end} over {@code steps} steps, then {@code end}. */
    record Linear(double start, double end, long steps) implements EpsilonSchedule {
        @Override
        public double value(long step) {
            if (step >= steps) {
                return end;
            }
            return start + (end - start) * step / steps;
        }
    }
}
