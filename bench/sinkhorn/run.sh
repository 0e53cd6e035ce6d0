#!/usr/bin/env bash
# Entropic optimal transport: Quire's ot.sinkhorn plugin (stabilised Sinkhorn and Sinkhorn-Newton-Sparse) against POT
# (Debian python3-pot: ot.sinkhorn with method 'sinkhorn', and the log-domain 'sinkhorn_log' up to n = LOG_MAX_N, default
# 0 = off, it is some 50x slower per iteration) on the same inputs,
# in one run. n source points uniform in the unit square, n target points from three clipped Gaussian blobs, uniform
# weights, squared Euclidean cost (max 2), for n in SIZES and eps in REGS.
#  * Quire runs each method to a marginal error |P1 - a|_1 + |P^T 1 - b|_1 <= TOL (default 1e-10). The Java side runs
#    the plugin's classes (org.quire.examples.sinkhorn.OtSolver) on the classpath through SinkhornBench.java, not
#    through the Quire product.
#  * POT runs exactly as many Sinkhorn iterations as Quire's Sinkhorn needed (stopThr = 0), i.e. the same algorithm to
#    the same marginal error; its L1 marginal error is printed next to Quire's to show they are equal.
#  * Both sides use THREADS threads (default 1; Java: fixed row chunks; numpy/OpenBLAS: OPENBLAS_NUM_THREADS) and report
#    the best of REPEATS runs, in CPU seconds of the whole process (stable on a shared machine; wall-time ratios are
#    printed too). Java warms up (JIT) on the first problem (both methods, three times each).
# Acceptance (exit 1 otherwise): SNS reaches TOL in at most a fifth of Sinkhorn's iterations at every eps <= 0.01, and
# Quire's Sinkhorn is no slower than POT's ot.sinkhorn at the largest n (CPU-time ratio POT/Quire >= 1 at every eps).
# Prerequisites: Java 17, Maven, the Quire API in ~/.m2 (./mvnw install in the repository root), and
#   apt-get install -y python3-pot      (run with Debian's /usr/bin/python3)
# Usage: bench/sinkhorn/run.sh            (env: SIZES=500,1000,2000 REGS=0.05,0.01,0.003 TOL=1e-10 THREADS=1 REPEATS=2)
# SPDX-License-Identifier: EPL-2.0
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
plugin="$root/examples/org.quire.examples.sinkhorn"
SIZES="${SIZES:-500,1000,2000}"
REGS="${REGS:-0.05,0.01,0.003}"
TOL="${TOL:-1e-10}"
THREADS="${THREADS:-1}"
REPEATS="${REPEATS:-2}"
LOG_MAX_N="${LOG_MAX_N:-0}"
py=/usr/bin/python3
"$py" -c "import ot" 2>/dev/null || { echo "POT is missing: apt-get install -y python3-pot" >&2; exit 2; }
if command -v mvn >/dev/null 2>&1; then mvn=mvn; else mvn="$root/mvnw"; fi

work="$here/target"
mkdir -p "$work/inputs" "$work/classes"
# the plugin jar (tests skipped here; they run in its own build), offline first
if ! "$mvn" -B -q -o -Dstyle.color=never -f "$plugin/pom.xml" package -DskipTests >/dev/null 2>&1; then
  "$mvn" -B -q -Dstyle.color=never -f "$plugin/pom.xml" package -DskipTests
fi
jar="$(ls "$plugin"/target/org.quire.examples.sinkhorn-*.jar | head -1)"
api="$HOME/.m2/repository/org/quire/org.quire.api/0.1.0-SNAPSHOT/org.quire.api-0.1.0-SNAPSHOT.jar"
[ -f "$api" ] || { echo "missing $api: run ./mvnw install -pl bundles/org.quire.api in $root" >&2; exit 2; }
cp="$jar:$api"
javac -nowarn -d "$work/classes" -cp "$cp" "$here/SinkhornBench.java"
"$py" "$here/make_inputs.py" "$work/inputs" "$SIZES"

echo "$(java -version 2>&1 | head -1); POT $("$py" -c 'import ot; print(ot.__version__)'); numpy $("$py" -c 'import numpy; print(numpy.__version__)'); threads $THREADS; best of $REPEATS; tolerance $TOL"
java -Xmx4g -cp "$work/classes:$cp" SinkhornBench "$work/inputs" "$TOL" "$THREADS" "$REPEATS" "$SIZES" "$REGS" > "$work/quire.tsv"
# OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are unset for POT alone (they slow a current OpenBLAS; see the machine notes)
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$THREADS" OMP_NUM_THREADS="$THREADS" \
  "$py" "$here/pot_bench.py" "$work/inputs" "$work/quire.tsv" "$REPEATS" "$LOG_MAX_N" > "$work/pot.tsv"
"$py" "$here/report.py" "$work/quire.tsv" "$work/pot.tsv" "$SIZES"
