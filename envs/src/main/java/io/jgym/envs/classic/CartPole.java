package io.jgym.envs.classic;

import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.Reset;
import io.jgym.contracts.SeededEnv;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Box;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.Frame;
import java.util.Optional;
import io.jgym.envs.render.ClassicControlRenderer;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The cart-pole balancing task of Barto, Sutton and Anderson (1983), step for step as Gymnasium's
 * {@code CartPoleEnv} (v1.2.3).
 *
 * <h2>Action space</h2>
 * {@code Discrete(2)}: 0 pushes the cart left, 1 pushes it right, with a force of 10 N.
 *
 * <h2>Observation space</h2>
 * {@code Box(4)} in float32:
 * <pre>
 * | 0 | cart position         | -4.8    | 4.8    |
 * | 1 | cart velocity         | -inf    | inf    |
 * | 2 | pole angle (rad)      | -0.4189 | 0.4189 |
 * | 3 | pole angular velocity | -inf    | inf    |
 * </pre>
 * The state is kept in double precision and only the observation is rounded to float32, as in
 * Gymnasium; the dynamics ({@link CartPolePhysics}, shared with the vector CartPole) are explicit
 * Euler with {@code tau = 0.02} in the order x, x_dot, theta, theta_dot, with every product
 * evaluated in numpy's left-to-right order.
 *
 * <h2>Reward</h2>
 * +1 for every step, the terminating one included; 0 for a step taken after termination that
 * is still outside the bounds (Gymnasium warns about such steps).
 *
 * <h2>Starting state</h2>
 * All four state variables uniform in [-0.05, 0.05), drawn with one {@code uniform} call each.
 *
 * <h2>Episode end</h2>
 * Terminates when |x| > 2.4 or |theta| > 12 degrees. Truncation (200 steps for v0, 500 for v1)
 * comes from the registry's time limit.
 */
public final class CartPole extends SeededEnv {
    private static final Space ACTION_SPACE = new Discrete(2);
    private static final Space OBSERVATION_SPACE = new Box(
            new float[] {(float) -(CartPolePhysics.X_THRESHOLD * 2), Float.NEGATIVE_INFINITY, (float) -(CartPolePhysics.THETA_THRESHOLD * 2), Float.NEGATIVE_INFINITY},
            new float[] {(float) (CartPolePhysics.X_THRESHOLD * 2), Float.POSITIVE_INFINITY, (float) (CartPolePhysics.THETA_THRESHOLD * 2), Float.POSITIVE_INFINITY});

    private final double[] state = new double[4];
    private boolean terminatedBefore;

    /** The environment; it takes no options. */
    public static CartPole create(String envId, EnvOptions options) {
        options.requireAllUsed(envId);
        return new CartPole();
    }

    private CartPole() {
        super(OBSERVATION_SPACE, ACTION_SPACE);
    }

    @Override
    public Reset reset(OptionalLong seed) {
        reseed(seed);
        CartPolePhysics.reset(state, 0, 1, rng());
        terminatedBefore = false;
        return Reset.of(observation());
    }

    @Override
    public Step step(Value action) {
        checkStep(action);
        boolean terminated = CartPolePhysics.step(state, 0, 1, ((Value.Int) action).value() == 1);
        double reward = 1.0;
        if (terminated && terminatedBefore) {
            reward = 0.0;
        }
        terminatedBefore |= terminated;
        return new Step(observation(), reward, terminated, false, Map.of());
    }

    @Override
    public Optional<Frame> render() {
        return started() ? Optional.of(ClassicControlRenderer.cartPole(state[0], state[2], CartPolePhysics.X_THRESHOLD)) : Optional.empty();
    }

    /** The double-precision state (x, x_dot, theta, theta_dot), for parity checks. */
    public double[] state() {
        return state.clone();
    }

    /** Overwrites the state, for teacher-forced parity checks from a recorded state. */
    public void setState(double[] newState) {
        System.arraycopy(newState, 0, state, 0, state.length);
    }

    private Value observation() {
        return Value.of((float) state[0], (float) state[1], (float) state[2], (float) state[3]);
    }
}
