"""Tabular Q-learning on FrozenLake-v1 through a jgym server, then a greedy evaluation.

Start a server first (./jgym serve), then: python3 clients/python/examples/frozenlake_q_learning.py
Options: --server URL, --episodes N, --seed S, --slippery/--no-slippery.
Prints the greedy policy's success rate, to compare with a random policy's (about 1.5%).
"""

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gym_http_client import RemoteEnv  # noqa: E402


def greedy(q, state):
    row = q[state]
    best = max(row)
    return row.index(best)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="http://127.0.0.1:5000")
    parser.add_argument("--episodes", type=int, default=3000)
    parser.add_argument("--eval-episodes", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--slippery", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--alpha", type=float, default=0.1)
    parser.add_argument("--gamma", type=float, default=0.99)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    with RemoteEnv(args.server, "FrozenLake-v1", seed=args.seed, is_slippery=args.slippery) as env:
        states, actions = env.observation_space["n"], env.action_space["n"]
        q = [[0.0] * actions for _ in range(states)]
        epsilon = 1.0
        for episode in range(args.episodes):
            state, _ = env.reset()
            done = False
            while not done:
                action = rng.randrange(actions) if rng.random() < epsilon else greedy(q, state)
                nxt, reward, terminated, truncated, _ = env.step(action)
                target = reward + (0.0 if terminated else args.gamma * max(q[nxt]))
                q[state][action] += args.alpha * (target - q[state][action])
                state, done = nxt, terminated or truncated
            epsilon = max(0.05, epsilon * 0.999)
            if (episode + 1) % 500 == 0:
                print("episode %d epsilon %.3f" % (episode + 1, epsilon), flush=True)

        wins = 0
        for _ in range(args.eval_episodes):
            state, _ = env.reset()
            done = False
            while not done:
                state, reward, terminated, truncated, _ = env.step(greedy(q, state))
                done = terminated or truncated
            wins += reward > 0
        print("greedy success rate: %.3f over %d episodes" % (wins / args.eval_episodes, args.eval_episodes))


if __name__ == "__main__":
    main()
