#!/usr/bin/python3
"""PyTorch peer of jgym's default DQN on CartPole-v1, for `bench/peers/dqn.sh` (not run by CI).

Matched to `./jgym train dqn` (DqnConfig.defaults()), one thread:
- network 4-64-64-2, ReLU, linear output; He-normal weights (DL4J's WeightInit.RELU: N(0, 2/fan_in)),
  zero biases; Adam (betas 0.9/0.999, eps 1e-8, as DL4J's Adam) at lr 3e-3 falling linearly to 3e-5
  over --max-steps in 50 stairs (jgym's --learning-rate-end 3e-5, set at each training phase);
- squared error over all outputs with labels equal to the online Q except the taken action (DL4J's
  MSE output layer as jgym's DqnLearner feeds it: the same gradient, 2 (q - y) / (batch * actions));
- gamma 0.99, replay memory 50,000 sampled uniformly with replacement, minibatch 128, one gradient
  step every environment step after step 32, Double DQN, target network copied every 50 gradient
  steps; epsilon max(0.1, 0.95 * 0.995^step);
- per update: one forward pass of the online network over s and s' stacked, one of the target over s',
  then a fit (forward + backward + Adam) on s: the same three network calls as DqnLearner.step;
- CartPole-v1 with Gymnasium's dynamics (Euler, 500-step limit), reset uniform(-0.05, 0.05) from
  numpy's PCG64; greedy checks of 100 episodes (reset seeds 1,000,000 + i) at every multiple of 2,500
  steps, inside the episode, stopping at the end of the episode whose check reached a mean >= 475 and
  counting the check's step and the episode end's wall time (jgym: --eval-every 2500
  --eval-episodes 100 --stop-when-solved true).
Differences: the random streams (so seeds do not pick the same episodes), and Python's own loop.

Usage: dqn_cartpole.py --seeds 5 [--max-steps 50000]    one row per seed, then medians
       dqn_cartpole.py --updates 3000                   milliseconds per update, microseconds per greedy action
"""
import argparse
import math
import statistics
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)

OBS, ACTIONS = 4, 2
GAMMA, LR, LR_END, BUFFER, BATCH, LEARNING_STARTS, TRAIN_EVERY, TARGET_EVERY = 0.99, 3e-3, 3e-5, 50_000, 128, 32, 1, 50
EPS_START, EPS_END, EPS_DECAY = 0.95, 0.1, 0.995
EVAL_EVERY, EVAL_EPISODES, EVAL_SEED, THRESHOLD = 2_500, 100, 1_000_000, 475.0


class CartPole:
    """Gymnasium's CartPole-v1: the same constants, Euler integration and termination."""
    GRAVITY, CART, POLE, LENGTH, FORCE, TAU = 9.8, 1.0, 0.1, 0.5, 10.0, 0.02
    THETA, X, LIMIT = 12 * 2 * math.pi / 360, 2.4, 500

    def reset(self, seed):
        self.state = np.random.default_rng(seed).uniform(-0.05, 0.05, size=4)
        self.steps = 0
        return self.state.astype(np.float32)

    def step(self, action):
        x, x_dot, theta, theta_dot = self.state
        force = self.FORCE if action == 1 else -self.FORCE
        cos, sin = math.cos(theta), math.sin(theta)
        total = self.CART + self.POLE
        temp = (force + self.POLE * self.LENGTH * theta_dot ** 2 * sin) / total
        theta_acc = (self.GRAVITY * sin - cos * temp) / (self.LENGTH * (4.0 / 3.0 - self.POLE * cos ** 2 / total))
        x_acc = temp - self.POLE * self.LENGTH * theta_acc * cos / total
        x, x_dot = x + self.TAU * x_dot, x_dot + self.TAU * x_acc
        theta, theta_dot = theta + self.TAU * theta_dot, theta_dot + self.TAU * theta_acc
        self.state = np.array([x, x_dot, theta, theta_dot])
        self.steps += 1
        terminated = bool(x < -self.X or x > self.X or theta < -self.THETA or theta > self.THETA)
        return self.state.astype(np.float32), 1.0, terminated, self.steps >= self.LIMIT


