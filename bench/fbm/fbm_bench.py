"""numpy/scipy side of bench/fbm: Davies-Harte fGn at n = 2^14 (eigenvalues cached, and recomputed per path),
the fGn Whittle estimate (same spectral density: |k| <= 3 plus an Euler-Maclaurin tail; bounded Brent from scipy)
at n = 2^14. Prints "numpy <key> <ms>" lines. Single-threaded BLAS/FFT (run.sh sets the thread variables)."""
import sys
import time

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import gamma as gamma_fn

N = 1 << 14


def eigen(n, h):
    k = np.arange(n + 1, dtype=float)
    g = 0.5 * (np.abs(k + 1) ** (2 * h) - 2 * k ** (2 * h) + np.abs(k - 1) ** (2 * h))
    c = np.concatenate([g, g[-2:0:-1]])
    return np.sqrt(np.maximum(np.fft.fft(c).real, 0) / (2 * n))


def fgn(n, root, rng):
    m = 2 * n
    w = root * (rng.standard_normal(m) + 1j * rng.standard_normal(m))
    return np.fft.fft(w).real[:n]  # one path per FFT (the imaginary part would be a second, independent one)


def shape(h, lam, logs, tails):
    d = 2 * h + 1
    s = np.exp(-d * logs).sum(axis=1)
    for a in tails:
        g = a ** (-d)
        s += g * a / (2 * np.pi * (d - 1)) + g / 2 + d * 2 * np.pi * g / a / 12
    return (1 - np.cos(lam)) * s


def whittle(x):
    n = len(x)
    y = np.fft.rfft(x - x.mean())
    m = (n - 1) // 2
    per = np.abs(y[1:m + 1]) ** 2 / (2 * np.pi * n)
    lam = 2 * np.pi * np.arange(1, m + 1) / n
    logs = np.log(np.abs(lam[:, None] + 2 * np.pi * np.arange(-3, 4)[None, :]))
    tails = (8 * np.pi + lam, 8 * np.pi - lam)

    def q(h):
        f = shape(h, lam, logs, tails)
        return np.log(np.mean(per / f)) + np.mean(np.log(f))

    return minimize_scalar(q, bounds=(0.001, 0.999), method="bounded", options={"xatol": 1e-9}).x


def main():
    paths = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    estimates = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    rng = np.random.default_rng(1)
    for h in (0.7, 0.3):
        root = eigen(N, h)
        for _ in range(paths // 10):
            fgn(N, root, rng)
        t0 = time.perf_counter()
        for _ in range(paths):
            fgn(N, root, rng)
        print("numpy fgn_h%d %.4f" % (round(h * 10), (time.perf_counter() - t0) * 1e3 / paths))
        t0 = time.perf_counter()
        for _ in range(paths // 4):
            fgn(N, eigen(N, h), rng)
        print("numpy fgn_h%d_recomputed %.4f" % (round(h * 10), (time.perf_counter() - t0) * 1e3 / (paths // 4)))
    for h in (0.7, 0.3):
        root = eigen(N, h)
        data = [fgn(N, root, rng) for _ in range(estimates)]
        t0 = time.perf_counter()
        est = [whittle(x) for x in data]
        print("numpy whittle_h%d %.4f" % (round(h * 10), (time.perf_counter() - t0) * 1e3 / estimates))
        print("# numpy whittle mean estimate at H=%.1f over %d paths: %.4f" % (h, estimates, np.mean(est)))


if __name__ == "__main__":
    main()
