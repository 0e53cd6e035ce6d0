"""Benchmark inputs for bench/sinkhorn: n source points uniform in the unit square, n target points from a mixture of
three Gaussian blobs clipped to it, uniform weights, fixed seed. SPDX-License-Identifier: EPL-2.0"""
import sys
import numpy as np

out, sizes = sys.argv[1], [int(s) for s in sys.argv[2].split(",")]
for n in sizes:
    rng = np.random.default_rng(20240 + n)
    src = rng.random((n, 2))
    centres = np.array([[0.25, 0.3], [0.7, 0.25], [0.5, 0.75]])
    tgt = np.clip(centres[rng.integers(0, 3, n)] + 0.12 * rng.standard_normal((n, 2)), 0, 1)
    for name, pts in (("source", src), ("target", tgt)):
        np.savetxt(f"{out}/n{n}_{name}.csv", pts, delimiter=",", header="x,y", comments="", fmt="%.17g")
