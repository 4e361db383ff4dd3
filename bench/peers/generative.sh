#!/usr/bin/env bash
# jgym's generative trainers against their PyTorch peers (generative.py), one after the other in one
# run, one thread each: for each trainer, jgym's StepTiming times its default minibatch update and
# writes the minibatches it used; the peer then trains the same network on the very same batches.
# Prints one row per repeat: median milliseconds per minibatch after the warm-up for both, their
# ratio (jgym / PyTorch) and both mean losses over the last quarter of the timed minibatches.
# Needs Debian's python3-torch, python3-numpy and libopenblas0-pthread (Debian's torch calls the
# system BLAS; with the reference BLAS it is 5-12x slower, so the peer runs on OpenBLAS through
# LD_LIBRARY_PATH whatever the system's BLAS alternative is). Not run by CI.
# Usage: bench/peers/generative.sh [minibatches] [warm-up] [repeats] [trainer ...]
#        (JGYM_CP=<class path> uses those classes instead of building ./jgym's jar)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
minibatches="${1:-100}"; warm_up="${2:-20}"; repeats="${3:-2}"
shift $(( $# < 3 ? $# : 3 ))
trainers=("$@"); [ ${#trainers[@]} -gt 0 ] || trainers=(vae conv-ae dense-gan dcgan-rgb sine-gan)
source bench/peers/torch.sh
if [ -z "${JGYM_CP:-}" ]; then
  ./jgym --version >/dev/null   # builds on first use
  JGYM_CP=launcher/target/jgym.jar
fi
data="$(mktemp -d)"; trap 'rm -rf "$data"' EXIT

field() { tr ' ' '\n' | grep "^$1=" | cut -d= -f2; }
losses() { tr ' ' '\n' | grep -v '_ms=' | grep '=' | paste -sd' ' - || true; }

echo "| trainer | repeat | jgym ms/minibatch | PyTorch ms/minibatch | ratio | jgym losses | PyTorch losses |"
echo "|---|---|---|---|---|---|---|"
for trainer in "${trainers[@]}"; do
  for repeat in $(seq 1 "$repeats"); do
    jgym="$(java "${jvm_opts[@]}" -cp "$JGYM_CP" io.jgym.generative.bench.StepTiming "$trainer" "$minibatches" "$warm_up" \
      "$data/$trainer" 2>/dev/null | grep '^RESULT')"
    peer="$(torch_peer bench/peers/generative.py "$trainer" "$data/$trainer" "$minibatches" "$warm_up" \
      | grep '^RESULT')"
    j="$(echo "$jgym" | field median_ms)"; p="$(echo "$peer" | field median_ms)"
    echo "| $trainer | $repeat | $j | $p | $(awk -v a="$j" -v b="$p" 'BEGIN { printf "%.2f", a / b }') |" \
      "$(echo "$jgym" | losses) | $(echo "$peer" | losses) |"
  done
done
