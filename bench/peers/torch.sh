# Sourced by the PyTorch peer scripts (dqn.sh, generative.sh): how a peer runs, one thread, and with
# the JVM options ./jgym uses for jgym's side. Debian's python3-torch calls the system BLAS, and with
# Debian's default alternative, the reference BLAS, it is 5-12x slower, so the peer runs on OpenBLAS
# through LD_LIBRARY_PATH whatever the system's alternative is (apt-get install libopenblas0-pthread).
python=/usr/bin/python3   # Debian's interpreter, where python3-torch is installed
openblas=/usr/lib/x86_64-linux-gnu/openblas-pthread
[ -f "$openblas/libblas.so.3" ] || { echo "needs OpenBLAS: apt-get install libopenblas0-pthread" >&2; exit 1; }
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
eval "$(grep '^jvm_opts=' jgym)"   # the JVM options ./jgym runs with

# Runs a PyTorch peer script with its arguments.
torch_peer() { LD_LIBRARY_PATH="$openblas" "$python" "$@"; }
