package io.jgym.agents.rl4j;

/**
 * The settings of an RL4J DQN run, named as RL4J names them. {@link #defaults()} are the ones of
 * RL4J's own CartPole example (3 dense layers of 16, Adam 5e-4, l2 1e-3, reward scale 0.01, Double
 * DQN), with episodes allowed to run to CartPole-v1's 500 steps.
 *
 * @param seed               seeds RL4J's networks and exploration, and every episode's reset
 * @param maxSteps           stop after this many environment steps
 * @param maxEpochStep       longest episode RL4J plays before it cuts it
 * @param numLayers          dense layers in RL4J's standard network
 * @param numHiddenNodes     width of each dense layer
 * @param learningRate       Adam step size
 * @param l2                 weight decay
 * @param bufferSize         replay memory capacity
 * @param batchSize          transitions per gradient step
 * @param targetUpdateFreq   steps between target-network copies
 * @param updateStart        steps before learning starts
 * @param rewardFactor       rewards are multiplied by this before learning
 * @param gamma              discount factor
 * @param errorClamp         TD errors are clamped to this magnitude
 * @param minEpsilon         exploration rate reached at the end of the decay
 * @param epsilonSteps       steps over which exploration decays linearly from 1
 * @param doubleDqn          Double DQN targets
 * @param solveReturn        stop once the mean return of the last {@code solveWindow} episodes reaches this (0: never)
 * @param solveWindow        episodes in that moving average
 */
public record Rl4jDqnConfig(long seed, int maxSteps, int maxEpochStep, int numLayers, int numHiddenNodes,
                            double learningRate, double l2, int bufferSize, int batchSize, int targetUpdateFreq,
                            int updateStart, double rewardFactor, double gamma, double errorClamp, double minEpsilon,
                            int epsilonSteps, boolean doubleDqn, double solveReturn, int solveWindow) {

    public Rl4jDqnConfig {
        if (maxSteps <= 0 || maxEpochStep <= 0 || numLayers <= 0 || numHiddenNodes <= 0 || bufferSize < batchSize
                || batchSize <= 0 || targetUpdateFreq <= 0 || epsilonSteps <= 0 || solveWindow <= 0) {
            throw new IllegalArgumentException("RL4J settings must be positive and the buffer must hold a batch: " + this);
        }
        if (!(learningRate > 0) || gamma < 0 || gamma > 1 || minEpsilon < 0 || minEpsilon > 1) {
            throw new IllegalArgumentException("learning rate must be positive, gamma and min epsilon in [0, 1]: " + this);
        }
    }

    /** RL4J's CartPole example settings, for CartPole-v1. */
    public static Rl4jDqnConfig defaults() {
        return new Rl4jDqnConfig(1, 200_000, 500, 3, 16, 5e-4, 1e-3, 150_000, 32, 500, 10, 0.01, 0.99, 1.0, 0.1,
                1000, true, 0, 100);
    }

    /** The same settings with another seed, step budget and stopping rule. */
    public Rl4jDqnConfig with(long newSeed, int newMaxSteps, double newSolveReturn) {
        return new Rl4jDqnConfig(newSeed, newMaxSteps, maxEpochStep, numLayers, numHiddenNodes, learningRate, l2,
                bufferSize, batchSize, targetUpdateFreq, updateStart, rewardFactor, gamma, errorClamp, minEpsilon,
                epsilonSteps, doubleDqn, newSolveReturn, solveWindow);
    }
}
