#!/usr/bin/env bash
# Quire's exact LMDP planner (org.quire.lmdp BeliefTreePlanner) against BURLAP 3.0.1's exact finite-horizon POMDP
# planner (BeliefSparseSampling, c = -1) on bench/lmdp/instances/*.json, single-threaded, in one run. Prints both
# optimal values, |difference| (must be <= 1e-6, else exit 1), median times and the ratio BURLAP ms / Quire ms.
# Prerequisite: the Quire jars in ~/.m2, from the repository root:
#   ./mvnw -B -q -o install -pl bundles/org.quire.api,bundles/org.quire.compute,bundles/org.quire.lmdp
# BURLAP and its dependencies come from Maven Central (first run online; later runs offline).
# Usage: bench/lmdp/run.sh [instances-directory]   (default bench/lmdp/instances)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
instances="${1:-$here/instances}"
if command -v mvn >/dev/null 2>&1; then mvn=mvn; else mvn="$root/mvnw"; fi
if ! "$mvn" -B -q -o -Dstyle.color=never -f "$here/pom.xml" clean package dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt" >/dev/null; then
  "$mvn" -B -q -Dstyle.color=never -f "$here/pom.xml" clean package dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
fi
cp="$here/target/lmdp-bench-0.1.0-SNAPSHOT.jar:$(cat "$here/target/classpath.txt")"
echo "$(java -version 2>&1 | head -1); BURLAP 3.0.1; instances $instances"
# one processor for the JVM: both planners are sequential, and this keeps JIT/GC threads from helping either side
exec java -Xms1g -Xmx2g -XX:ActiveProcessorCount=1 -cp "$cp" org.quire.bench.lmdp.LmdpBench "$instances"
