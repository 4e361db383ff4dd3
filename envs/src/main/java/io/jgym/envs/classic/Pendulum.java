package io.jgym.envs.classic;

import io.jgym.contracts.EnvOptions;
import io.jgym.contracts.Reset;
import io.jgym.contracts.SeededEnv;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Box;
import io.jgym.contracts.space.Space;
import io.jgym.contracts.space.Value;
import io.jgym.contracts.Frame;
import java.util.Optional;
import io.jgym.envs.render.ClassicControlRenderer;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The inverted pendulum swing-up, step for step as Gymnasium's {@code PendulumEnv} under numpy 1.x
 * (the float32 torque is widened to double before arithmetic; numpy 2 differs by up to 3e-4 in
 * the reward).
 *
 * <h2>Action space</h2>
 * {@code Box(1)} in [-2, 2]: the torque, clipped to that range.
 *
 * <h2>Observation space</h2>
 * {@code Box(3)} in float32: cos(theta), sin(theta) in [-1, 1] and angular velocity in [-8, 8].
 *
 * <h2>Dynamics</h2>
 * {@code thdot += (3 g / (2 l) sin(th) + 3 / (m l^2) u) dt}, clipped to [-8, 8]; {@code th +=
 * thdot dt}, with g = 10 (option {@code g}), m = l = 1, dt = 0.05. The state is double precision.
 *
 * <h2>Reward</h2>
 * {@code -(normalize(th)^2 + 0.1 thdot^2 + 0.001 u^2)}, computed from the state before the step.
 *
 * <h2>Starting state</h2>
 * theta uniform in [-pi, pi), angular velocity uniform in [-1, 1).
 *
 * <h2>Episode end</h2>
 * Never terminates; truncation at 200 steps comes from the registry's time limit.
 */
public final class Pendulum extends SeededEnv {
    private static final double MAX_SPEED = 8;
    private static final double MAX_TORQUE = 2.0;
    private static final double DT = 0.05;
    private static final double MASS = 1.0;
    private static final double LENGTH = 1.0;
    private static final Space ACTION_SPACE = new Box(new float[] {(float) -MAX_TORQUE}, new float[] {(float) MAX_TORQUE});
    private static final Space OBSERVATION_SPACE = new Box(
            new float[] {-1f, -1f, (float) -MAX_SPEED}, new float[] {1f, 1f, (float) MAX_SPEED});

    private final double gravity;
    private double theta;
    private double thetaDot;

    /** A pendulum built from creation options ({@code g}, default 10.0). */
    public static Pendulum create(String envId, EnvOptions options) {
        double g = options.getDouble("g", 10.0);
        options.requireAllUsed(envId);
        return new Pendulum(g);
    }

    private Pendulum(double gravity) {
        super(OBSERVATION_SPACE, ACTION_SPACE);
        this.gravity = gravity;
    }

    @Override
    public Reset reset(OptionalLong seed) {
        reseed(seed);
        theta = rng().uniform(-Math.PI, Math.PI);
        thetaDot = rng().uniform(-1.0, 1.0);
        return Reset.of(observation());
    }

    @Override
    public Step step(Value action) {
        checkStep(action);
        double u = Math.min(Math.max(((Value.Floats) action).values()[0], (float) -MAX_TORQUE), (float) MAX_TORQUE);
        double normalized = normalizeAngle(theta);
        double costs = normalized * normalized + 0.1 * (thetaDot * thetaDot) + 0.001 * (u * u);
        double newThetaDot = thetaDot + (3 * gravity / (2 * LENGTH) * Math.sin(theta) + 3.0 / (MASS * (LENGTH * LENGTH)) * u) * DT;
        newThetaDot = Math.min(Math.max(newThetaDot, -MAX_SPEED), MAX_SPEED);
        theta = theta + newThetaDot * DT;
        thetaDot = newThetaDot;
        return new Step(observation(), -costs, false, false, Map.of());
    }

    /** numpy's {@code ((x + pi) % (2 pi)) - pi}, with Python's sign rule for {@code %}. */
    static double normalizeAngle(double x) {
        double period = 2 * Math.PI;
        double m = (x + Math.PI) % period;
        if (m != 0 && (m < 0) != (period < 0)) {
            m += period;
        } else if (m == 0) {
            m = 0.0;
        }
        return m - Math.PI;
    }

    @Override
    public Optional<Frame> render() {
        return started() ? Optional.of(ClassicControlRenderer.pendulum(theta)) : Optional.empty();
    }

    private Value observation() {
        return Value.of((float) Math.cos(theta), (float) Math.sin(theta), (float) thetaDot);
    }
}
