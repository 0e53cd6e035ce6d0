package org.quire.nn;

import java.util.Arrays;

import org.quire.compute.Parallel;

/**
 * Deterministic, register-blocked dense matrix product {@code C (+)= op(A) * op(B)} on row-major {@code double[]}.
 *
 * <p>op(B) is packed into contiguous panels of {@value #PANEL} columns ({@code k x 4}, row by row) in scratch that is
 * per calling thread and reused across calls; a row-major A is read in place, a transposed A is copied block by block
 * into 4-row interleaved scratch of the thread running the task. The output rows are split
 * into tasks of {@value #ROWS_PER_TASK} rows run on up to {@code threads} threads with {@link Parallel}; inside a
 * task a 4x4 block of C is accumulated in registers over the whole inner dimension with {@link Math#fma} (the
 * micro-kernel streams 4 rows of A and one packed B panel), one block of {@value #DEPTH_BLOCK} inner indices at a
 * time. Every output element is {@code c + s_0 + s_1 + ...} where {@code s_q} is the FMA chain
 * {@code fma(a[p], b[p], ... fma(a[p0], b[p0], 0))} over block q, whichever kernel (4x4 or an edge kernel) computes
 * it, so results do not depend on the thread count or on the row split.
 *
 * <p>Performance note: Java 17's JIT cannot keep SIMD registers across an inner-dimension loop, so the kernel is
 * scalar FMA (about 4 flops per cycle per core); it relies on {@link Math#fma} being a hardware instruction (x86-64
 * with FMA3, AArch64).
 *
 * <p>Thread-safe: concurrent calls from different threads use their own scratch.
 */
public final class Gemm {

    /** Columns of op(B) per packed panel (and of C per micro-kernel block). */
    static final int PANEL = 4;
    /** Inner-dimension block: each output element is accumulated block by block. */
    static final int DEPTH_BLOCK = 256;
    /** Output rows per parallel task (a multiple of 4). */
    static final int ROWS_PER_TASK = 16;
    /** From this many elements of B on, packing is split over the threads too. */
    private static final long PARALLEL_PACK = 1L << 16;
    /** Below this many multiply-adds the product runs on the calling thread only. */
    private static final long PARALLEL_MIN_WORK = 1L << 17;

    /** Packed op(B), per calling thread. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[1][0]);
    /** Packed blocks of a transposed A, per running (calling or helper) thread. */
    private static final ThreadLocal<double[][]> A_SCRATCH = ThreadLocal.withInitial(() -> new double[1][0]);

    private Gemm() {
    }

