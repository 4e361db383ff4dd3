package io.jgym.agents.dqn;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.jgym.agents.AgentEnvironments;
import java.util.List;

/**
 * Every setting of a DQN run, with the tuned defaults in {@link #defaults()}, the seed course's
 * settings in {@link #course()}, RL Zoo's tuned settings for Acrobot-v1 and MountainCar-v0, and
 * settings for the one-hot toy-text environments FrozenLake-v1, Taxi-v3 and CliffWalking-v1 (the
 * presets of {@link DqnProvider}).
 * Each component is a flag ({@code maxSteps} -> {@code --max-steps}) described by its
 * {@code @JsonPropertyDescription}, and a key of the run's {@code config.json}, so the same config
 * repeats or resumes the run, in-process or over HTTP alike.
 */
public record DqnConfig(
        @JsonPropertyDescription("Seeds the network, exploration, replay sampling and every episode's reset.")
        long seed,
        @JsonPropertyDescription("Environment id, e.g. CartPole-v1 or MountainCar-v0; its actions must be Discrete.")
        String env,
        @JsonPropertyDescription("Base URL of a gym-http-api server, e.g. http://127.0.0.1:5000; in-process when left out.")
        String server,
        @JsonPropertyDescription("Cut every episode, in training and greedy play, after this many steps (0: the environment's own limit);"
                + " needed where the environment has none, e.g. CliffWalking-v1.")
        int maxEpisodeSteps,
        @JsonPropertyDescription("Copies of the environment stepped together, each step of all of them one call (one HTTP request with --server);"
                + " 1 trains exactly as a single environment.")
        int numEnvs,
        @JsonPropertyDescription("Stop after this many environment steps.")
        long maxSteps,
        @JsonPropertyDescription("Stop after this many episodes (0: no episode limit).")
        long maxEpisodes,
        @JsonPropertyDescription("Widths of the ReLU hidden layers, e.g. 64,64.")
        List<Integer> hiddenLayers,
        @JsonPropertyDescription("Gradient-descent rule.")
        Optimizer optimizer,
        @JsonPropertyDescription("Optimiser step size at the first step.")
        double learningRate,
        @JsonPropertyDescription("Step size it falls to, linearly, by the end of the run's first --max-steps (equal to --learning-rate: constant).")
        double learningRateEnd,
        @JsonPropertyDescription("Fraction of the run's first --max-steps trained at --learning-rate before it starts to fall.")
        double learningRateDecayFrom,
        @JsonPropertyDescription("Discount factor.")
        double gamma,
        @JsonPropertyDescription("Replay memory capacity in transitions.")
        int bufferSize,
        @JsonPropertyDescription("Transitions per gradient step.")
        int batchSize,
        @JsonPropertyDescription("Environment steps before the first gradient step.")
        long learningStarts,
        @JsonPropertyDescription("Environment steps between two training phases.")
        int trainFrequency,
        @JsonPropertyDescription("Gradient steps per training phase.")
        int gradientSteps,
        @JsonPropertyDescription("Gradient steps between target-network updates.")
        int targetUpdateInterval,
        @JsonPropertyDescription("Target update weight: 1 copies the online network (hard update), less moves the target part of the way.")
        double tau,
        @JsonPropertyDescription("Choose the next action with the online network and value it with the target network.")
        boolean doubleDqn,
        @JsonPropertyDescription("Loss on the temporal-difference error.")
        Loss loss,
        @JsonPropertyDescription("Clip the gradient to this L2 norm (0: no clipping): its global norm with Adam, as Stable-Baselines3 does, each layer's with RMSPROP or SGD.")
        double maxGradNorm,
        @JsonPropertyDescription("How exploration decays.")
        StepSchedule.Kind epsilonSchedule,
        @JsonPropertyDescription("Exploration rate at the first step.")
        double epsilonStart,
        @JsonPropertyDescription("Exploration rate it decays to.")
        double epsilonEnd,
        @JsonPropertyDescription("EXPONENTIAL: factor applied per environment step; LINEAR: fraction of the run's --max-steps spent decaying.")
        double epsilonDecay,
        @JsonPropertyDescription("Stop once the mean return of the last --solve-window episodes reaches this (0: never stop early).")
        double solveReturn,
        @JsonPropertyDescription("Episodes in the moving average of returns.")
        int solveWindow,
        @JsonPropertyDescription("Environment steps between greedy checks on a separate environment (0: none); the best one is kept as the best checkpoint.")
        long evalEvery,
        @JsonPropertyDescription("Greedy episodes per greedy check.")
        int evalEpisodes,
        @JsonPropertyDescription("Stop at the first greedy check whose mean reaches the environment's reward threshold"
                + " (475 for CartPole-v1); needs --eval-every.")
        boolean stopWhenSolved,
        @JsonPropertyDescription("Episodes between checkpoints (0: only at the end).")
        int checkpointEvery) {

    /** The optimisers a run can use. */
    public enum Optimizer { ADAM, RMSPROP, SGD }

    /** The loss on the temporal-difference error. */
    public enum Loss {
        /** Squared error for |delta| <= 1, linear beyond: large errors cannot blow up the gradient. */
        HUBER,
        /** Squared error, as the course's network uses. */
        MSE
    }

    public DqnConfig {
        AgentEnvironments.validate(env, server);
        require(hiddenLayers != null, "--hidden-layers must be one or more positive widths, got nothing");
        hiddenLayers = List.copyOf(hiddenLayers);
        require(optimizer != null, "--optimizer must be one of ADAM, RMSPROP, SGD");
        require(loss != null, "--loss must be one of HUBER, MSE");
        require(epsilonSchedule != null, "--epsilon-schedule must be one of EXPONENTIAL, LINEAR");
        require(maxEpisodeSteps >= 0, "--max-episode-steps must be 0 (the environment's limit) or positive, got " + maxEpisodeSteps);
        require(numEnvs >= 1, "--num-envs must be at least 1, got " + numEnvs);
        require(numEnvs == 1 || server == null || maxEpisodeSteps == 0,
                "--max-episode-steps cannot cut episodes of several environments on a server; leave it out or use --num-envs 1");
        require(maxSteps > 0, "--max-steps must be positive, got " + maxSteps);
        require(maxEpisodes >= 0, "--max-episodes must be 0 (no limit) or positive, got " + maxEpisodes);
        require(!hiddenLayers.isEmpty() && hiddenLayers.stream().allMatch(w -> w > 0),
                "--hidden-layers must be one or more positive widths, got " + hiddenLayers);
        require(learningRate > 0 && Double.isFinite(learningRate), "--learning-rate must be positive, got " + learningRate);
        require(learningRateDecayFrom >= 0 && learningRateDecayFrom < 1,
                "--learning-rate-decay-from must be in [0, 1), got " + learningRateDecayFrom);
        require(learningRateEnd > 0 && learningRateEnd <= learningRate,
                "--learning-rate-end must be in (0, --learning-rate (" + learningRate + ")], got " + learningRateEnd);
        require(gamma >= 0 && gamma <= 1, "--gamma must be in [0, 1], got " + gamma);
        require(batchSize > 0, "--batch-size must be positive, got " + batchSize);
        require(bufferSize >= batchSize, "--buffer-size (" + bufferSize + ") must hold at least one batch (" + batchSize + ")");
        require(learningStarts >= 0, "--learning-starts must not be negative, got " + learningStarts);
        require(trainFrequency > 0, "--train-frequency must be positive, got " + trainFrequency);
        require(gradientSteps > 0, "--gradient-steps must be positive, got " + gradientSteps);
        require(targetUpdateInterval > 0, "--target-update-interval must be positive, got " + targetUpdateInterval);
        require(tau > 0 && tau <= 1, "--tau must be in (0, 1], got " + tau);
        require(maxGradNorm >= 0, "--max-grad-norm must be 0 (off) or positive, got " + maxGradNorm);
        require(epsilonStart >= 0 && epsilonStart <= 1, "--epsilon-start must be in [0, 1], got " + epsilonStart);
        require(epsilonEnd >= 0 && epsilonEnd <= epsilonStart,
                "--epsilon-end must be in [0, --epsilon-start (" + epsilonStart + ")], got " + epsilonEnd);
        require(epsilonDecay > 0 && epsilonDecay <= 1, "--epsilon-decay must be in (0, 1], got " + epsilonDecay);
        require(Double.isFinite(solveReturn), "--solve-return must be a finite number (0: never stop early), got " + solveReturn);
        require(solveWindow > 0, "--solve-window must be positive, got " + solveWindow);
        require(evalEvery >= 0, "--eval-every must be 0 (no greedy checks) or positive, got " + evalEvery);
        require(evalEpisodes > 0, "--eval-episodes must be positive, got " + evalEpisodes);
        require(!stopWhenSolved || evalEvery > 0, "--stop-when-solved needs greedy checks: give --eval-every a positive value");
        require(checkpointEvery >= 0, "--checkpoint-every must be 0 or positive, got " + checkpointEvery);
    }

    /**
     * Tuned on CartPole-v1: the course's recipe (squared error, per-step exponential exploration
     * decay) with a longer horizon (gamma 0.99), a 64-64 network, Adam at 3e-3 falling linearly to
     * 3e-5 over the run's 50,000 steps, one gradient step on a minibatch of 128 every environment
     * step, a 50,000-transition memory, Double DQN, a target network copied every 50 gradient steps
     * and exploration that settles at 10%. Chosen among the variants compared in
     * docs/benchmarks.md: on twenty seeds its greedy policy reached a mean of 475 over 100 episodes
     * after a median of about 12,700 steps, and the final network played at least 475 on 18 of 20
     * (a gradient step every second environment step, with 5% exploration, needed about 22,600
     * steps and kept 12 of 15). Greedy checks of 100 episodes every 2,500 steps, as RL Zoo evaluates,
     * keep the best checkpoint; each costs at most 50,000 greedy steps of one plain-Java forward pass.
     */
    public static DqnConfig defaults() {
        return new DqnConfig(1, "CartPole-v1", null, 0, 1, 50_000, 0, List.of(64, 64), Optimizer.ADAM, 3e-3, 3e-5, 0, 0.99,
                50_000, 128, 32, 1, 1, 50, 1.0, true, Loss.MSE, 0,
                StepSchedule.Kind.EXPONENTIAL, 0.95, 0.1, 0.995, 0, 100, 2_500, 100, false, 25);
    }

    /**
     * The seed course's DQN: a 20-20 network, gamma 0.95, epsilon 0.95 decaying by 0.995 per step
     * down to 0.01, a replay memory of 8,000, minibatches of 32, squared error, no target network
     * (a hard update after every gradient step). The course fitted one sample at a time; here each
     * minibatch is one gradient step, as it should be. 200,000 steps and a greedy check of 20
     * episodes every 5,000, as the course's long runs had.
     */
    public static DqnConfig course() {
        return new DqnConfig(1, "CartPole-v1", null, 0, 1, 200_000, 0, List.of(20, 20), Optimizer.ADAM, 1e-3, 1e-3, 0, 0.95,
                8_000, 32, 32, 1, 1, 1, 1.0, false, Loss.MSE, 0,
                StepSchedule.Kind.EXPONENTIAL, 0.95, 0.01, 0.995, 0, 100, 5_000, 20, false, 25);
    }

    /**
     * RL Zoo's tuned DQN for Acrobot-v1 (rl-baselines3-zoo, hyperparams/dqn.yml): 100,000 steps, a
     * 256-256 network, Adam 6.3e-4, gamma 0.99, a 50,000-transition memory, 4 gradient steps on
     * minibatches of 128 every 4 steps from the start, a target copied every 250 gradient steps (250
     * environment steps), epsilon from 1 to 0.1 over the first 12% of the budget, Huber loss and
     * clipping of the gradient's global norm at 10; greedy checks of 100 episodes every 2,500 steps, as
     * RL Zoo evaluates. RL Zoo's published result
     * for it: -76.6 +- 11.8 after 100,000 steps.
     */
    public static DqnConfig acrobot() {
        return new DqnConfig(1, "Acrobot-v1", null, 0, 1, 100_000, 0, List.of(256, 256), Optimizer.ADAM, 6.3e-4, 6.3e-4, 0, 0.99,
                50_000, 128, 0, 4, 4, 250, 1.0, false, Loss.HUBER, 10,
                StepSchedule.Kind.LINEAR, 1.0, 0.1, 0.12, 0, 100, 2_500, 100, false, 25);
    }

    /**
     * RL Zoo's tuned DQN for MountainCar-v0: 120,000 steps, a 256-256 network, Adam 4e-3, gamma 0.98,
     * a 10,000-transition memory, 8 gradient steps on minibatches of 128 every 16 steps after step
     * 1,000, a target copied every 300 gradient steps (600 environment steps), epsilon from 1 to 0.07
     * over the first 20%, Huber loss, clipping of the gradient's global norm at 10, and greedy checks
     * of 100 episodes every 2,500 steps; one departure: the rate falls linearly to 4e-5 over the run
     * (as in the {@code default} preset), where RL Zoo keeps 4e-3, which keeps more final networks
     * near their best. RL Zoo's published result: -100.8 +- 9.9 after 120,000 steps.
     */
    public static DqnConfig mountainCar() {
        return new DqnConfig(1, "MountainCar-v0", null, 0, 1, 120_000, 0, List.of(256, 256), Optimizer.ADAM, 4e-3, 4e-5, 0, 0.98,
                10_000, 128, 1_000, 16, 8, 300, 1.0, false, Loss.HUBER, 10,
                StepSchedule.Kind.LINEAR, 1.0, 0.07, 0.2, 0, 100, 2_500, 100, false, 25);
    }

    /**
     * FrozenLake-v1 (4x4, slippery), whose states are one-hot inputs: 100,000 steps, a 64-64 network,
     * Adam 1e-3, gamma 0.99, a gradient step on 64 transitions every step after 1,000, Double DQN with a
     * target copied every 500 gradient steps, epsilon from 1 to 0.05 over the first 30%, and greedy
     * checks of 100 episodes every 5,000 steps (the success rate is noisy: 0.7 is the registered
     * threshold, about what the best slippery policy reaches).
     */
    public static DqnConfig frozenLake() {
        return new DqnConfig(1, "FrozenLake-v1", null, 0, 1, 100_000, 0, List.of(64, 64), Optimizer.ADAM, 1e-3, 1e-3, 0, 0.99,
                50_000, 64, 1_000, 1, 1, 500, 1.0, true, Loss.MSE, 0,
                StepSchedule.Kind.LINEAR, 1.0, 0.05, 0.3, 0, 100, 5_000, 100, false, 100);
    }

    /**
     * Taxi-v3, 500 one-hot states: 150,000 steps, a 128-128 network, Adam 1e-3, gamma 0.99, a
     * 100,000-transition memory, a gradient step on 64 transitions every step after 1,000, Double DQN,
     * a target copied every 500 gradient steps, epsilon from 1 to 0.05 over the first 40%.
     */
    public static DqnConfig taxi() {
        return new DqnConfig(1, "Taxi-v3", null, 0, 1, 150_000, 0, List.of(128, 128), Optimizer.ADAM, 1e-3, 1e-3, 0, 0.99,
                100_000, 64, 1_000, 1, 1, 500, 1.0, true, Loss.MSE, 0,
                StepSchedule.Kind.LINEAR, 1.0, 0.05, 0.4, 0, 100, 5_000, 100, false, 100);
    }

    /**
     * CliffWalking-v1, 48 one-hot states, episodes cut at 200 steps (the environment has no limit, and
     * a greedy policy that walks in circles would never end): 30,000 steps, a 64-64 network, Adam 1e-3,
     * gamma 0.99, a gradient step on 64 transitions every step after 1,000, Double DQN, a target copied
     * every 500 gradient steps, epsilon from 1 to 0.05 over the first 30%. The optimal return is -13.
     */
    public static DqnConfig cliffWalking() {
        return new DqnConfig(1, "CliffWalking-v1", null, 200, 1, 30_000, 0, List.of(64, 64), Optimizer.ADAM, 1e-3, 1e-3, 0, 0.99,
                50_000, 64, 1_000, 1, 1, 500, 1.0, true, Loss.MSE, 0,
                StepSchedule.Kind.LINEAR, 1.0, 0.05, 0.3, 0, 100, 2_500, 10, false, 100);
    }

    /**
     * The exploration schedule of a run that started with {@code horizonSteps} as its
     * {@code --max-steps}: a linear schedule keeps that horizon when the run is extended (epsilon stays
     * at its floor past it); an exponential one does not depend on the budget.
     */
    public StepSchedule schedule(long horizonSteps) {
        return StepSchedule.of(epsilonSchedule, epsilonStart, epsilonEnd, epsilonDecay, horizonSteps);
    }

    /** The learning rate of a run that started with {@code horizonSteps}, kept past an extension's start like exploration. */
    public StepSchedule learningRates(long horizonSteps) {
        long hold = Math.round(learningRateDecayFrom * horizonSteps);
        return new StepSchedule.Hold(learningRate, hold, new StepSchedule.Linear(learningRate, learningRateEnd, horizonSteps - hold));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
