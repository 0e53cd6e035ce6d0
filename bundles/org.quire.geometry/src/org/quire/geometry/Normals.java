package org.quire.geometry;

import java.util.Arrays;
import org.quire.api.Progress;
import org.quire.compute.Parallel;
import org.quire.geometry.index.KdTree;

/**
 * Normal estimation by principal component analysis of the k nearest neighbours (the point itself included): the
 * normal is the eigenvector of the smallest eigenvalue of the neighbourhood covariance (Hoppe et al. 1992). A PCA
 * normal has no sign; {@link #estimate} returns it with a canonical sign (largest-magnitude component positive), and the
 * orientation methods then make it point toward a viewpoint or agree along a minimum spanning tree.
 *
 * <p>Threading: estimation runs on {@code threads} threads with {@link Parallel}; every normal depends only on its
 * neighbourhood, so results are identical for any thread count. Orientation is sequential and deterministic.
 */
public final class Normals {
    private Normals() {
    }

    /**
     * Unit PCA normals (packed, length 3n) from the k nearest neighbours of every point, k including the point itself.
     * With fewer than 3 distinct neighbours the direction is arbitrary but unit.
     *
     * @param k        neighbours, &ge; 3 (clamped to the set size)
     * @param threads  &ge; 1
     * @param progress may be null; cancellation is checked per chunk
     */
    public static double[] estimate(PointSet points, int k, int threads, Progress progress) {
        return estimate(points, new KdTree(points.xyzView()), k, threads, progress, null);
    }

    /**
     * As {@link #estimate(PointSet, int, int, Progress)} with a tree already built over {@code points}, also writing
     * the surface variation {@code l0 / (l0 + l1 + l2)} per point to {@code variation} when not null (0 on a plane,
     * 1/3 for isotropic noise).
     */
    public static double[] estimate(PointSet points, KdTree tree, int k, int threads, Progress progress, double[] variation) {
        if (k < 3) {
            throw new IllegalArgumentException("k must be at least 3, got " + k);
        }
        if (tree.size() != points.size()) {
            throw new IllegalArgumentException("the tree holds " + tree.size() + " points, the set " + points.size());
        }
        int n = points.size();
        int kk = Math.min(k, n);
        double[] p = points.xyzView();
        double[] normals = new double[3 * n];
        int chunk = Math.max(64, Parallel.defaultChunkSize(n));
        Parallel.reduceChunks(threads, n, chunk, (from, to) -> {
            KdTree.Searcher s = tree.searcher();
            int[] nb = new int[kk];
            double[] values = new double[3];
            double[] vectors = new double[9];
            for (int i = from; i < to; i++) {
                int m = s.nearest(p[3 * i], p[3 * i + 1], p[3 * i + 2], kk, nb, null);
                double cx = 0, cy = 0, cz = 0;
                for (int j = 0; j < m; j++) {
                    cx += p[3 * nb[j]];
                    cy += p[3 * nb[j] + 1];
                    cz += p[3 * nb[j] + 2];
                }
                cx /= m;
                cy /= m;
                cz /= m;
                double xx = 0, xy = 0, xz = 0, yy = 0, yz = 0, zz = 0;
                for (int j = 0; j < m; j++) {
                    double dx = p[3 * nb[j]] - cx, dy = p[3 * nb[j] + 1] - cy, dz = p[3 * nb[j] + 2] - cz;
                    xx += dx * dx;
                    xy += dx * dy;
                    xz += dx * dz;
                    yy += dy * dy;
                    yz += dy * dz;
                    zz += dz * dz;
                }
                SymmetricEigen3.decompose(xx, xy, xz, yy, yz, zz, values, vectors);
                double nx = vectors[0], ny = vectors[1], nz = vectors[2];
                double ax = Math.abs(nx), ay = Math.abs(ny), az = Math.abs(nz);
                double big = ax >= ay ? (ax >= az ? nx : nz) : (ay >= az ? ny : nz);
                if (big < 0) {
                    nx = -nx;
                    ny = -ny;
                    nz = -nz;
                }
                normals[3 * i] = nx;
                normals[3 * i + 1] = ny;
                normals[3 * i + 2] = nz;
                if (variation != null) {
                    double sum = values[0] + values[1] + values[2];
                    variation[i] = sum > 0 ? Math.max(0, values[0]) / sum : 0;
                }
            }
            return null;
        }, (a, b) -> null, null, progress);
        return normals;
    }

    /** Flips each normal (in place) so that it points toward the viewpoint: {@code n . (v - p) >= 0}. */
    public static void orientTowards(double[] normals, double[] xyz, double vx, double vy, double vz) {
        for (int i = 0; i < xyz.length / 3; i++) {
            double d = normals[3 * i] * (vx - xyz[3 * i]) + normals[3 * i + 1] * (vy - xyz[3 * i + 1])
                    + normals[3 * i + 2] * (vz - xyz[3 * i + 2]);
            if (d < 0) {
                normals[3 * i] = -normals[3 * i];
                normals[3 * i + 1] = -normals[3 * i + 1];
                normals[3 * i + 2] = -normals[3 * i + 2];
            }
        }
    }

