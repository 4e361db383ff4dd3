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
 * Mountain car with a continuous throttle, step for step as Gymnasium's
 * {@code Continuous_MountainCarEnv} under numpy 1.x (float32 values widened to double before
 * arithmetic; numpy 2 keeps some products in float32 and differs by up to 1e-6).
 *
 * <h2>Action space</h2>
 * {@code Box(1)} in [-1, 1]: the force, clipped to that range for the dynamics.
 *
 * <h2>Observation space</h2>
 * {@code Box(2)} in float32: position in [-1.2, 0.6], velocity in [-0.07, 0.07].
 *
 * <h2>Dynamics</h2>
 * {@code velocity += force * 0.0015 - 0.0025 * cos(3 * position)}, clipped; {@code position +=
 * velocity}, clipped, velocity zeroed at the left wall. The state is stored in float32 after every
 * step (the observation is that state); the reset state is double until the first step.
 *
 * <h2>Reward</h2>
 * {@code -0.1 * action^2} per step (the unclipped action), plus 100 on reaching the goal.
 *
 * <h2>Starting state</h2>
 * Position uniform in [-0.6, -0.4), velocity 0.
 *
 * <h2>Episode end</h2>
 * Terminates when position >= 0.45 and velocity >= {@code goal_velocity} (default 0); truncation
 * at 999 steps comes from the registry's time limit.
 */
public final class MountainCarContinuous extends SeededEnv {
    private static final double GOAL_POSITION = 0.45;
    private static final double POWER = 0.0015;
    private static final double GRAVITY = 0.0025;
    private static final double MIN_ACTION = -1.0;
    private static final double MAX_ACTION = 1.0;
    private static final double GOAL_REWARD = 100.0;
    private static final double ACTION_COST = 0.1;
    private static final Space ACTION_SPACE = new Box(new float[] {(float) MIN_ACTION}, new float[] {(float) MAX_ACTION});
    private static final Space OBSERVATION_SPACE = new Box(
            new float[] {(float) MountainCar.MIN_POSITION, (float) -MountainCar.MAX_SPEED},
            new float[] {(float) MountainCar.MAX_POSITION, (float) MountainCar.MAX_SPEED});

    private final double goalVelocity;
    private double position;
    private double velocity;

    /** A car built from creation options ({@code goal_velocity}). */
    public static MountainCarContinuous create(String envId, EnvOptions options) {
        double goalVelocity = options.getDouble("goal_velocity", 0);
        options.requireAllUsed(envId);
        return new MountainCarContinuous(goalVelocity);
    }

    private MountainCarContinuous(double goalVelocity) {
        super(OBSERVATION_SPACE, ACTION_SPACE);
        this.goalVelocity = goalVelocity;
    }

    @Override
    public Reset reset(OptionalLong seed) {
        reseed(seed);
        position = rng().uniform(-0.6, -0.4);
        velocity = 0;
        return Reset.of(Value.of((float) position, (float) velocity));
    }

    @Override
    public Step step(Value action) {
        checkStep(action);
        double a = ((Value.Floats) action).values()[0];
        double force = Math.min(Math.max(a, MIN_ACTION), MAX_ACTION);
        double v = velocity + (force * POWER - GRAVITY * Math.cos(3 * position));
        v = Math.min(Math.max(v, -MountainCar.MAX_SPEED), MountainCar.MAX_SPEED);
        double p = position + v;
        p = Math.min(Math.max(p, MountainCar.MIN_POSITION), MountainCar.MAX_POSITION);
        if (p == MountainCar.MIN_POSITION && v < 0) {
            v = 0;
        }
        boolean terminated = p >= GOAL_POSITION && v >= goalVelocity;
        double reward = (terminated ? GOAL_REWARD : 0) - a * a * ACTION_COST;
        position = (float) p;
        velocity = (float) v;
        return new Step(Value.of((float) position, (float) velocity), reward, terminated, false, Map.of());
    }

    @Override
    public Optional<Frame> render() {
        return started() ? Optional.of(ClassicControlRenderer.mountainCar(position, GOAL_POSITION)) : Optional.empty();
    }
}
