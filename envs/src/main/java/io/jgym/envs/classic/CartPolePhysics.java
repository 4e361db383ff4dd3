package io.jgym.envs.classic;

import io.jgym.contracts.random.NumpyGenerator;

/**
 * The cart-pole dynamics of Gymnasium's {@code CartPoleEnv} (v1.2.3) over states kept in one
 * primitive array, so that the single {@link CartPole} and the structure-of-arrays vector CartPole
 * share one implementation. A state's four variables (x, x_dot, theta, theta_dot) sit at
 * {@code at}, {@code at + stride}, {@code at + 2 * stride} and {@code at + 3 * stride}: a single
 * env uses {@code (0, 1)}, N envs laid out as four arrays of N use {@code (i, N)}.
 */
public final class CartPolePhysics {
    /** Cart positions beyond +-2.4 end the episode. */
    public static final double X_THRESHOLD = 2.4;
    /** Pole angles beyond +-12 degrees end the episode. */
    public static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;

    private static final double GRAVITY = 9.8;
    private static final double MASS_CART = 1.0;
    private static final double MASS_POLE = 0.1;
    private static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    private static final double LENGTH = 0.5;
    private static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    private static final double FORCE_MAG = 10.0;
    private static final double TAU = 0.02;
    private static final double RESET_BOUND = 0.05;

    private CartPolePhysics() {
    }

    /** Draws a start state: the four variables uniform in [-0.05, 0.05), one {@code uniform} each, in order. */
    public static void reset(double[] s, int at, int stride, NumpyGenerator rng) {
        for (int k = 0; k < 4; k++) {
            s[at + k * stride] = rng.uniform(-RESET_BOUND, RESET_BOUND);
        }
    }

    /**
     * Advances one state by {@code tau} with explicit Euler in the order x, x_dot, theta, theta_dot,
     * every product in numpy's left-to-right order; returns whether the new state is terminal.
     */
    public static boolean step(double[] s, int at, int stride, boolean pushRight) {
        int ixDot = at + stride;
        int iTheta = ixDot + stride;
        int iThetaDot = iTheta + stride;
        double x = s[at];
        double xDot = s[ixDot];
        double theta = s[iTheta];
        double thetaDot = s[iThetaDot];
        double force = pushRight ? FORCE_MAG : -FORCE_MAG;
        double cosTheta = Math.cos(theta);
        double sinTheta = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sinTheta - cosTheta * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cosTheta * cosTheta) / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cosTheta / TOTAL_MASS;
        double newX = x + TAU * xDot;
        double newTheta = theta + TAU * thetaDot;
        s[at] = newX;
        s[ixDot] = xDot + TAU * xAcc;
        s[iTheta] = newTheta;
        s[iThetaDot] = thetaDot + TAU * thetaAcc;
        return newX < -X_THRESHOLD || newX > X_THRESHOLD || newTheta < -THETA_THRESHOLD || newTheta > THETA_THRESHOLD;
    }
}
