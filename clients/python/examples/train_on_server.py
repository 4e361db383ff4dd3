"""Train jgym's DQN (or any agent trainer) on a jgym server started with --allow-runs, and plot its learning curve.

    ./jgym serve --allow-runs
    python3 clients/python/examples/train_on_server.py --server http://127.0.0.1:5000 --set maxSteps=50000
    python3 clients/python/examples/train_on_server.py --trainer q-learning --set episodes=3000

The run trains in its own process on the server (the DQN on CartPole-v1 by default, its first
preset, with --set laying config keys over it); this script starts it, prints its progress until it
ends, then draws episodic return against episode with matplotlib when it is installed, or writes
the rows as CSV when it is not.
"""

import argparse
import csv
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from jgym_runs import ENDED, RunsClient  # noqa: E402

RETURN = "charts/episodic_return"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", default="http://127.0.0.1:5000")
    parser.add_argument("--trainer", default="dqn", help="an agent trainer (./jgym trainers)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="a config key over the preset, e.g. maxSteps=50000 (repeatable; values are JSON)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="learning-curve", help="file name without extension (.png or .csv)")
    args = parser.parse_args()

    config = {}
    for setting in args.set:
        key, _, value = setting.partition("=")
        try:
            config[key] = json.loads(value)
        except ValueError:
            config[key] = value
    runs = RunsClient(args.server)
    run_id = runs.run_create(args.trainer, config=config, seed=args.seed)
    print("started run", run_id)
    while True:
        status = runs.run_status(run_id)
        last = status["last"].get(RETURN)
        print("%-8s %6d episodes  %7d steps  last return %s" % (status["state"], status["episodes"], status["total_steps"],
                                                                  "-" if last is None else "%.1f" % last), flush=True)
        if status["state"] in ENDED:
            break
        time.sleep(2)
    if status["state"] != "finished":
        sys.exit("the run ended %s: %s" % (status["state"], status["message"]))

    rows = runs.run_metrics(run_id)
    episodes = [row["episode"] for row in rows]
    returns = [row[RETURN] for row in rows]
    tail = returns[-20:]
    print("episodes: %d, mean return of the last %d: %.1f" % (len(rows), len(tail), sum(tail) / len(tail)))
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        with open(args.out + ".csv", "w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["episode", RETURN])
            writer.writerows(zip(episodes, returns))
        print("matplotlib is not installed; wrote", args.out + ".csv")
        return
    plt.figure(figsize=(8, 4))
    plt.plot(episodes, returns, linewidth=0.8)
    plt.xlabel("episode")
    plt.ylabel("episodic return")
    plt.title(args.trainer + " on the jgym server: run " + run_id)
    plt.tight_layout()
    plt.savefig(args.out + ".png", dpi=100)
    print("wrote", args.out + ".png")


if __name__ == "__main__":
    main()
