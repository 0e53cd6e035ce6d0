"""POT side of bench/sinkhorn: for each Quire row (n, reg, sinkhorn), runs POT's ot.sinkhorn (method 'sinkhorn',
Sinkhorn-Knopp in the kernel domain, and 'sinkhorn_log' where it is affordable) for exactly the iterations Quire's
Sinkhorn needed, so both do the same algorithm to the same marginal error; prints TSV rows with POT's time and the
L1 marginal error |P1 - a|_1 + |P^T 1 - b|_1 of its plan. SPDX-License-Identifier: EPL-2.0"""
import csv
import sys
import time
import warnings

import numpy as np
import ot

inputs, quire_tsv, repeats, log_max_n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rows = [r for r in csv.DictReader(open(quire_tsv), delimiter="\t") if r["method"] == "sinkhorn"]
print("n\treg\tmethod\titerations\tmarginalError\ttransportCost\tseconds\tcpu")
cache = {}
for r in rows:
    n, reg, its = int(r["n"]), float(r["reg"]), int(r["iterations"])
    if n not in cache:
        xs = np.loadtxt(f"{inputs}/n{n}_source.csv", delimiter=",", skiprows=1)
        xt = np.loadtxt(f"{inputs}/n{n}_target.csv", delimiter=",", skiprows=1)
        cache[n] = (np.full(n, 1.0 / n), np.full(n, 1.0 / n), ot.dist(xs, xt))   # squared Euclidean
    a, b, M = cache[n]
    methods = ["sinkhorn"] + (["sinkhorn_log"] if n <= log_max_n else [])
    for method in methods:
        best, best_cpu, P = float("inf"), float("inf"), None
        for _ in range(repeats):
            c0, t0 = time.process_time(), time.perf_counter()   # process_time: CPU of all threads (OpenBLAS too)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                P = ot.sinkhorn(a, b, M, reg, method=method, numItermax=its, stopThr=0.0)
            best = min(best, time.perf_counter() - t0)
            best_cpu = min(best_cpu, time.process_time() - c0)
        err = np.abs(P.sum(1) - a).sum() + np.abs(P.sum(0) - b).sum()
        print(f"{n}\t{r['reg']}\tpot-{method}\t{its}\t{err:.3e}\t{(P * M).sum():.12f}\t{best:.4f}\t{best_cpu:.4f}", flush=True)
