#!/usr/bin/env bash
# jgym's DQN against its PyTorch peer (dqn_cartpole.py), one after the other in one run, one thread
# each: milliseconds per update, then steps and wall time to a greedy mean of 475 on CartPole-v1 over
# the same seeds, and the ratio of the median wall times (jgym / PyTorch). Needs Debian's
# python3-torch, python3-numpy and libopenblas0-pthread (see torch.sh); not run by CI.
# Usage: bench/peers/dqn.sh [seeds] [max-steps] [updates]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seeds="${1:-5}"; max_steps="${2:-50000}"; updates="${3:-3000}"
source bench/peers/torch.sh

./jgym --version >/dev/null   # builds on first use
echo "## milliseconds per update"
java "${jvm_opts[@]}" -cp launcher/target/jgym.jar io.jgym.agents.dqn.DqnUpdateTiming "$updates"
torch_peer bench/peers/dqn_cartpole.py --updates "$updates"

echo; echo "## to greedy 475"
jgym_table="$(./jgym bench dqn --seeds "$seeds" --max-steps "$max_steps" --eval-every 2500 --eval-episodes 100 \
  --stop-when-solved true --final-episodes 0)"
echo "$jgym_table"
torch_table="$(torch_peer bench/peers/dqn_cartpole.py --seeds "$seeds" --max-steps "$max_steps")"
echo "$torch_table"

# The wall-time medians: jgym's "wall s to it" column of its first target (eval/greedy_mean), the peer's last column.
jgym_wall="$(echo "$jgym_table" | grep '^| \*\*median' | awk -F'|' '{print $(NF-3)}' | tr -d ' ')"
torch_wall="$(echo "$torch_table" | grep '^| \*\*pytorch median' | awk -F'|' '{print $(NF-2)}' | tr -d ' ')"
echo; echo "wall time to greedy 475, median: jgym ${jgym_wall} s, PyTorch ${torch_wall} s, ratio $(awk -v a="$jgym_wall" -v b="$torch_wall" 'BEGIN { printf "%.2f", a / b }')"