    /**
     * {@code c = op(a) * op(b)}, or {@code c += op(a) * op(b)} when {@code accumulate}. {@code op(a)} is
     * {@code m x k}: {@code a} holds it row-major ({@code m*k} values), or its transpose ({@code k x m}) when
     * {@code transA}; likewise {@code op(b)} is {@code k x n} and {@code b} holds it or its transpose
     * ({@code n x k}). {@code c} is {@code m x n} and must not overlap {@code a} or {@code b}.
     *
     * @param threads &ge; 1; the result does not depend on it
     */
    public static void multiply(int threads, int m, int n, int k, double[] a, boolean transA, double[] b,
            boolean transB, double[] c, boolean accumulate) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sizes must be >= 0, were m=" + m + " n=" + n + " k=" + k);
        }
        check("a", a, (long) m * k);
        check("b", b, (long) k * n);
        check("c", c, (long) m * n);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                Arrays.fill(c, 0, m * n, 0.0);
            }
            return;
        }
        double[] bb = scratch(SCRATCH.get(), k * n);
        int panels = (n + PANEL - 1) / PANEL;
        if (threads > 1 && (long) k * n >= PARALLEL_PACK) {
            // pure copies into disjoint panels: the result does not depend on the split
            int perTask = Math.max(1, panels / (4 * threads));
            int packTasks = (panels + perTask - 1) / perTask;
            Parallel.forRange(Math.min(threads, packTasks), packTasks,
                    t -> pack(b, transB, k, n, bb, t * perTask, Math.min(panels, (t + 1) * perTask)));
        } else {
            pack(b, transB, k, n, bb, 0, panels);
        }
        // element (i, p) of op(a) is a[i * rowStride + p * depthStride]
        final int rowStride = transA ? 1 : k;
        final int depthStride = transA ? m : 1;
        final double[] fb = bb;
        int tasks = (m + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        if (threads == 1 || tasks == 1 || (long) m * n * k < PARALLEL_MIN_WORK) {
            rows(0, m, n, k, a, rowStride, depthStride, fb, c, accumulate);
        } else {
            Parallel.forRange(Math.min(threads, tasks), tasks, t -> {
                int from = t * ROWS_PER_TASK;
                rows(from, Math.min(m, from + ROWS_PER_TASK), n, k, a, rowStride, depthStride, fb, c, accumulate);
            });
        }
    }

    private static void check(String name, double[] x, long needed) {
        if (x.length < needed) {
            throw new IllegalArgumentException(name + " has " + x.length + " values, needs at least " + needed);
        }
    }

    private static double[] scratch(double[][] holder, int size) {
        if (holder[0].length < size) {
            holder[0] = new double[Math.max(size, holder[0].length + (holder[0].length >> 1))];
        }
        return holder[0];
    }

    /**
     * Packs op(b) ({@code k x n}) into column panels: panel q (columns {@code [4q, 4q + w)}, w = 4 except maybe the
     * last) starts at {@code 4*q*k} and holds row p of the panel at {@code 4*q*k + p*w}.
     */
    private static void pack(double[] b, boolean transB, int k, int n, double[] out, int panelFrom, int panelTo) {
        for (int j0 = panelFrom * PANEL; j0 < Math.min(n, panelTo * PANEL); j0 += PANEL) {
            int w = Math.min(PANEL, n - j0);
            int base = k * j0;
            if (transB) {
                // b is n x k: op(b)[p][j] = b[j*k + p]
                for (int jj = 0; jj < w; jj++) {
                    int src = (j0 + jj) * k;
                    for (int p = 0; p < k; p++) {
                        out[base + p * w + jj] = b[src + p];
                    }
                }
            } else {
                for (int p = 0; p < k; p++) {
                    int src = p * n + j0;
                    int dst = base + p * w;
                    for (int jj = 0; jj < w; jj++) {
                        out[dst + jj] = b[src + jj];
                    }
                }
            }
        }
    }

    /**
     * Rows {@code [i0, i1)} of C; element (i, p) of op(A) is {@code a[i*rs + p*ds]}; B packed. The inner dimension
     * is walked in blocks of {@value #DEPTH_BLOCK} (fixed by k alone) so that the A and B slices stay in cache. A
     * transposed A ({@code ds != 1}) is first copied, block by block, into 4-row interleaved scratch of the running
     * thread, so that the micro-kernel reads it contiguously.
     */
    private static void rows(int i0, int i1, int n, int k, double[] a, int rs, int ds, double[] b, double[] c, boolean accumulate) {
        int groups = (i1 - i0) / 4;
        double[] packed = ds != 1 && groups > 0 ? scratch(A_SCRATCH.get(), groups * 4 * DEPTH_BLOCK) : null;
        for (int p0 = 0; p0 < k; p0 += DEPTH_BLOCK) {
            int p1 = Math.min(k, p0 + DEPTH_BLOCK);
            int len = p1 - p0;
            boolean acc = accumulate || p0 > 0;
            if (packed != null) {
                for (int g = 0; g < groups; g++) {
                    int dst = g * 4 * len;
                    int src = (i0 + 4 * g) * rs + p0 * ds;
                    for (int p = 0; p < len; p++, src += ds, dst += 4) {
                        packed[dst] = a[src];
                        packed[dst + 1] = a[src + rs];
                        packed[dst + 2] = a[src + 2 * rs];
                        packed[dst + 3] = a[src + 3 * rs];
                    }
                }
            }
            int i = i0;
            for (int g = 0; g < groups; g++, i += 4) {
                int j0 = 0;
                for (; j0 + PANEL <= n; j0 += PANEL) {
                    if (packed != null) {
                        block4x4(packed, g * 4 * len, 1, 4, len, b, k * j0 + p0 * PANEL, c, i * n + j0, n, acc);
                    } else {
                        block4x4(a, i * rs + p0 * ds, rs, ds, len, b, k * j0 + p0 * PANEL, c, i * n + j0, n, acc);
                    }
                }
                for (int r = i; r < i + 4; r++) {
                    edge(a, r * rs + p0 * ds, ds, p0, len, k, b, j0, n, c, r * n, acc);
                }
            }
            for (; i < i1; i++) {
                edge(a, i * rs + p0 * ds, ds, p0, len, k, b, 0, n, c, i * n, acc);
            }
        }
    }

    /**
     * C[i..i+3][j..j+3] (+)= the FMA chains over {@code len} inner indices; op(A) row r, index p at
     * {@code a[aStart + r*rs + p*ds]}, the panel's rows from {@code bStart} (4 values each).
     */
    private static void block4x4(double[] a, int aStart, int rs, int ds, int len, double[] b, int bStart, double[] c, int ci,
            int n, boolean accumulate) {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        int r1 = rs;
        int r2 = 2 * rs;
        int r3 = 3 * rs;
        for (int p = 0, o = bStart, q = aStart; p < len; p++, o += PANEL, q += ds) {
            double b0 = b[o];
            double b1 = b[o + 1];
            double b2 = b[o + 2];
            double b3 = b[o + 3];
            double x0 = a[q];
            double x1 = a[q + r1];
            double x2 = a[q + r2];
            double x3 = a[q + r3];
            c00 = Math.fma(x0, b0, c00);
            c01 = Math.fma(x0, b1, c01);
            c02 = Math.fma(x0, b2, c02);
            c03 = Math.fma(x0, b3, c03);
            c10 = Math.fma(x1, b0, c10);
            c11 = Math.fma(x1, b1, c11);
            c12 = Math.fma(x1, b2, c12);
            c13 = Math.fma(x1, b3, c13);
            c20 = Math.fma(x2, b0, c20);
            c21 = Math.fma(x2, b1, c21);
            c22 = Math.fma(x2, b2, c22);
            c23 = Math.fma(x2, b3, c23);
            c30 = Math.fma(x3, b0, c30);
            c31 = Math.fma(x3, b1, c31);
            c32 = Math.fma(x3, b2, c32);
            c33 = Math.fma(x3, b3, c33);
        }
        store(c, ci, c00, c01, c02, c03, accumulate);
        store(c, ci + n, c10, c11, c12, c13, accumulate);
        store(c, ci + 2 * n, c20, c21, c22, c23, accumulate);
        store(c, ci + 3 * n, c30, c31, c32, c33, accumulate);
    }

    private static void store(double[] c, int at, double v0, double v1, double v2, double v3, boolean accumulate) {
        if (accumulate) {
            c[at] += v0;
            c[at + 1] += v1;
            c[at + 2] += v2;
            c[at + 3] += v3;
        } else {
            c[at] = v0;
            c[at + 1] = v1;
            c[at + 2] = v2;
            c[at + 3] = v3;
        }
    }

    /**
     * One C row, columns {@code [jFrom, n)} ({@code jFrom} a multiple of 4), inner indices {@code [p0, p0 + len)}:
     * panel by panel with up to four independent FMA chains, each the same chain as in {@link #block4x4}; op(A)
     * index p0 of the row at {@code a[aStart]}, then stride ds.
     */
    private static void edge(double[] a, int aStart, int ds, int p0, int len, int k, double[] b, int jFrom, int n, double[] c,
            int ci, boolean accumulate) {
        for (int j0 = jFrom; j0 < n; j0 += PANEL) {
            int w = Math.min(PANEL, n - j0);
            int o = k * j0 + p0 * w;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            if (w == 4) {
                for (int p = 0, q = aStart; p < len; p++, o += 4, q += ds) {
                    double x = a[q];
                    s0 = Math.fma(x, b[o], s0);
                    s1 = Math.fma(x, b[o + 1], s1);
                    s2 = Math.fma(x, b[o + 2], s2);
                    s3 = Math.fma(x, b[o + 3], s3);
                }
            } else if (w == 3) {
                for (int p = 0, q = aStart; p < len; p++, o += 3, q += ds) {
                    double x = a[q];
                    s0 = Math.fma(x, b[o], s0);
                    s1 = Math.fma(x, b[o + 1], s1);
                    s2 = Math.fma(x, b[o + 2], s2);
                }
            } else if (w == 2) {
                for (int p = 0, q = aStart; p < len; p++, o += 2, q += ds) {
                    double x = a[q];
                    s0 = Math.fma(x, b[o], s0);
                    s1 = Math.fma(x, b[o + 1], s1);
                }
            } else {
                for (int p = 0, q = aStart; p < len; p++, o++, q += ds) {
                    s0 = Math.fma(a[q], b[o], s0);
                }
            }
            int at = ci + j0;
            if (accumulate) {
                c[at] += s0;
                if (w > 1) {
                    c[at + 1] += s1;
                }
                if (w > 2) {
                    c[at + 2] += s2;
                }
                if (w > 3) {
                    c[at + 3] += s3;
                }
            } else {
                c[at] = s0;
                if (w > 1) {
                    c[at + 1] = s1;
                }
                if (w > 2) {
                    c[at + 2] = s2;
                }
                if (w > 3) {
                    c[at + 3] = s3;
                }
            }
        }
    }
}
