"""A random agent on CartPole-v1 through a jgym (or gym-http-api) server, with the monitor on.

Start a server first (./jgym serve), then: python3 clients/python/examples/random_agent.py
Options: --server URL, --env ID, --episodes N, --seed S.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from gym_http_client import Client  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="http://127.0.0.1:5000")
    parser.add_argument("--env", default="CartPole-v1")
    parser.add_argument("--episodes", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    client = Client(args.server)
    instance_id = client.env_create(args.env, seed=args.seed)
    print("created %s instance %s" % (args.env, instance_id))
    print("action space:", client.env_action_space_info(instance_id))
    client.env_monitor_start(instance_id, "/tmp/random-agent-results", force=True)
    returns = []
    for episode in range(args.episodes):
        client.env_reset(instance_id)
        total, done = 0.0, False
        while not done:
            action = client.env_action_space_sample(instance_id)
            _, reward, done, _ = client.env_step(instance_id, action)
            total += reward
        returns.append(total)
        print("episode %d return %.1f" % (episode, total))
    client.env_monitor_close(instance_id)
    client.env_close(instance_id)
    print("mean return over %d episodes: %.2f" % (len(returns), sum(returns) / len(returns)))


if __name__ == "__main__":
    main()