    /**
     * Orients normals consistently (in place) by propagation along a minimum spanning tree of the symmetric k-nearest
     * neighbour graph with edge weights {@code 1 - |ni . nj|} (Hoppe et al. 1992): a neighbour is flipped when it
     * disagrees with its tree parent. Each connected component starts at its point of largest z, whose normal is made
     * to point to +z (outward for a closed surface seen from above). Sequential; ties broken by index.
     *
     * @param k neighbours per point (the point itself excluded), &ge; 1
     */
    public static void orientConsistently(double[] normals, double[] xyz, KdTree tree, int k) {
        int n = xyz.length / 3;
        if (n == 0) {
            return;
        }
        int kk = Math.min(k + 1, n);
        // adjacency of the symmetric kNN graph in CSR form
        int[] nbr = new int[n * kk];
        int[] deg = new int[n];
        KdTree.Searcher s = tree.searcher();
        int[] buf = new int[kk];
        for (int i = 0; i < n; i++) {
            int m = s.nearest(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], kk, buf, null);
            for (int j = 0; j < m; j++) {
                if (buf[j] != i) {
                    nbr[i * kk + deg[i]++] = buf[j];
                }
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + deg[i];
        }
        int[] count = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < deg[i]; j++) {
                count[nbr[i * kk + j]]++;
            }
        }
        int[] rstart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rstart[i + 1] = rstart[i] + deg[i] + count[i];
        }
        int[] adj = new int[rstart[n]];
        int[] fill = Arrays.copyOf(rstart, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < deg[i]; j++) {
                int o = nbr[i * kk + j];
                adj[fill[i]++] = o;
                adj[fill[o]++] = i;
            }
        }
        // Prim per component with a binary heap of (weight, vertex)
        boolean[] done = new boolean[n];
        double[] key = new double[n];
        int[] parent = new int[n];
        Arrays.fill(key, Double.POSITIVE_INFINITY);
        int[] heap = new int[n];
        int[] where = new int[n];
        Arrays.fill(where, -1);
        int[] order = sortByZDescending(xyz);
        for (int root : order) {
            if (done[root]) {
                continue;
            }
            if (normals[3 * root + 2] < 0) {
                flip(normals, root);
            }
            int size = 0;
            key[root] = 0;
            parent[root] = -1;
            heap[size] = root;
            where[root] = size++;
            while (size > 0) {
                int u = heap[0];
                where[u] = -1;
                size--;
                if (size > 0) {
                    heap[0] = heap[size];
                    where[heap[0]] = 0;
                    size = down(heap, where, key, 0, size);
                }
                done[u] = true;
                if (parent[u] >= 0) {
                    int pu = parent[u];
                    double dot = normals[3 * u] * normals[3 * pu] + normals[3 * u + 1] * normals[3 * pu + 1]
                            + normals[3 * u + 2] * normals[3 * pu + 2];
                    if (dot < 0) {
                        flip(normals, u);
                    }
                }
                for (int e = rstart[u]; e < rstart[u + 1]; e++) {
                    int v = adj[e];
                    if (done[v]) {
                        continue;
                    }
                    double w = 1 - Math.abs(normals[3 * u] * normals[3 * v] + normals[3 * u + 1] * normals[3 * v + 1]
                            + normals[3 * u + 2] * normals[3 * v + 2]);
                    if (w < key[v] || (w == key[v] && where[v] >= 0 && u < parent[v])) {
                        key[v] = w;
                        parent[v] = u;
                        if (where[v] < 0) {
                            heap[size] = v;
                            where[v] = size++;
                        }
                        up(heap, where, key, where[v]);
                    }
                }
            }
        }
    }

    private static int[] sortByZDescending(double[] xyz) {
        int n = xyz.length / 3;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(xyz[3 * b + 2], xyz[3 * a + 2]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = idx[i];
        }
        return r;
    }

    private static boolean less(double[] key, int a, int b) {
        return key[a] < key[b] || (key[a] == key[b] && a < b);
    }

    private static void up(int[] heap, int[] where, double[] key, int c) {
        while (c > 0) {
            int p = (c - 1) >>> 1;
            if (!less(key, heap[c], heap[p])) {
                return;
            }
            swap(heap, where, c, p);
            c = p;
        }
    }

    private static int down(int[] heap, int[] where, double[] key, int c, int size) {
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                return size;
            }
            int m = l + 1 < size && less(key, heap[l + 1], heap[l]) ? l + 1 : l;
            if (!less(key, heap[m], heap[c])) {
                return size;
            }
            swap(heap, where, c, m);
            c = m;
        }
    }

    private static void swap(int[] heap, int[] where, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
        where[heap[a]] = a;
        where[heap[b]] = b;
    }

    private static void flip(double[] normals, int i) {
        normals[3 * i] = -normals[3 * i];
        normals[3 * i + 1] = -normals[3 * i + 1];
        normals[3 * i + 2] = -normals[3 * i + 2];
    }
}
