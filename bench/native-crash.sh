#!/usr/bin/env bash
# Stress test for ND4J's native crash (a SIGSEGV in sd::DataBuffer::primary(), docs/benchmarks.md):
# starts RUNS JVMs one after the other with exactly ./jgym's JVM options, alternating a short DQN
# run (CartPole, STEPS environment steps) and a short dense-gan run (one epoch of GAN_IMAGES
# Fashion-MNIST images), and prints how many died: crashes / runs, per workload, with the first
# lines of each crash report, and each workload's median wall time and peak resident memory.
# Extra arguments after RUNS are added to the JVM options (a later -Xmn overrides ./jgym's).
# Not run by CI; takes about 10 s per JVM.
# Usage: bench/native-crash.sh [runs] [extra JVM option ...]
#        (JGYM_CP=<class path> uses those classes instead of building ./jgym's jar)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-50}"; shift $(( $# > 0 ? 1 : 0 ))
steps="${STEPS:-2000}"; gan_images="${GAN_IMAGES:-3200}"
if [ -z "${JGYM_CP:-}" ]; then
  ./jgym --version >/dev/null || exit 1   # builds on first use
  JGYM_CP=launcher/target/jgym.jar
fi
eval "$(grep '^jvm_opts=' jgym)"   # the JVM options ./jgym runs with
jvm_opts+=("$@")
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
echo "JVM options: ${jvm_opts[*]}"

declare -A started=() crashed=()
for i in $(seq 1 "$runs"); do
  if (( i % 2 )); then
    workload=dqn; args=(train dqn --max-steps "$steps")
  else
    workload=dense-gan; args=(train dense-gan --max-images "$gan_images" --epochs 1)
  fi
  started[$workload]=$(( ${started[$workload]:-0} + 1 ))
  /usr/bin/time -f '%e %M' -o "$work/time_$i" java "${jvm_opts[@]}" -XX:ErrorFile="$work/hs_err_$i.log" -cp "$JGYM_CP" io.jgym.launcher.JgymCommand \
    "${args[@]}" --seed "$i" --runs-dir "$work/runs" --name "$workload-$i" >"$work/out_$i.log" 2>&1
  status=$?
  if [ "$status" -ne 0 ] || [ -f "$work/hs_err_$i.log" ]; then
    crashed[$workload]=$(( ${crashed[$workload]:-0} + 1 ))
    echo "run $i ($workload): exit status $status"
    if [ -f "$work/hs_err_$i.log" ]; then
      grep -m 3 -E 'SIGSEGV|Problematic frame|^C  \[' "$work/hs_err_$i.log" | sed 's/^/    /'
      grep -m 6 -E '^[Jj] ' "$work/hs_err_$i.log" | cut -c1-160 | sed 's/^/    /'   # the Java frames above it
    else
      tail -n 3 "$work/out_$i.log" | sed 's/^/    /'
    fi
  fi
  [ "$status" -eq 0 ] && tail -n 1 "$work/time_$i" >>"$work/usage_$workload"
  rm -rf "$work/runs/$workload-$i"
done

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "-" }'; }

echo "| workload | runs | crashes | median wall s | median peak RSS MB |"
echo "|---|---|---|---|---|"
for workload in dqn dense-gan; do
  wall="$(cut -d' ' -f1 "$work/usage_$workload" 2>/dev/null | median)"
  rss="$(cut -d' ' -f2 "$work/usage_$workload" 2>/dev/null | median)"
  [ "$rss" != "-" ] && rss=$(( rss / 1024 ))
  echo "| $workload | ${started[$workload]:-0} | ${crashed[$workload]:-0} | $wall | $rss |"
done
