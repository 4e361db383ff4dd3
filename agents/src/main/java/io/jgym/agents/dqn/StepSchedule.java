package io.jgym.agents.dqn;

/**
 * A setting that follows the environment step: the exploration rate, and the learning rate when it
 * decays. A pure function of the step count, so a resumed run explores and learns exactly as the
 * interrupted one would have.
 */
public sealed interface StepSchedule {

    /** The schedule shapes a config can name. */
    enum Kind { EXPONENTIAL, LINEAR }

    /** The value at environment step {@code step} (0-based). */
    double value(long step);

    /** The schedule of the given kind; {@code decay} is a per-step factor or a fraction of {@code maxSteps}. */
    static StepSchedule of(Kind kind, double start, double end, double decay, long maxSteps) {
        return switch (kind) {
            case EXPONENTIAL -> new Exponential(start, end, decay);
            case LINEAR -> new Linear(start, end, Math.max(1, Math.round(decay * maxSteps)));
        };
    }

    /** {@code start * decay^step}, never below {@code end}: the course's schedule. */
    record Exponential(double start, double end, double decay) implements StepSchedule {
        @Override
        public double value(long step) {
            return Math.max(end, start * Math.pow(decay, step));
        }
    }

    /** {@code value} for the first {@code steps} steps, then {@code after} (counting its steps from there). */
    record Hold(double value, long steps, StepSchedule after) implements StepSchedule {
        @Override
        public double value(long step) {
            return step < steps ? value : after.value(step - steps);
        }
    }

    /** A straight line from {@code start} to {@code end} over {@code steps} steps, then {@code end}. */
    record Linear(double start, double end, long steps) implements StepSchedule {
        @Override
        public double value(long step) {
            if (step >= steps) {
                return end;
            }
            return start + (end - start) * step / steps;
        }
    }
}
