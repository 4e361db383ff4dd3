"""Steps a remote vector environment as fast as one client can and prints env-steps per second.

Used by ``jgym bench vecenvs`` for its Python rows; also a minimal example of the vector client::

    python3 vector_throughput.py --server http://127.0.0.1:5000 --num-envs 256 --seconds 3

Actions are drawn beforehand (numpy when installed), so only the round trips are measured.
"""

import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from jgym_vector import RemoteVectorEnv  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default=os.environ.get("JGYM_SERVER", "http://127.0.0.1:5000"))
    parser.add_argument("--env", default="CartPole-v1", help="a Discrete-action environment id")
    parser.add_argument("--num-envs", type=int, default=256)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--warmup-seconds", type=float, default=1.0)
    parser.add_argument("--encoding", choices=["auto", "binary", "json"], default="auto",
                        help="binary needs numpy; auto picks binary when numpy is installed")
    parser.add_argument("--transport", choices=["http", "websocket"], default="http")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    binary = None if args.encoding == "auto" else args.encoding == "binary"
    with RemoteVectorEnv(args.server, args.env, args.num_envs, seed=args.seed, binary=binary,
                         transport=args.transport) as envs:
        n = envs.single_action_space["n"]
        rng = random.Random(args.seed)
        batches = [[rng.randrange(n) for _ in range(args.num_envs)] for _ in range(64)]
        if envs.binary:
            import numpy as np
            batches = [np.asarray(b, dtype=np.int64) for b in batches]
        envs.reset(seed=args.seed)
        run(envs, batches, args.warmup_seconds)
        calls, elapsed = run(envs, batches, args.seconds)
    print("encoding: %s over %s" % ("binary" if envs.binary else "json", args.transport))
    print("requests/s: %.0f" % (calls / elapsed))
    print("env-steps/s: %.0f" % (calls * args.num_envs / elapsed))


def run(envs, batches, seconds):
    calls = 0
    start = time.perf_counter()
    while True:
        envs.step(batches[calls % len(batches)])
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return calls, elapsed


if __name__ == "__main__":
    main()
