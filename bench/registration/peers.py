#!/usr/bin/python3
"""Open3D peers and the summary of bench/registration (run with Debian's /usr/bin/python3).

  peers.py open3d CASE_DIR...   RANSAC+FPFH+ICP(p2l) and FGR+ICP(p2l) per case; prints
                                "case method m00 ... m33 seconds" and writes <case>/<method>.txt
  peers.py summary CASE_DIR...  reads truth.txt and every <method>.txt of each case; prints rotation error (deg),
                                translation error, rmse_gt (RMS distance between the scan moved by the estimate and by
                                the truth, all scan points, as in the spec) and time, then time ratios against Quire.
Times include reading both PLY files, as Quire's do.
"""
import glob
import os
import sys
import time

import numpy as np

VOXEL = 2.0  # FPFH voxel (spec table: RANSAC+FPFH v=2)


def load_matrix(path):
    vals = []
    for t in open(path).read().replace(",", " ").split():
        try:
            vals.append(float(t))
        except ValueError:
            pass
    return np.array(vals[:16]).reshape(4, 4)


def emit(case, method, m, secs):
    line = "%s %s %s %.3f" % (os.path.basename(case.rstrip("/")), method, " ".join(repr(float(v)) for v in m.reshape(-1)), secs)
    print(line, flush=True)
    with open(os.path.join(case, method + ".txt"), "w") as f:
        f.write(line + "\n")


def run_open3d(cases):
    import open3d as o3d
    reg = o3d.pipelines.registration
    try:
        o3d.utility.random.seed(1)
    except AttributeError:
        pass
    o3d.utility.set_verbosity_level(o3d.utility.VerbosityLevel.Error)

    def prepare(case):
        ref = o3d.io.read_point_cloud(os.path.join(case, "ref.ply"))
        scan = o3d.io.read_point_cloud(os.path.join(case, "scan.ply"))
        if not ref.has_normals():
            ref.estimate_normals(o3d.geometry.KDTreeSearchParamKNN(12))
        feats = []
        for pc in (scan, ref):
            down = pc.voxel_down_sample(VOXEL)
            down.estimate_normals(o3d.geometry.KDTreeSearchParamHybrid(radius=2 * VOXEL, max_nn=30))
            fpfh = reg.compute_fpfh_feature(down, o3d.geometry.KDTreeSearchParamHybrid(radius=5 * VOXEL, max_nn=100))
            feats.append((down, fpfh))
        return ref, scan, feats

    def refine(scan, ref, init):
        return reg.registration_icp(scan, ref, 1.0, init, reg.TransformationEstimationPointToPlane(),
                                    reg.ICPConvergenceCriteria(max_iteration=100)).transformation

    for case in cases:
        t0 = time.perf_counter()
        ref, scan, ((sd, sf), (rd, rf)) = prepare(case)
        r = reg.registration_ransac_based_on_feature_matching(
            sd, rd, sf, rf, True, 1.5 * VOXEL, reg.TransformationEstimationPointToPoint(False), 3,
            [reg.CorrespondenceCheckerBasedOnEdgeLength(0.9), reg.CorrespondenceCheckerBasedOnDistance(1.5 * VOXEL)],
            reg.RANSACConvergenceCriteria(100000, 0.999))
        m = refine(scan, ref, r.transformation)
        emit(case, "open3d-ransac", np.asarray(m), time.perf_counter() - t0)
        t0 = time.perf_counter()
        ref, scan, ((sd, sf), (rd, rf)) = prepare(case)
        r = reg.registration_fgr_based_on_feature_matching(
            sd, rd, sf, rf, reg.FastGlobalRegistrationOption(maximum_correspondence_distance=0.5 * VOXEL))
        m = refine(scan, ref, r.transformation)
        emit(case, "open3d-fgr", np.asarray(m), time.perf_counter() - t0)


def read_ply_xyz(path):
    with open(path, "rb") as f:
        header = []
        while True:
            line = f.readline().decode("ascii").strip()
            header.append(line)
            if line == "end_header":
                break
        fmt = [h for h in header if h.startswith("format")][0].split()[1]
        n = int([h for h in header if h.startswith("element vertex")][0].split()[2])
        props = [h.split() for h in header if h.startswith("property")]
        if fmt == "ascii":
            data = np.loadtxt(f, max_rows=n, ndmin=2)
            return data[:, :3]
        types = {"float": "f4", "float32": "f4", "double": "f8", "float64": "f8", "uchar": "u1", "uint8": "u1",
                 "int": "i4", "int32": "i4", "uint": "u4", "short": "i2", "ushort": "u2"}
        endian = "<" if fmt == "binary_little_endian" else ">"
        dt = np.dtype([(p[2], endian + types[p[1]]) for p in props if p[1] != "list"])
        arr = np.frombuffer(f.read(dt.itemsize * n), dtype=dt, count=n)
        return np.stack([arr["x"], arr["y"], arr["z"]], axis=1).astype(float)


def summary(cases):
    rows = []
    for case in cases:
        truth = load_matrix(os.path.join(case, "truth.txt"))
        pts = read_ply_xyz(os.path.join(case, "scan.ply"))
        hom = np.c_[pts, np.ones(len(pts))]
        for path in sorted(glob.glob(os.path.join(case, "*.txt"))):
            method = os.path.basename(path)[:-4]
            if method == "truth":
                continue
            parts = open(path).read().split()
            m = np.array([float(v) for v in parts[2:18]]).reshape(4, 4)
            secs = float(parts[18])
            r = m[:3, :3] @ truth[:3, :3].T
            rot = np.degrees(np.arccos(np.clip((np.trace(r) - 1) / 2, -1, 1)))
            trans = np.linalg.norm(m[:3, 3] - truth[:3, 3])
            rmse = np.sqrt(np.mean(np.sum((hom @ m.T - hom @ truth.T)[:, :3] ** 2, axis=1)))
            rows.append((os.path.basename(case.rstrip("/")), method, rot, trans, rmse, secs))
    print("%-8s %-14s %10s %10s %10s %9s" % ("case", "method", "rot(deg)", "trans", "rmse_gt", "time(s)"))
    for c, m, rot, tr, rm, s in rows:
        print("%-8s %-14s %10.4f %10.4f %10.4f %9.2f" % (c, m, rot, tr, rm, s))
    print()
    print("time ratio Quire / peer (same machine, same pairs; <= 0.5 against open3d-ransac is the issue's target):")
    for c in sorted(set(r[0] for r in rows)):
        q = [r for r in rows if r[0] == c and r[1] == "quire"]
        if not q:
            continue
        for r in rows:
            if r[0] == c and r[1] != "quire":
                print("  %-8s quire/%-14s %6.2f" % (c, r[1], q[0][5] / r[5]))


if __name__ == "__main__":
    if sys.argv[1] == "open3d":
        run_open3d(sys.argv[2:])
    elif sys.argv[1] == "summary":
        summary(sys.argv[2:])
    else:
        sys.exit("usage: peers.py open3d|summary CASE_DIR...")
