package io.jgym.sweeps.report;

import io.jgym.runs.RunStatus;
import io.jgym.sweeps.PlannedRun;

/**
 * One run of a sweep as the report lists it: what it was, how it ended, where and how long it ran,
 * and its score.
 *
 * @param run      the planned run
 * @param state    finished, stopped or failed
 * @param message  why it failed or did not score; empty otherwise
 * @param episodes episodes done
 * @param host     the machine that trained it
 * @param seconds  wall time of its execution (0 when it was found finished)
 * @param score    its metrics read back
 */
public record RunRow(PlannedRun run, RunStatus.State state, String message, long episodes, String host, double seconds, RunScore score) {

    /** Whether the run counts in the statistics: it finished and reported the metric. */
    public boolean scored() {
        return state == RunStatus.State.FINISHED && score.score().isPresent();
    }
}
