#!/usr/bin/env bash
# ND4J's oneDNN builds of nd4j-native side by side: for each build, the generative trainers' median
# milliseconds per minibatch (io.jgym.generative.bench.StepTiming) and the DQN update
# (io.jgym.agents.dqn.DqnUpdateTiming), with ./jgym's JVM options and one thread. jgym ships the
# -onednn build; the CPU-specific ones are fetched into ~/.m2 by Maven on first use. Not run by CI.
# Usage: bench/native-builds.sh [repeats] [build ...]     (builds: onednn onednn-avx2 onednn-avx512)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repeats="${1:-1}"
shift $(( $# < 1 ? $# : 1 ))
builds=("$@"); [ ${#builds[@]} -gt 0 ] || builds=(onednn onednn-avx2 onednn-avx512)
version=1.0.0-M2.1
eval "$(grep '^jvm_opts=' jgym)"
export OMP_NUM_THREADS=1
./jgym --version >/dev/null   # builds on first use
data="$(mktemp -d)"; trap 'rm -rf "$data"' EXIT

echo "| repeat | build | conv-ae | vae | dense-gan | dcgan-rgb | sine-gan | DQN update |"
echo "|---|---|---|---|---|---|---|---|"
for repeat in $(seq 1 "$repeats"); do
  for build in "${builds[@]}"; do
    jar="$HOME/.m2/repository/org/nd4j/nd4j-native/$version/nd4j-native-$version-linux-x86_64-$build.jar"
    [ -f "$jar" ] || mvn -q -B dependency:get -Dartifact="org.nd4j:nd4j-native:$version:jar:linux-x86_64-$build" -Dtransitive=false
    opts=("${jvm_opts[@]/-Djavacpp.platform.extension=-onednn/-Djavacpp.platform.extension=-$build}")
    cells=()
    for workload in "conv-ae 30 5" "vae 30 5" "dense-gan 200 50" "dcgan-rgb 15 3" "sine-gan 300 100"; do
      set -- $workload
      cells+=("$(java "${opts[@]}" -cp "launcher/target/jgym.jar:$jar" io.jgym.generative.bench.StepTiming "$1" "$2" "$3" "$data/$1" \
        2>/dev/null | grep '^RESULT' | tr ' ' '\n' | grep '^median_ms=' | cut -d= -f2)")
    done
    cells+=("$(java "${opts[@]}" -cp "launcher/target/jgym.jar:$jar" io.jgym.agents.dqn.DqnUpdateTiming 3000 2>/dev/null \
      | grep -o '[0-9.]* ms per update' | cut -d' ' -f1)")
    echo "| $repeat | -$build | $(IFS='|'; echo "${cells[*]}" | sed 's/|/ | /g') |"
  done
done
