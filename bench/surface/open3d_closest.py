"""Open3D side of bench/surface: exact closest points with RaycastingScene.compute_closest_points.

Usage: /usr/bin/python3 open3d_closest.py MESH QUERIES.bin OUT.bin REPEATS
QUERIES.bin holds little-endian float64 x,y,z triples; OUT.bin receives the closest points (float64 x,y,z triples).
Prints one line: "open3d <version> triangles <T> queries <N> build_s <t> query_s <best of REPEATS>".
"""
import sys
import time

import numpy as np
import open3d as o3d


def main():
    mesh_path, queries_path, out_path, repeats = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    mesh = o3d.io.read_triangle_mesh(mesh_path)
    if len(mesh.triangles) == 0:
        raise SystemExit(f"{mesh_path}: Open3D read no triangles")
    q = np.fromfile(queries_path, dtype="<f8").reshape(-1, 3)
    t0 = time.perf_counter()
    tmesh = o3d.t.geometry.TriangleMesh.from_legacy(mesh)
    scene = o3d.t.geometry.RaycastingScene()
    scene.add_triangles(tmesh)
    qt = o3d.core.Tensor(q.astype(np.float32))
    # the first query builds the acceleration structure lazily: count it as build time
    scene.compute_closest_points(qt[:1])
    build = time.perf_counter() - t0
    best = float("inf")
    points = None
    for _ in range(repeats):
        t = time.perf_counter()
        ans = scene.compute_closest_points(qt)
        points = ans["points"].numpy()
        best = min(best, time.perf_counter() - t)
    points.astype("<f8").tofile(out_path)
    print(f"open3d {o3d.__version__} triangles {len(mesh.triangles)} queries {len(q)} build_s {build:.6f} query_s {best:.6f}")


if __name__ == "__main__":
    main()
