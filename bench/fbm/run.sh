#!/usr/bin/env bash
# Quire org.quire.fbm against numpy/scipy at n = 2^14, single-threaded, in one run: exact fGn (Davies-Harte)
# ms per path, the Whittle estimate ms per estimate, MA-fBM K = 5 ms per path; prints the ratios.
# Prerequisite: the Quire jars in ~/.m2, from the repository root:
#   ./mvnw -B -q -o install -pl bundles/org.quire.api,bundles/org.quire.compute,bundles/org.quire.fbm
# numpy/scipy are Debian's python3-numpy/python3-scipy, run with /usr/bin/python3 (installed here if missing).
# Usage: bench/fbm/run.sh [paths [estimates]]   (defaults 1000 20)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
paths="${1:-1000}"
estimates="${2:-20}"
py=/usr/bin/python3
if ! "$py" -c 'import numpy, scipy' 2>/dev/null; then
  echo "installing python3-numpy python3-scipy (Debian)" >&2
  apt-get install -y -q python3-numpy python3-scipy >/dev/null
fi
if command -v mvn >/dev/null 2>&1; then mvn=mvn; else mvn="$root/mvnw"; fi
if ! "$mvn" -B -q -o -Dstyle.color=never -f "$here/pom.xml" package dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt" >/dev/null; then
  "$mvn" -B -q -Dstyle.color=never -f "$here/pom.xml" package dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
fi
cp="$here/target/fbm-bench-0.1.0-SNAPSHOT.jar:$(cat "$here/target/classpath.txt")"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
echo "numpy $("$py" -c 'import numpy, scipy, sys; print(numpy.__version__, "scipy", scipy.__version__, "python", sys.version.split()[0])'); $(java -version 2>&1 | head -1)"
# single-threaded on both sides (JTransforms would otherwise split large FFTs over cores)
java -Xms1g -Xmx2g -XX:ActiveProcessorCount=1 -cp "$cp" org.quire.bench.fbm.FbmBench "$paths" "$estimates" | tee -a "$out"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 "$py" "$here/fbm_bench.py" "$paths" "$estimates" | tee -a "$out"
awk '
  $1 == "quire" { q[$2] = $3 }
  $1 == "numpy" { p[$2] = $3 }
  END {
    print "--- ratios (numpy ms / Quire ms; > 1 means Quire is faster) ---"
    split("fgn_h7 fgn_h3 whittle_h7 whittle_h3", keys, " ")
    for (i = 1; i <= 4; i++) { k = keys[i]; printf "%-12s Quire %8.3f ms  numpy %8.3f ms  ratio %.2f\n", k, q[k], p[k], p[k] / q[k] }
    printf "%-12s Quire %8.3f ms  numpy (eigenvalues recomputed) %8.3f ms  ratio %.2f\n", "fgn_h7", q["fgn_h7"], p["fgn_h7_recomputed"], p["fgn_h7_recomputed"] / q["fgn_h7"]
    printf "FFT choice   JTransforms %8.3f ms  Hipparchus FastFourierTransformer %8.3f ms per fGn path (H=0.7)\n", q["fgn_h7"], q["fgn_h7_hipparchus_fft"]
    printf "MA-fBM K=5   exact OU step %8.3f ms/path  Euler %8.3f ms/path  (target <= 1.3)\n", q["mafbm_k5_exact"], q["mafbm_k5_euler"]
  }' "$out"
