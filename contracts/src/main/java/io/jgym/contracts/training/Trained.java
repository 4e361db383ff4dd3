package io.jgym.contracts.training;

/**
 * What {@link Trainer#train} returns: the trained model, where it came from, and why training ended.
 *
 * @param model      the policy or sampler as training left it
 * @param provenance trainer, config, seed and versions; also saved inside every checkpoint
 * @param outcome    whether the budget was spent, the trainer stopped early, or a stop was requested
 * @param episodes   episodes (or epochs) done, all sessions of a resumed run included
 */
public record Trained<M>(M model, Provenance provenance, Outcome outcome, long episodes) {

    /** Why training ended. */
    public enum Outcome {
        /** The budget (steps, episodes, epochs) was spent. */
        FINISHED,
        /** The trainer's own stopping rule was met first (a DQN solved its environment). */
        STOPPED_EARLY,
        /** A stop was requested (Ctrl-C, SIGTERM, a server's stop); the run can be resumed. */
        CANCELLED
    }
}
