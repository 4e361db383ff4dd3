package io.jgym.envs.toytext;

import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.Frame;
import io.jgym.envs.render.GridRenderer;
import java.util.Optional;

/**
 * The cliff-walking gridworld of Sutton and Barto (Example 6.6), step for step as Gymnasium's
 * {@code CliffWalkingEnv}.
 *
 * <h2>Action space</h2>
 * {@code Discrete(4)}: 0 up, 1 right, 2 down, 3 left.
 *
 * <h2>Observation space</h2>
 * {@code Discrete(48)}: the cell {@code row * 12 + col} of a 4 x 12 grid.
 *
 * <h2>Reward</h2>
 * -1 per step; stepping into the cliff (row 3, columns 1 to 10) costs -100 and sends the agent
 * back to the start without ending the episode.
 *
 * <h2>Starting state</h2>
 * Cell 36 (row 3, column 0), drawn with one {@code random()} as Gymnasium does.
 *
 * <h2>Episode end</h2>
 * Terminates on reaching cell 47 (row 3, column 11). There is no time limit. v0 and v1 are the
 * same environment here (v1 only added Gymnasium's optional slippery variant, not supported).
 */
public final class CliffWalking extends TabularEnv {
    private static final int ROWS = 4;
    private static final int COLS = 12;
    private static final int START = 3 * COLS;
    private static final int[][] MOVES = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};

    /** The environment; it takes no options. */
    public static CliffWalking create(String envId, EnvOptions options) {
        options.requireAllUsed(envId);
        return new CliffWalking();
    }

    private CliffWalking() {
        super(initialDistribution(), SharedDynamics.DYNAMICS);
    }

    /** The table, built once on first use and shared by every instance. */
    private static final class SharedDynamics {
        static final Dynamics DYNAMICS = new Dynamics(MOVES.length, table());
    }

    @Override
    public Optional<Frame> render() {
        return started() ? Optional.of(GridRenderer.cliffWalking(state())) : Optional.empty();
    }

    private static double[] initialDistribution() {
        double[] out = new double[ROWS * COLS];
        out[START] = 1.0;
        return out;
    }

    static boolean isCliff(int row, int col) {
        return row == ROWS - 1 && col > 0 && col < COLS - 1;
    }

    private static Transition[][][] table() {
        Transition[][][] table = new Transition[ROWS * COLS][MOVES.length][];
        for (int s = 0; s < ROWS * COLS; s++) {
            for (int a = 0; a < MOVES.length; a++) {
                int row = Math.max(Math.min(s / COLS + MOVES[a][0], ROWS - 1), 0);
                int col = Math.max(Math.min(s % COLS + MOVES[a][1], COLS - 1), 0);
                Transition t = isCliff(row, col)
                        ? new Transition(1.0, START, -100, false)
                        : new Transition(1.0, row * COLS + col, -1, row == ROWS - 1 && col == COLS - 1);
                table[s][a] = new Transition[] {t};
            }
        }
        return table;
    }
}
