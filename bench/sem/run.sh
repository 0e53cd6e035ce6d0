#!/usr/bin/env bash
# Quire's Gaussian vanishing-ideal scan (org.quire.sem, one thread, warm JVM, median of 5, thread cpu time) against Macaulay2 1.21's
# Lambda-elimination (m2/vanishing.m2: saturate, eliminate, mingens) on the graphs of graphs.tsv, in one run.
# Prints the minimal generators per degree of both (they must agree up to Quire's degree bound), whether M2 confirms
# that Quire's generators generate its ideal up to that degree, the times and the ratio M2 cpu / Quire.
# Prerequisites: Macaulay2 (Debian: apt-get install -y macaulay2) and the Quire jars in ~/.m2, from the repository root:
#   ./mvnw -B -q -o install -pl bundles/org.quire.api,bundles/org.quire.compute,bundles/org.quire.sem
# Usage: bench/sem/run.sh [m2-timeout-seconds]   (default 120)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
timeout="${1:-120}"
command -v M2 >/dev/null || { echo "Macaulay2 (M2) not found: apt-get install -y macaulay2" >&2; exit 2; }
if command -v mvn >/dev/null 2>&1; then mvn=mvn; else mvn="$root/mvnw"; fi
if ! "$mvn" -B -q -o -Dstyle.color=never -f "$here/pom.xml" package dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt" >/dev/null; then
  "$mvn" -B -q -Dstyle.color=never -f "$here/pom.xml" package dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
fi
cp="$here/target/sem-bench-0.1.0-SNAPSHOT.jar:$(cat "$here/target/classpath.txt")"
echo "$(java -version 2>&1 | head -1); $(M2 --version 2>/dev/null | head -1 | sed 's/^/Macaulay2 /'); $(nproc) cores; M2 timeout ${timeout} s"
exec java -Xms1g -Xmx2g -XX:ActiveProcessorCount=1 -cp "$cp" org.quire.bench.sem.SemBench "$here" "$here/target/m2" "$here/m2/vanishing.m2" "$timeout"
