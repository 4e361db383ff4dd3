package io.jgym.agents.dqn;

import io.jgym.nn.FlatAdam;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times one DQN update of the default settings (two forward passes and one fit of the 4-64-64-2
 * network on a minibatch of 128, as {@link DqnLearner#step} does them) on a full replay memory of
 * random CartPole-sized transitions, after a warm-up, then each of the update's DL4J calls alone (where
 * the time goes: the two forward passes, the step with {@link FlatAdam} and with DL4J's own fit, and the
 * gradient alone).
 * {@code bench/peers/dqn.sh} runs it beside the PyTorch peer's {@code --updates} mode:
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
        printCalls(online, config.batchSize(), updates);
    }

    /** Milliseconds of each DL4J call of an update, timed alone on random inputs of the update's shapes. */
    private static void printCalls(MultiLayerNetwork online, int rows, int repeats) {
        MultiLayerNetwork target = online.clone();
        INDArray stacked = Nd4j.rand(DataType.FLOAT, 2L * rows, OBSERVATIONS);
        INDArray input = Nd4j.rand(DataType.FLOAT, rows, OBSERVATIONS);
        INDArray labels = Nd4j.rand(DataType.FLOAT, rows, ACTIONS);
        FlatAdam adam = FlatAdam.of(target).orElseThrow();
        System.out.printf(Locale.ROOT, "  of which: online output on s and s' (%d rows) %.3f ms, target output on s' (%d rows) %.3f ms,"
                        + " step (%d rows) %.3f ms with the plain-Java Adam (DL4J's fit: %.3f ms), of which the gradient %.3f ms%n",
                2 * rows, millisPerCall(repeats, () -> online.output(stacked, false)),
                rows, millisPerCall(repeats, () -> target.output(input, false)),
                rows, millisPerCall(repeats, () -> adam.fit(input, labels)),
                millisPerCall(repeats, () -> target.fit(input, labels)),
                millisPerCall(repeats, () -> {
                    target.setInput(input);
                    target.setLabels(labels);
                    target.computeGradientAndScore();
                }));
    }

    private static double millisPerCall(int repeats, Runnable call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.run();
        }
        long started = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            call.run();
        }
        return (System.nanoTime() - started) / 1e6 / repeats;
    }
}
