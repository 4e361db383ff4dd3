package io.jgym.contracts.training;

/**
 * One metric a trainer declares up front: its name in reports and {@code metrics.csv} (CleanRL's
 * names where CleanRL has one, e.g. {@code losses/td_loss}), a short label and number format for
 * progress lines and tables, which direction is better, and two roles: a <em>loss</em> is watched
 * for divergence (a NaN or infinite value stops training with a hint), and a <em>timing</em> metric
 * (seconds, steps per second) differs between runs of the same seed, so reproducibility checks skip it.
 *
 * @param name   the key in {@link EpisodeReport#metrics()}
 * @param label  short label for progress lines and benchmark tables
 * @param format {@link String#format} pattern for one value
 * @param goal   whether higher or lower values are better, or neither
 * @param loss   watched for divergence
 * @param timing depends on the machine's speed, not only on the seed
 * @param shown  printed in progress lines and drawn in the learning curve
 */
public record Metric(String name, String label, String format, Goal goal, boolean loss, boolean timing, boolean shown) {

    /** Which values of a metric are better. */
    public enum Goal { HIGHER, LOWER, NONE }

    public Metric {
        if (name == null || name.isBlank() || name.contains(",")) {
            throw new IllegalArgumentException("a metric name must be non-blank without commas, got '" + name + "'");
        }
    }

    /** A training loss: lower is better, watched for divergence, shown. */
    public static Metric loss(String name, String label, String format) {
        return new Metric(name, label, format, Goal.LOWER, true, false, true);
    }

    /** A score where higher is better, shown. */
    public static Metric higher(String name, String label, String format) {
        return new Metric(name, label, format, Goal.HIGHER, false, false, true);
    }

    /** A score where lower is better, shown. */
    public static Metric lower(String name, String label, String format) {
        return new Metric(name, label, format, Goal.LOWER, false, false, true);
    }

    /** A value worth recording with no better direction (epsilon, episode length), shown. */
    public static Metric info(String name, String label, String format) {
        return new Metric(name, label, format, Goal.NONE, false, false, true);
    }

    /** A speed or duration: machine-dependent, shown. */
    public static Metric timing(String name, String label, String format) {
        return new Metric(name, label, format, Goal.NONE, false, true, true);
    }

    /** The same metric, recorded in {@code metrics.csv} but left out of progress lines and plots. */
    public Metric hidden() {
        return new Metric(name, label, format, goal, loss, timing, false);
    }
}