def network():
    net = nn.Sequential(nn.Linear(OBS, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, ACTIONS))
    for layer in net:
        if isinstance(layer, nn.Linear):
            nn.init.normal_(layer.weight, 0.0, math.sqrt(2.0 / layer.in_features))
            nn.init.zeros_(layer.bias)
    return net


class Learner:
    def __init__(self, seed):
        torch.manual_seed(seed)
        self.online, self.target = network(), network()
        self.target.load_state_dict(self.online.state_dict())
        self.optimizer = torch.optim.Adam(self.online.parameters(), lr=LR, betas=(0.9, 0.999), eps=1e-8)
        self.updates = 0
        self.obs = np.zeros((BUFFER, OBS), np.float32)
        self.next_obs = np.zeros((BUFFER, OBS), np.float32)
        self.actions = np.zeros(BUFFER, np.int64)
        self.rewards = np.zeros(BUFFER, np.float32)
        self.terminals = np.zeros(BUFFER, np.float32)
        self.size = self.cursor = 0

    def set_rate(self, rate):
        for group in self.optimizer.param_groups:
            group["lr"] = rate

    def add(self, obs, action, reward, next_obs, terminal):
        i = self.cursor
        self.obs[i], self.actions[i], self.rewards[i], self.next_obs[i], self.terminals[i] = obs, action, reward, next_obs, terminal
        self.cursor = (i + 1) % BUFFER
        self.size = min(self.size + 1, BUFFER)

    def act(self, obs):
        with torch.no_grad():
            return int(self.online(torch.from_numpy(obs).unsqueeze(0)).argmax(1).item())

    def update(self, rng):
        idx = rng.integers(self.size, size=BATCH)
        s, s2 = torch.from_numpy(self.obs[idx]), torch.from_numpy(self.next_obs[idx])
        a, r, d = torch.from_numpy(self.actions[idx]), torch.from_numpy(self.rewards[idx]), torch.from_numpy(self.terminals[idx])
        with torch.no_grad():
            q_both = self.online(torch.cat([s, s2]))
            q_s, q_s2 = q_both[:BATCH], q_both[BATCH:]
            t_s2 = self.target(s2)
            boot = t_s2.gather(1, q_s2.argmax(1, keepdim=True)).squeeze(1)
            labels = q_s.clone()
            labels[torch.arange(BATCH), a] = r + GAMMA * boot * (1.0 - d)
        loss = F.mse_loss(self.online(s), labels)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.updates += 1
        if self.updates % TARGET_EVERY == 0:
            self.target.load_state_dict(self.online.state_dict())


def greedy_mean(learner):
    env, total = CartPole(), 0.0
    for i in range(EVAL_EPISODES):
        obs, done = env.reset(EVAL_SEED + i), False
        while not done:
            obs, reward, terminated, truncated = env.step(learner.act(obs))
            total += reward
            done = terminated or truncated
    return total / EVAL_EPISODES


