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
 * A car in a valley that must rock back and forth to reach the flag on the right hill (Moore,
 * 1990), step for step as Gymnasium's {@code MountainCarEnv}.
 *
 * <h2>Action space</h2>
 * {@code Discrete(3)}: 0 accelerate left, 1 do nothing, 2 accelerate right.
 *
 * <h2>Observation space</h2>
 * {@code Box(2)} in float32: position in [-1.2, 0.6], velocity in [-0.07, 0.07].
 *
 * <h2>Dynamics</h2>
 * {@code velocity += (action - 1) * 0.001 - cos(3 * position) * 0.0025}, clipped; then
 * {@code position += velocity}, clipped, with the velocity zeroed on hitting the left wall.
 * The state is double precision; observations are rounded to float32.
 *
 * <h2>Reward</h2>
 * -1 per step.
 *
 * <h2>Starting state</h2>
 * Position uniform in [-0.6, -0.4), velocity 0.
 *
 * <h2>Episode end</h2>
 * Terminates when position >= 0.5 (and velocity >= {@code goal_velocity}, default 0); truncation
 * at 200 steps comes from the registry's time limit.
 */
public final class MountainCar extends SeededEnv {
    static final double MIN_POSITION = -1.2;
    static final double MAX_POSITION = 0.6;
    static final double MAX_SPEED = 0.07;
    static final double GOAL_POSITION = 0.5;
    private static final double FORCE = 0.001;
    private static final double GRAVITY = 0.0025;
    private static final double RESET_LOW = -0.6;
    private static final double RESET_HIGH = -0.4;
    private static final Space ACTION_SPACE = new Discrete(3);
    private static final Space OBSERVATION_SPACE = new Box(
            new float[] {(float) MIN_POSITION, (float) -MAX_SPEED}, new float[] {(float) MAX_POSITION, (float) MAX_SPEED});

    private final double goalVelocity;
    private double position;
    private double velocity;

    /** A car built from creation options ({@code goal_velocity}). */
    public static MountainCar create(String envId, EnvOptions options) {
        double goalVelocity = options.getDouble("goal_velocity", 0);
        options.requireAllUsed(envId);
        return new MountainCar(goalVelocity);
    }

    private MountainCar(double goalVelocity) {
        super(OBSERVATION_SPACE, ACTION_SPACE);
        this.goalVelocity = goalVelocity;
    }

    @Override
    public Reset reset(OptionalLong seed) {
        reseed(seed);
        position = rng().uniform(RESET_LOW, RESET_HIGH);
        velocity = 0;
        return Reset.of(observation());
    }

    @Override
    public Step step(Value action) {
        checkStep(action);
        long a = ((Value.Int) action).value();
        velocity += (a - 1) * FORCE + Math.cos(3 * position) * (-GRAVITY);
        velocity = Math.min(Math.max(velocity, -MAX_SPEED), MAX_SPEED);
        position += velocity;
        position = Math.min(Math.max(position, MIN_POSITION), MAX_POSITION);
        if (position == MIN_POSITION && velocity < 0) {
            velocity = 0;
        }
        boolean terminated = position >= GOAL_POSITION && velocity >= goalVelocity;
        return new Step(observation(), -1.0, terminated, false, Map.of());
    }

    @Override
    public Optional<Frame> render() {
        return started() ? Optional.of(ClassicControlRenderer.mountainCar(position, GOAL_POSITION)) : Optional.empty();
    }

    private Value observation() {
        return Value.of((float) position, (float) velocity);
    }
}
