package io.jgym.agents.rl4j;

import io.jgym.agents.dqn.ObservationEncoder;
import io.jgym.contracts.Env;
import io.jgym.contracts.Step;
import io.jgym.contracts.space.Discrete;
import io.jgym.contracts.space.Value;
import java.util.function.LongUnaryOperator;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;

/**
 * Presents a jgym {@link Env} as an RL4J {@link MDP}: observations encoded as jgym's DQN encodes
 * them, actions as Discrete indices, and each episode's reset seeded from the episode index like
 * jgym's DQN does, so both agents meet the same episodes.
 */
final class EnvMdp implements MDP<Box, Integer, DiscreteSpace> {
    private final Env env;
    private final LongUnaryOperator episodeSeed;
    private final ObservationEncoder encoder;
    private final DiscreteSpace actionSpace;
    private final ObservationSpace<Box> observationSpace;
    private final float[] encoded;
    private long episode;
    private boolean done = true;

    EnvMdp(Env env, LongUnaryOperator episodeSeed) {
        this.env = env;
        this.episodeSeed = episodeSeed;
        this.encoder = new ObservationEncoder(env.observationSpace());
        this.actionSpace = new DiscreteSpace(actionCount(env));
        this.observationSpace = new ArrayObservationSpace<>(new int[] {encoder.size()});
        this.encoded = new float[encoder.size()];
    }

    /** The number of actions, after checking that RL4J can drive this environment. */
    static int actionCount(Env env) {
        if (!(env.actionSpace() instanceof Discrete discrete) || discrete.start() != 0) {
            throw new IllegalArgumentException("RL4J's DQN needs a Discrete action space starting at 0, but this environment's is "
                    + env.actionSpace());
        }
        return Math.toIntExact(discrete.n());
    }

    @Override
    public ObservationSpace<Box> getObservationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actionSpace;
    }

    @Override
    public Box reset() {
        done = false;
        return box(env.reset(episodeSeed.applyAsLong(episode++)).observation());
    }

    @Override
    public StepReply<Box> step(Integer action) {
        Step step = env.step(Value.of(action));
        done = step.done();
        return new StepReply<>(box(step.observation()), step.reward(), done, step.info());
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public MDP<Box, Integer, DiscreteSpace> newInstance() {
        throw new UnsupportedOperationException("jgym's RL4J adapter runs one environment; asynchronous RL4J learners are not supported");
    }

    private Box box(Value observation) {
        encoder.encode(observation, encoded);
        double[] values = new double[encoded.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = encoded[i];
        }
        return new Box(values);
    }
}
