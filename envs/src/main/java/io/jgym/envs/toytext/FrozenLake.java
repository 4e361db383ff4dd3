package io.jgym.envs.toytext;

import io.jgym.contracts.EnvOptions;
import java.util.List;
import io.jgym.contracts.Frame;
import java.util.Optional;
import io.jgym.envs.render.GridRenderer;
import java.util.Map;

/**
 * Crossing a frozen lake from start (S) to goal (G) without falling into holes (H), step for step
 * as Gymnasium's {@code FrozenLakeEnv} (v1.2.3).
 *
 * <h2>Action space</h2>
 * {@code Discrete(4)}: 0 left, 1 down, 2 right, 3 up.
 *
 * <h2>Observation space</h2>
 * {@code Discrete(rows * cols)}: the agent's cell as {@code row * cols + col}.
 *
 * <h2>Reward</h2>
 * 1 for reaching the goal, 0 otherwise.
 *
 * <h2>Starting state</h2>
 * The S cell, drawn (with one {@code random()}) from the distribution over start cells.
 *
 * <h2>Episode end</h2>
 * Terminates on a hole or the goal. Truncation (100 steps for 4x4, 200 for 8x8) comes from the
 * registry's time limit.
 *
 * <h2>Options</h2>
 * {@code map_name} ("4x4" or "8x8"), {@code is_slippery} (default true: the intended move happens
 * with probability {@code success_rate}, default 1/3, and each perpendicular move with half the
 * rest). Every step draws one random number, deterministic or not, as Gymnasium's does. The info
 * dict carries the probability of the transition taken ({@code prob}).
 */
public final class FrozenLake extends TabularEnv {
    private static final Map<String, List<String>> MAPS = Map.of(
            "4x4", List.of("SFFF", "FHFH", "FFFH", "HFFG"),
            "8x8", List.of("SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF",
                    "FFFHFFFF", "FHHFFFHF", "FHFFHFHF", "FFFHFFFG"));
    private static final int ACTIONS = 4;
    private static final double DEFAULT_SUCCESS_RATE = 1.0 / 3.0;

    private final List<String> rows;

    /** A lake built from creation options; see the class comment for the options read. */
    public static FrozenLake create(String envId, EnvOptions options, String defaultMap) {
        String mapName = options.getString("map_name", defaultMap);
        boolean slippery = options.getBoolean("is_slippery", true);
        double successRate = options.getDouble("success_rate", DEFAULT_SUCCESS_RATE);
        options.requireAllUsed(envId);
        List<String> map = MAPS.get(mapName);
        if (map == null) {
            throw new IllegalArgumentException("option 'map_name' must be one of " + MAPS.keySet() + ", got '" + mapName + "'");
        }
        if (!(successRate >= 0 && successRate <= 1)) {
            throw new IllegalArgumentException("option 'success_rate' must be in [0, 1], got " + successRate);
        }
        return new FrozenLake(map, slippery, successRate);
    }

    private FrozenLake(List<String> rows, boolean slippery, double successRate) {
        super(initialDistribution(rows), dynamics(rows, slippery, successRate));
        this.rows = rows;
    }

    /** The table: shared by every lake of the two standard maps with the default slipperiness, built anew otherwise. */
    private static Dynamics dynamics(List<String> rows, boolean slippery, double successRate) {
        if (slippery && successRate == DEFAULT_SUCCESS_RATE) {
            if (rows == MAPS.get("4x4")) {
                return SharedDynamics.SLIPPERY_4X4;
            }
            if (rows == MAPS.get("8x8")) {
                return SharedDynamics.SLIPPERY_8X8;
            }
        }
        return new Dynamics(ACTIONS, table(rows, slippery, successRate));
    }

    /** The default lakes' tables, built once on first use. */
    private static final class SharedDynamics {
        static final Dynamics SLIPPERY_4X4 = new Dynamics(ACTIONS, table(MAPS.get("4x4"), true, DEFAULT_SUCCESS_RATE));
        static final Dynamics SLIPPERY_8X8 = new Dynamics(ACTIONS, table(MAPS.get("8x8"), true, DEFAULT_SUCCESS_RATE));
    }

    @Override
    public Optional<Frame> render() {
        return started() ? Optional.of(GridRenderer.frozenLake(rows, state())) : Optional.empty();
    }

    private static double[] initialDistribution(List<String> rows) {
        int ncol = rows.get(0).length();
        double[] out = new double[rows.size() * ncol];
        double starts = rows.stream().mapToLong(r -> r.chars().filter(c -> c == 'S').count()).sum();
        for (int s = 0; s < out.length; s++) {
            out[s] = rows.get(s / ncol).charAt(s % ncol) == 'S' ? 1.0 / starts : 0.0;
        }
        return out;
    }

    private static Transition[][][] table(List<String> rows, boolean slippery, double successRate) {
        int nrow = rows.size();
        int ncol = rows.get(0).length();
        double failRate = (1.0 - successRate) / 2.0;
        Transition[][][] table = new Transition[nrow * ncol][ACTIONS][];
        for (int row = 0; row < nrow; row++) {
            for (int col = 0; col < ncol; col++) {
                int s = row * ncol + col;
                char letter = rows.get(row).charAt(col);
                for (int a = 0; a < ACTIONS; a++) {
                    if (letter == 'G' || letter == 'H') {
                        table[s][a] = new Transition[] {new Transition(1.0, s, 0, true)};
                    } else if (slippery) {
                        int[] moves = {(a + 3) % 4, a, (a + 1) % 4};
                        table[s][a] = new Transition[3];
                        for (int i = 0; i < 3; i++) {
                            table[s][a][i] = move(rows, row, col, moves[i], moves[i] == a ? successRate : failRate);
                        }
                    } else {
                        table[s][a] = new Transition[] {move(rows, row, col, a, 1.0)};
                    }
                }
            }
        }
        return table;
    }

    private static Transition move(List<String> rows, int row, int col, int action, double probability) {
        int nrow = rows.size();
        int ncol = rows.get(0).length();
        switch (action) {
            case 0 -> col = Math.max(col - 1, 0);
            case 1 -> row = Math.min(row + 1, nrow - 1);
            case 2 -> col = Math.min(col + 1, ncol - 1);
            default -> row = Math.max(row - 1, 0);
        }
        char letter = rows.get(row).charAt(col);
        return new Transition(probability, row * ncol + col, letter == 'G' ? 1 : 0, letter == 'G' || letter == 'H');
    }
}
