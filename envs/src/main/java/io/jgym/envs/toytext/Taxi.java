package io.jgym.envs.toytext;

import io.jgym.contracts.EnvOptions;
import java.util.List;
import io.jgym.contracts.Frame;
import java.util.Optional;
import io.jgym.envs.render.GridRenderer;
import java.util.ArrayList;
import java.util.Map;

/**
 * The taxi problem of Dietterich (2000), step for step as Gymnasium's {@code TaxiEnv} (Taxi-v3).
 *
 * <h2>Action space</h2>
 * {@code Discrete(6)}: 0 south, 1 north, 2 east, 3 west, 4 pick up, 5 drop off.
 *
 * <h2>Observation space</h2>
 * {@code Discrete(500)}: {@code ((taxi_row * 5 + taxi_col) * 5 + passenger) * 4 + destination},
 * where passenger 0-3 is a depot (R, G, Y, B) and 4 means in the taxi.
 *
 * <h2>Reward</h2>
 * -1 per step, +20 for delivering the passenger, -10 for an illegal pick-up or drop-off.
 *
 * <h2>Starting state</h2>
 * Uniform over the 300 states with the passenger at a depot other than the destination (one
 * {@code random()} over the 500-state distribution, summed sequentially as numpy's cumsum does).
 *
 * <h2>Episode end</h2>
 * Terminates on delivery; truncation at 200 steps comes from the registry's time limit. The info
 * dict carries {@code prob} and the {@code action_mask} of actions that change the state.
 *
 * <h2>Options</h2>
 * {@code is_rainy} (moves succeed with probability 0.8 and slip sideways with 0.1 each) and
 * {@code fickle_passenger} (with probability 0.3 per episode the passenger changes destination
 * once the taxi first moves with them aboard), as in Gymnasium 1.2.
 */
public final class Taxi extends TabularEnv {
    private static final List<String> MAP = List.of(
            "+---------+",
            "|R: | : :G|",
            "| : | : : |",
            "| : : : : |",
            "| | : | : |",
            "|Y| : |B: |",
            "+---------+");
    private static final int[][] LOCS = {{0, 0}, {0, 4}, {4, 0}, {4, 3}};
    private static final int SIZE = 5;
    private static final int MAX = SIZE - 1;
    private static final int STATES = 500;
    private static final int ACTIONS = 6;
    private static final double FICKLE_PROBABILITY = 0.3;
    private static final List<int[]> WALLS = walls();

    private final boolean fickle;
    private boolean fickleStep;

    /** A taxi built from creation options ({@code is_rainy}, {@code fickle_passenger}). */
    public static Taxi create(String envId, EnvOptions options) {
        boolean rainy = options.getBoolean("is_rainy", false);
        boolean fickle = options.getBoolean("fickle_passenger", false);
        options.requireAllUsed(envId);
        return new Taxi(rainy, fickle);
    }

    private Taxi(boolean rainy, boolean fickle) {
        super(initialDistribution(), rainy ? SharedDynamics.RAINY : SharedDynamics.DRY);
        this.fickle = fickle;
    }

    /** The two tables, built once on first use and shared by every taxi. */
    private static final class SharedDynamics {
        static final Dynamics DRY = new Dynamics(ACTIONS, table(false));
        static final Dynamics RAINY = new Dynamics(ACTIONS, table(true));
    }

    /** Decodes a state into {taxi row, taxi col, passenger location, destination}. */
    public static int[] decode(int state) {
        int dest = state % 4;
        int i = state / 4;
        int pass = i % 5;
        i /= 5;
        return new int[] {i / 5, i % 5, pass, dest};
    }

    static int encode(int row, int col, int pass, int dest) {
        return ((row * 5 + col) * 5 + pass) * 4 + dest;
    }

    @Override
    public Optional<Frame> render() {
        if (!started()) {
            return Optional.empty();
        }
        int[] d = decode(state());
        return Optional.of(GridRenderer.taxi(d[0], d[1], d[2], d[3], LOCS, WALLS));
    }

    /** The walls between cells as {row, col} of the cell whose left side is blocked. */
    private static List<int[]> walls() {
        List<int[]> out = new ArrayList<>();
        for (int row = 0; row < SIZE; row++) {
            for (int col = 1; col < SIZE; col++) {
                if (wall(row, 2 * col)) {
                    out.add(new int[] {row, col});
                }
            }
        }
        return out;
    }

    private static double[] initialDistribution() {
        double[] counts = new double[STATES];
        double total = 0;
        for (int s = 0; s < STATES; s++) {
            int[] d = decode(s);
            if (d[2] < 4 && d[2] != d[3]) {
                counts[s] = 1;
                total++;
            }
        }
        for (int s = 0; s < STATES; s++) {
            counts[s] /= total;
        }
        return counts;
    }

    private static boolean wall(int row, int column) {
        return MAP.get(1 + row).charAt(column) != ':';
    }

    private static int depotAt(int row, int col) {
        for (int i = 0; i < LOCS.length; i++) {
            if (LOCS[i][0] == row && LOCS[i][1] == col) {
                return i;
            }
        }
        return -1;
    }

    private static Transition[][][] table(boolean rainy) {
        Transition[][][] table = new Transition[STATES][ACTIONS][];
        for (int s = 0; s < STATES; s++) {
            int[] d = decode(s);
            for (int a = 0; a < ACTIONS; a++) {
                table[s][a] = rainy ? rainyTransitions(d[0], d[1], d[2], d[3], a) : dryTransitions(d[0], d[1], d[2], d[3], a);
            }
        }
        return table;
    }

