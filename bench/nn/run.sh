#!/usr/bin/env bash
# Builds and runs bench/nn: Quire org.quire.nn against libtorch (DJL, CPU) on one MLP training step.
# Prerequisite: the Quire jars in ~/.m2, from the repository root:
#   ./mvnw -B -q -o install -pl bundles/org.quire.api,bundles/org.quire.compute,bundles/org.quire.nn
# Usage: bench/nn/run.sh [threads [warmup [steps [repeats [relu|tanh]]]]]   (defaults 2 10 30 3 relu)
# libtorch is loaded from the pytorch-native-cpu jar on the classpath; DJL runs offline and never downloads.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
threads="${1:-2}"
if command -v mvn >/dev/null 2>&1; then mvn=mvn; else mvn="$root/mvnw"; fi
# offline first (everything is normally in ~/.m2); fall back to resolving from Maven Central once
mkdir -p "$here/target"
log="$here/target/build.log"
build() { "$mvn" -B -q -Dstyle.color=never "$@" -f "$here/pom.xml" package dependency:build-classpath \
  -Dmdep.outputFile="$here/target/classpath.txt" >"$log" 2>&1; }
if ! build -o && ! build; then cat "$log" >&2; exit 1; fi
cp="$here/target/nn-bench-0.1.0-SNAPSHOT.jar:$(cat "$here/target/classpath.txt")"
export OMP_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"
export PYTORCH_FLAVOR=cpu PYTORCH_VERSION=2.5.1
# a private DJL cache, so no earlier download elsewhere can be picked up by mistake
export DJL_CACHE_DIR="$here/target/djl-cache"
exec java -Xms2g -Xmx4g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" \
  -Dai.djl.pytorch.num_interop_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error \
  -cp "$cp" org.quire.bench.nn.NnBench "$@"
