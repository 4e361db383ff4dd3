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
 * A two-link pendulum actuated at the middle joint that must swing its tip above a line (Sutton,
 * 1996), step for step as Gymnasium's {@code AcrobotEnv} with the book dynamics.
 *
 * <h2>Action space</h2>
 * {@code Discrete(3)}: torque -1, 0 or +1 on the middle joint.
 *
 * <h2>Observation space</h2>
 * {@code Box(6)} in float32: cos and sin of both joint angles (in [-1, 1]), angular velocity of
 * link 1 in [-4 pi, 4 pi] and of link 2 in [-9 pi, 9 pi].
 *
 * <h2>Dynamics</h2>
 * One fourth-order Runge-Kutta step of dt = 0.2 over the equations of motion, angles wrapped to
 * [-pi, pi] and velocities clipped. Every expression keeps numpy's evaluation order. The reset
 * state is rounded to float32 (as Gymnasium does); later states are double precision.
 *
 * <h2>Reward</h2>
 * -1 per step, 0 on the step that reaches the goal.
 *
 * <h2>Starting state</h2>
 * All four state variables uniform in [-0.1, 0.1), rounded to float32.
 *
 * <h2>Episode end</h2>
 * Terminates when {@code -cos(theta1) - cos(theta1 + theta2) > 1}; truncation at 500 steps comes
 * from the registry's time limit.
 */
public final class Acrobot extends SeededEnv {
    private static final double DT = 0.2;
    private static final double LINK_LENGTH_1 = 1.0;
    private static final double LINK_MASS_1 = 1.0;
    private static final double LINK_MASS_2 = 1.0;
    private static final double LINK_COM_POS_1 = 0.5;
    private static final double LINK_COM_POS_2 = 0.5;
    private static final double LINK_MOI = 1.0;
    private static final double GRAVITY = 9.8;
    private static final double MAX_VEL_1 = 4 * Math.PI;
    private static final double MAX_VEL_2 = 9 * Math.PI;
    private static final double[] TORQUES = {-1.0, 0.0, 1.0};
    private static final Space ACTION_SPACE = new Discrete(3);
    private static final Space OBSERVATION_SPACE = new Box(
            new float[] {-1f, -1f, -1f, -1f, (float) -MAX_VEL_1, (float) -MAX_VEL_2},
            new float[] {1f, 1f, 1f, 1f, (float) MAX_VEL_1, (float) MAX_VEL_2});

    private final double[] state = new double[4];

    /** The environment; it takes no options. */
    public static Acrobot create(String envId, EnvOptions options) {
        options.requireAllUsed(envId);
        return new Acrobot();
    }

    private Acrobot() {
        super(OBSERVATION_SPACE, ACTION_SPACE);
    }

    @Override
    public Reset reset(OptionalLong seed) {
        reseed(seed);
        for (int i = 0; i < 4; i++) {
            state[i] = (float) rng().uniform(-0.1, 0.1);
        }
        return Reset.of(observation());
    }

    @Override
    public Step step(Value action) {
        checkStep(action);
        double torque = TORQUES[(int) ((Value.Int) action).value()];
        double[] y0 = {state[0], state[1], state[2], state[3], torque};
        double[] ns = rk4(y0);
        state[0] = wrap(ns[0], -Math.PI, Math.PI);
        state[1] = wrap(ns[1], -Math.PI, Math.PI);
        state[2] = Math.min(Math.max(ns[2], -MAX_VEL_1), MAX_VEL_1);
        state[3] = Math.min(Math.max(ns[3], -MAX_VEL_2), MAX_VEL_2);
        boolean terminated = -Math.cos(state[0]) - Math.cos(state[1] + state[0]) > 1.0;
        return new Step(observation(), terminated ? 0.0 : -1.0, terminated, false, Map.of());
    }

    @Override
    public Optional<Frame> render() {
        return started() ? Optional.of(ClassicControlRenderer.acrobot(state[0], state[1])) : Optional.empty();
    }

    /** Gymnasium's {@code rk4} over one interval [0, dt], returning the first four components. */
    private static double[] rk4(double[] y0) {
        double dt2 = DT / 2.0;
        double[] k1 = dsdt(y0);
        double[] k2 = dsdt(add(y0, dt2, k1));
        double[] k3 = dsdt(add(y0, dt2, k2));
        double[] k4 = dsdt(add(y0, DT, k3));
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = y0[i] + DT / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return out;
    }

    private static double[] add(double[] y, double h, double[] k) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + h * k[i];
        }
        return out;
    }

    /** Gymnasium's {@code _dsdt} (book dynamics), term for term in numpy's order. */
    private static double[] dsdt(double[] s) {
        double m1 = LINK_MASS_1;
        double m2 = LINK_MASS_2;
        double l1 = LINK_LENGTH_1;
        double lc1 = LINK_COM_POS_1;
        double lc2 = LINK_COM_POS_2;
        double i1 = LINK_MOI;
        double i2 = LINK_MOI;
        double g = GRAVITY;
        double a = s[4];
        double theta1 = s[0];
        double theta2 = s[1];
        double dtheta1 = s[2];
        double dtheta2 = s[3];
        double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * Math.cos(theta2)) + i1 + i2;
        double d2 = m2 * (lc2 * lc2 + l1 * lc2 * Math.cos(theta2)) + i2;
        double phi2 = m2 * lc2 * g * Math.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * Math.sin(theta2)
                - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Math.sin(theta2)
                + (m1 * lc1 + m2 * l1) * g * Math.cos(theta1 - Math.PI / 2)
                + phi2;
        double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * Math.sin(theta2) - phi2)
                / (m2 * (lc2 * lc2) + i2 - (d2 * d2) / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        return new double[] {dtheta1, dtheta2, ddtheta1, ddtheta2, 0.0};
    }

    private static double wrap(double x, double m, double big) {
        double diff = big - m;
        while (x > big) {
            x = x - diff;
        }
        while (x < m) {
            x = x + diff;
        }
        return x;
    }

    /**
     * cos/sin of both angles and the velocities, in float32. On the float32 reset state numpy
     * evaluates cos/sin in float32; rounding the double result can differ from that by one ulp.
     */
    private Value observation() {
        return Value.of((float) Math.cos(state[0]), (float) Math.sin(state[0]),
                (float) Math.cos(state[1]), (float) Math.sin(state[1]), (float) state[2], (float) state[3]);
    }
}