    /** Outcome of pick-up (4) or drop-off (5): {new passenger index, reward, terminated (0/1)}. */
    private static int[] service(int row, int col, int pass, int dest, int action) {
        int depot = depotAt(row, col);
        if (action == 4) {
            return pass < 4 && depot == pass ? new int[] {4, -1, 0} : new int[] {pass, -10, 0};
        }
        if (pass == 4 && depot == dest) {
            return new int[] {dest, 20, 1};
        }
        if (pass == 4 && depot >= 0) {
            return new int[] {depot, -1, 0};
        }
        return new int[] {pass, -10, 0};
    }

    private static Transition[] dryTransitions(int row, int col, int pass, int dest, int action) {
        int newRow = row;
        int newCol = col;
        int newPass = pass;
        int reward = -1;
        boolean terminated = false;
        switch (action) {
            case 0 -> newRow = Math.min(row + 1, MAX);
            case 1 -> newRow = Math.max(row - 1, 0);
            case 2 -> newCol = wall(row, 2 * col + 2) ? col : Math.min(col + 1, MAX);
            case 3 -> newCol = wall(row, 2 * col) ? col : Math.max(col - 1, 0);
            default -> {
                int[] r = service(row, col, pass, dest, action);
                newPass = r[0];
                reward = r[1];
                terminated = r[2] == 1;
            }
        }
        return new Transition[] {new Transition(1.0, encode(newRow, newCol, newPass, dest), reward, terminated)};
    }

    /** Gymnasium's {@code _calc_new_position}: the clamped move, or no move if the map cell is not ':'. */
    private static int[] sideways(int row, int col, int dr, int dc, int offset) {
        int newRow = Math.max(0, Math.min(row + dr, MAX));
        int newCol = Math.max(0, Math.min(col + dc, MAX));
        return wall(newRow, 2 * newCol + offset) ? new int[] {row, col} : new int[] {newRow, newCol};
    }

    private static Transition[] rainyTransitions(int row, int col, int pass, int dest, int action) {
        int[][][] moves = {
            {{1, 0}, {0, -1}, {0, 1}},
            {{-1, 0}, {0, -1}, {0, 1}},
            {{0, 1}, {1, 0}, {-1, 0}},
            {{0, -1}, {1, 0}, {-1, 0}},
        };
        if (action >= 4) {
            int[] r = service(row, col, pass, dest, action);
            return new Transition[] {new Transition(1.0, encode(row, col, r[0], dest), r[1], r[2] == 1)};
        }
        int[] intended = {row, col};
        int[] left = {row, col};
        int[] right = {row, col};
        boolean allowed = action <= 1 || (action == 2 && !wall(row, 2 * col + 2)) || (action == 3 && !wall(row, 2 * col));
        if (allowed) {
            intended = new int[] {Math.max(0, Math.min(row + moves[action][0][0], MAX)), Math.max(0, Math.min(col + moves[action][0][1], MAX))};
            left = sideways(row, col, moves[action][1][0], moves[action][1][1], 2);
            right = sideways(row, col, moves[action][2][0], moves[action][2][1], 0);
        }
        return new Transition[] {
            new Transition(0.8, encode(intended[0], intended[1], pass, dest), -1, false),
            new Transition(0.1, encode(left[0], left[1], pass, dest), -1, false),
            new Transition(0.1, encode(right[0], right[1], pass, dest), -1, false),
        };
    }

    /** Gymnasium's {@code action_mask}: 1 for each action that can change the state. */
    static int[] actionMask(int state) {
        int[] d = decode(state);
        int row = d[0];
        int col = d[1];
        int[] mask = new int[ACTIONS];
        mask[0] = row < MAX ? 1 : 0;
        mask[1] = row > 0 ? 1 : 0;
        mask[2] = col < MAX && !wall(row, 2 * col + 2) ? 1 : 0;
        mask[3] = col > 0 && !wall(row, 2 * col) ? 1 : 0;
        mask[4] = d[2] < 4 && depotAt(row, col) == d[2] ? 1 : 0;
        mask[5] = d[2] == 4 && depotAt(row, col) >= 0 ? 1 : 0;
        return mask;
    }

    @Override
    protected void afterReset() {
        fickleStep = fickle && rng().random() < FICKLE_PROBABILITY;
    }

    @Override
    protected int landing(int from, int drawn) {
        int[] before = decode(from);
        int[] after = decode(drawn);
        if (fickle && fickleStep && before[2] == 4 && (after[0] != before[0] || after[1] != before[1])) {
            fickleStep = false;
            int[] others = new int[3];
            int n = 0;
            for (int i = 0; i < LOCS.length; i++) {
                if (i != before[3]) {
                    others[n++] = i;
                }
            }
            return encode(after[0], after[1], after[2], others[rng().choice(others.length)]);
        }
        return drawn;
    }

    @Override
    protected Map<String, Object> resetInfo(int start) {
        return Map.of("prob", 1.0, "action_mask", actionMask(start));
    }

    @Override
    protected Map<String, Object> stepInfo(int reached, Transition t) {
        return Map.of("prob", t.probability(), "action_mask", actionMask(reached));
    }
}