def learning_rate(step, max_steps):
    """jgym's decaying rate: a line from LR to LR_END over max_steps, in stairs of 2%, then LR_END."""
    stair = max(1, max_steps // 50)
    at = step // stair * stair
    return LR_END if at >= max_steps else LR + (LR_END - LR) * at / max_steps


def train(seed, max_steps):
    """Steps and seconds until the greedy mean reaches 475 (None if never), and the number of updates."""
    rng, env, learner = np.random.default_rng(seed), CartPole(), Learner(seed)
    started, steps, episode, next_check, solved_at = time.perf_counter(), 0, 0, EVAL_EVERY, None
    while steps < max_steps:
        obs, done = env.reset(seed * 100_003 + episode), False
        while not done and steps < max_steps:
            epsilon = max(EPS_END, EPS_START * EPS_DECAY ** steps)
            action = int(rng.integers(ACTIONS)) if rng.random() < epsilon else learner.act(obs)
            next_obs, reward, terminated, truncated = env.step(action)
            learner.add(obs, action, reward, next_obs, terminated)
            obs, steps, done = next_obs, steps + 1, terminated or truncated
            if steps > LEARNING_STARTS and steps % TRAIN_EVERY == 0:
                learner.set_rate(learning_rate(steps, max_steps))
                learner.update(rng)
            if steps >= next_check:
                next_check = (steps // EVAL_EVERY + 1) * EVAL_EVERY
                if solved_at is None and greedy_mean(learner) >= THRESHOLD:
                    solved_at = steps
        episode += 1
        if done and solved_at is not None:
            return solved_at, time.perf_counter() - started, learner.updates
    return solved_at, time.perf_counter() - started, learner.updates


def time_updates(count):
    """Milliseconds per update on a full memory, and microseconds per greedy action."""
    rng, learner = np.random.default_rng(1), Learner(1)
    for _ in range(BUFFER):
        learner.add(rng.standard_normal(OBS).astype(np.float32), int(rng.integers(ACTIONS)), 1.0,
                    rng.standard_normal(OBS).astype(np.float32), float(rng.random() < 0.05))
    for _ in range(200):
        learner.update(rng)
    started = time.perf_counter()
    for _ in range(count):
        learner.update(rng)
    millis = 1000 * (time.perf_counter() - started) / count
    observations = rng.standard_normal((10 * count, OBS)).astype(np.float32)
    started = time.perf_counter()
    for observation in observations:
        learner.act(observation)
    return millis, 1e6 * (time.perf_counter() - started) / len(observations), time_calls(learner, count)


def time_calls(learner, count):
    """Milliseconds of each network call of an update alone, as DqnUpdateTiming prints jgym's."""
    stacked, s, labels = torch.randn(2 * BATCH, OBS), torch.randn(BATCH, OBS), torch.randn(BATCH, ACTIONS)

    def fit(step=True):
        loss = F.mse_loss(learner.online(s), labels)
        learner.optimizer.zero_grad()
        loss.backward()
        if step:
            learner.optimizer.step()

    def no_grad(network, x):
        with torch.no_grad():
            network(x)

    calls = [lambda: no_grad(learner.online, stacked), lambda: no_grad(learner.target, s), fit, lambda: fit(False)]
    millis = []
    for call in calls:
        for _ in range(200):
            call()
        started = time.perf_counter()
        for _ in range(count):
            call()
        millis.append(1000 * (time.perf_counter() - started) / count)
    return millis


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--max-steps", type=int, default=50_000)
    parser.add_argument("--updates", type=int, default=0, help="only time this many updates")
    args = parser.parse_args()
    if args.updates:
        millis, micros, calls = time_updates(args.updates)
        print(f"pytorch {torch.__version__}: {millis:.3f} ms per update (batch {BATCH}, 4-64-64-2), {micros:.1f} us per greedy action")
        print(f"  of which: online output on s and s' ({2 * BATCH} rows) {calls[0]:.3f} ms, target output on s' ({BATCH} rows)"
              f" {calls[1]:.3f} ms, fit ({BATCH} rows) {calls[2]:.3f} ms, of which the gradient without the Adam step {calls[3]:.3f} ms")
        return
    print("| peer | seed | steps to greedy 475 | wall s to it | updates |")
    print("|---|---|---|---|---|")
    steps_all, seconds_all = [], []
    for seed in range(1, args.seeds + 1):
        steps, seconds, updates = train(seed, args.max_steps)
        steps_all.append(steps if steps is not None else math.inf)
        seconds_all.append(seconds if steps is not None else math.inf)
        print(f"| pytorch | {seed} | {steps if steps is not None else '-'} | {seconds:.1f} | {updates} |", flush=True)
    reached = sum(s != math.inf for s in steps_all)
    print(f"| **pytorch median** | | {statistics.median(steps_all):,.0f} ({reached}/{args.seeds}) | {statistics.median(seconds_all):.1f} | |")


if __name__ == "__main__":
    main()
