package io.jgym.agents.dqn;

import java.util.Locale;

/**
 * Times one DQN update of the default settings (two forward passes and one fit of the 4-64-64-2
 * network on a minibatch of 128, as {@link DqnLearner#step} does them) on a full replay memory of
 * random CartPole-sized transitions, after a warm-up. {@code bench/peers/dqn.sh} runs it beside the
 * PyTorch peer's {@code --updates} mode:
 * {@code java -cp launcher/target/jgym.jar io.jgym.agents.dqn.DqnUpdateTiming [updates]}.
 */
public final class DqnUpdateTiming {
    private static final int OBSERVATIONS = 4;
    private static final int ACTIONS = 2;
    private static final int WARM_UP = 200;

    private DqnUpdateTiming() {
    }

    public static void main(String[] args) {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        DqnConfig config = DqnConfig.defaults();
        SplitMix64 random = new SplitMix64(SplitMix64.mix(config.seed()));
        ReplayBuffer buffer = new ReplayBuffer(config.bufferSize(), OBSERVATIONS);
        float[] observation = new float[OBSERVATIONS];
        float[] next = new float[OBSERVATIONS];
        for (int i = 0; i < config.bufferSize(); i++) {
            for (int j = 0; j < OBSERVATIONS; j++) {
                observation[j] = (float) (random.nextDouble() * 2 - 1);
                next[j] = (float) (random.nextDouble() * 2 - 1);
            }
            buffer.add(observation, random.nextInt(ACTIONS), 1.0, next, random.nextDouble() < 0.05);
        }
        var online = QNetworks.build(config, OBSERVATIONS, ACTIONS);
        DqnLearner learner = new DqnLearner(online, new TargetNetwork(online, config.targetUpdateInterval(), config.tau()), config,
                OBSERVATIONS, ACTIONS);
        for (int i = 0; i < WARM_UP; i++) {
            learner.step(buffer, random);
        }
        long started = System.nanoTime();
        for (int i = 0; i < updates; i++) {
            learner.step(buffer, random);
        }
        double millis = (System.nanoTime() - started) / 1e6 / updates;
        GreedyActions greedy = new GreedyActions(online, OBSERVATIONS);
        int acts = 10 * updates;
        long actStarted = System.nanoTime();
        int sum = 0;
        for (int i = 0; i < acts; i++) {
            observation[i % OBSERVATIONS] = (float) random.nextDouble();
            sum += greedy.act(observation);
        }
        double micros = (System.nanoTime() - actStarted) / 1e3 / acts;
        System.out.printf(Locale.ROOT, "jgym (DL4J): %.3f ms per update (batch %d, 4-64-64-2), %.1f us per greedy action (%d)%n",
                millis, config.batchSize(), micros, sum % 2);
    }
}
