#!/usr/bin/env bash
# Quire's registration.mpe against Open3D 0.16 (RANSAC+FPFH+ICP p2l, FGR+ICP p2l) and PCL 1.13 (pcl_icp -d 20 -n 200
# from the identity, an "ICP floor") on the same synthetic blade scan pairs (reference 48k points with normals, one
# partial view of ~26k surface points plus outliers), in one run on one machine. Prints rotation error (deg),
# translation error, rmse_gt and wall time per method and case, and the time ratios Quire / peer.
# Prerequisites: Debian packages python3-open3d and pcl-tools (PCL is skipped when pcl_icp is missing; PCL=0 skips
# it too); the Quire jars in ~/.m2, from the repository root:
#   ./mvnw -B -q -o install -pl bundles/org.quire.api,bundles/org.quire.compute,bundles/org.quire.geometry,bundles/org.quire.registration
# Usage: bench/registration/run.sh [case ...]   case = name:noise:outlierFraction:maxRotationDeg:seed
#   THREADS (default 2) is Quire's thread budget; Open3D uses its own OpenMP threads; WORK sets the data directory.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if command -v mvn >/dev/null 2>&1; then mvn=mvn; else mvn="$root/mvnw"; fi
if ! "$mvn" -B -q -o -Dstyle.color=never -f "$here/pom.xml" package dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt" >/dev/null; then
  "$mvn" -B -q -Dstyle.color=never -f "$here/pom.xml" package dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
fi
cp="$here/target/registration-bench-0.1.0-SNAPSHOT.jar:$(cat "$here/target/classpath.txt")"
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=(c1:0.1:0:45:1 c2:0.1:0.1:90:2 c3:0.2:0.3:90:3 c4:0.3:0.5:170:4 c5:0.2:0.1:170:5)
fi
work="${WORK:-$here/target/pairs}"
rm -rf "$work"; mkdir -p "$work"
echo "$(java -version 2>&1 | head -1); $(/usr/bin/python3 -c 'import open3d; print("Open3D", open3d.__version__)'); $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx3g -cp "$cp" org.quire.bench.registration.Generate "$work" "${cases[@]}"
dirs=()
for c in "${cases[@]}"; do dirs+=("$work/${c%%:*}"); done
java -Xmx3g -cp "$cp" org.quire.bench.registration.RunQuire "${THREADS:-2}" "${dirs[@]}"
/usr/bin/python3 "$here/peers.py" open3d "${dirs[@]}"
if command -v pcl_icp >/dev/null 2>&1 && [ "${PCL:-1}" != 0 ]; then
  for d in "${dirs[@]}"; do
    tmp="$(mktemp -d)"
    start=$(date +%s.%N)
    (cd "$tmp" && pcl_ply2pcd -format 1 "$d/ref.ply" ref.pcd >/dev/null && pcl_ply2pcd -format 1 "$d/scan.ply" src.pcd >/dev/null \
      && pcl_icp -d 20 -n 200 ref.pcd src.pcd > icp.out 2>&1) || true
    end=$(date +%s.%N)
    # the last 4 lines holding exactly 4 numbers are the matrix of src.pcd onto ref.pcd
    m=$(grep -E '^[[:space:]]*[-0-9.eE+]+([[:space:]]+[-0-9.eE+]+){3}[[:space:]]*$' "$tmp/icp.out" | tail -4 | tr -s ' \n' ' ')
    if [ -n "$m" ]; then
      echo "$(basename "$d") pcl-icp $m $(echo "$end - $start" | bc)" | tr -s ' ' | tee "$d/pcl-icp.txt"
    else
      echo "$(basename "$d") pcl-icp: no matrix in the output:"; tail -5 "$tmp/icp.out"
    fi
    rm -rf "$tmp"
  done
fi
/usr/bin/python3 "$here/peers.py" summary "${dirs[@]}"
