package org.quire.geometry.index;

import java.util.Arrays;

/**
 * An exact 3-D KD-tree over packed points {@code x0,y0,z0,x1,...} for nearest, k-nearest and radius queries in
 * Euclidean distance.
 *
 * <p>Layout: the tree keeps a reordered copy of the coordinates and an index permutation (flat arrays, no node
 * objects). Each node splits its index range at the middle along the axis of largest extent (median split), so the
 * tree is balanced and its shape depends only on the points. Leaves hold at most {@value #LEAF_SIZE} points. Queries use
 * incremental cell distances (Arya and Mount) for pruning.
 *
 * <p>Ties: among points at exactly the same squared distance, the one with the lower original index comes first, so
 * results do not depend on the tree's layout. Squared distances are computed as {@code dx*dx + dy*dy + dz*dz}.
 *
 * <p>Threading: built once; afterwards the query methods of the tree are safe for concurrent use. For allocation-free
 * queries in hot loops use one {@link Searcher} per thread ({@link #searcher()}).
 */
public final class KdTree {
    /** Largest number of points in a leaf. */
    public static final int LEAF_SIZE = 8;

    /**
     * Relative slack on pruning bounds: cells whose incrementally computed distance exceeds the bound by less than this
     * factor are still visited, so rounding in the bound never drops an exact tie.
     */
    private static final double SLACK = 1 + 1e-12;

    private final int n;
    private final double[] pts;
    private final int[] perm;
    private final byte[] splitDim;
    private final double[] splitValue;

    /**
     * Builds the tree. The array is read, not kept and not modified.
     *
     * @param xyz packed points, length 3n, finite
     */
    public KdTree(double[] xyz) {
        if (xyz == null || xyz.length % 3 != 0) {
            throw new IllegalArgumentException("KdTree: packed xyz with a length that is a multiple of 3 expected");
        }
        n = xyz.length / 3;
        pts = xyz.clone();
        perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int depth = 0;
        for (int s = n; s > LEAF_SIZE; s = (s + 1) / 2) {
            depth++;
        }
        int internal = depth == 0 ? 0 : (1 << depth) - 1;
        splitDim = new byte[internal];
        splitValue = new double[internal];
        build(0, 0, n);
    }

    private void build(int node, int lo, int hi) {
        while (hi - lo > LEAF_SIZE) {
            double minx = Double.POSITIVE_INFINITY, miny = minx, minz = minx;
            double maxx = Double.NEGATIVE_INFINITY, maxy = maxx, maxz = maxx;
            for (int i = lo; i < hi; i++) {
                double x = pts[3 * i], y = pts[3 * i + 1], z = pts[3 * i + 2];
                if (x < minx) minx = x;
                if (x > maxx) maxx = x;
                if (y < miny) miny = y;
                if (y > maxy) maxy = y;
                if (z < minz) minz = z;
                if (z > maxz) maxz = z;
            }
            double ex = maxx - minx, ey = maxy - miny, ez = maxz - minz;
            int dim = ex >= ey ? (ex >= ez ? 0 : 2) : (ey >= ez ? 1 : 2);
            int mid = (lo + hi) >>> 1;
            select(lo, hi - 1, mid, dim);
            splitDim[node] = (byte) dim;
            splitValue[node] = pts[3 * mid + dim];
            build(2 * node + 1, lo, mid);
            node = 2 * node + 2;
            lo = mid;
        }
    }

    /** Wirth's selection: afterwards element k is in sorted position along dim, smaller-or-equal before, larger-or-equal after. */
    private void select(int l, int r, int k, int dim) {
        while (r > l) {
            int m = (l + r) >>> 1;
            if (v(m, dim) < v(l, dim)) swap(m, l);
            if (v(r, dim) < v(l, dim)) swap(r, l);
            if (v(r, dim) < v(m, dim)) swap(r, m);
            double pivot = v(m, dim);
            int i = l, j = r;
            while (i <= j) {
                while (v(i, dim) < pivot) i++;
                while (v(j, dim) > pivot) j--;
                if (i <= j) {
                    swap(i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                r = j;
            } else if (k >= i) {
                l = i;
            } else {
                return;
            }
        }
    }

    private double v(int i, int dim) {
        return pts[3 * i + dim];
    }

    private void swap(int i, int j) {
        int a = 3 * i, b = 3 * j;
        double t = pts[a];
        pts[a] = pts[b];
        pts[b] = t;
        t = pts[a + 1];
        pts[a + 1] = pts[b + 1];
        pts[b + 1] = t;
        t = pts[a + 2];
        pts[a + 2] = pts[b + 2];
        pts[b + 2] = t;
        int p = perm[i];
        perm[i] = perm[j];
        perm[j] = p;
    }

    /** Number of points. */
    public int size() {
        return n;
    }

    /** A new searcher: reusable, allocation-free per query, for one thread at a time. */
    public Searcher searcher() {
        return new Searcher();
    }

    /** Index of the point nearest to (x, y, z) (lowest index among ties), or -1 when the tree is empty. */
    public int nearest(double x, double y, double z) {
        return new Searcher().nearest(x, y, z);
    }

    /**
     * As {@link #nearest(double, double, double)}, also writing the squared distance to {@code outDist2[0]}
     * (+infinity when empty).
     */
    public int nearest(double x, double y, double z, double[] outDist2) {
        Searcher s = new Searcher();
        int i = s.nearest(x, y, z);
        outDist2[0] = s.lastDistanceSquared();
        return i;
    }

    /** Squared distance from (x, y, z) to the nearest point; +infinity when the tree is empty. */
    public double nearestDistanceSquared(double x, double y, double z) {
        Searcher s = new Searcher();
        s.nearest(x, y, z);
        return s.lastDistanceSquared();
    }

    /**
     * Indices of the min(k, size) nearest points, sorted by increasing distance (ties by increasing index).
     *
     * @param k number of neighbours, &ge; 0
     */
    public int[] nearest(double x, double y, double z, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        int m = Math.min(k, n);
        int[] idx = new int[m];
        new Searcher().nearest(x, y, z, m, idx, null);
        return idx;
    }

    /**
     * The nearest point within distance r (inclusive) of (x, y, z), lowest index among ties; -1 when none is (or r is
     * negative or NaN). Searches only the ball, so far queries cost little.
     */
    public int nearestWithin(double x, double y, double z, double r) {
        return new Searcher().nearestWithin(x, y, z, r);
    }

    /** Indices of all points within distance r (inclusive) of (x, y, z), unsorted; empty for r &lt; 0. */
    public int[] radius(double x, double y, double z, double r) {
        Searcher s = new Searcher();
        int c = s.radius(x, y, z, r);
        return Arrays.copyOf(s.radiusResult(), c);
    }

    /**
     * Query state for one thread: reuse it across queries to avoid allocation. Not thread-safe; the tree may be shared
     * by many searchers.
     */
    public final class Searcher {
        private double qx, qy, qz;
        private final double[] q = new double[3];
        private final double[] off = new double[3];
        private int best;
        private double bestD2;
        private int[] heapIdx = new int[16];
        private double[] heapD2 = new double[16];
        private int heapSize, heapCap;
        private int[] found = new int[64];
        private int foundCount;
        private double r2;

        private Searcher() {
        }

        /** Index of the nearest point (lowest index among ties), -1 when empty; see {@link #lastDistanceSquared()}. */
        public int nearest(double x, double y, double z) {
            setQuery(x, y, z);
            best = -1;
            bestD2 = Double.POSITIVE_INFINITY;
            if (n > 0) {
                off[0] = off[1] = off[2] = 0;
                nn(0, 0, n, 0);
            }
            return best;
        }

        /**
         * As {@link KdTree#nearestWithin}: the nearest point within distance r (inclusive), lowest index among ties,
         * or -1; {@link #lastDistanceSquared()} is its squared distance (+infinity for -1).
         */
        public int nearestWithin(double x, double y, double z, double r) {
            setQuery(x, y, z);
            // start from the ball's radius: the search prunes everything outside it; a point exactly at distance r
            // wins the tie against the sentinel index
            best = Integer.MAX_VALUE;
            bestD2 = r * r;
            if (n > 0 && r >= 0) {
                off[0] = off[1] = off[2] = 0;
                nn(0, 0, n, 0);
            }
            if (best == Integer.MAX_VALUE) {
                best = -1;
                bestD2 = Double.POSITIVE_INFINITY;
            }
            return best;
        }

        /** Squared distance of the last {@link #nearest(double, double, double)} or {@link #nearestWithin} result (+infinity when empty). */
        public double lastDistanceSquared() {
            return bestD2;
        }

        private void nn(int node, int lo, int hi, double rd) {
            if (hi - lo <= LEAF_SIZE) {
                for (int i = lo; i < hi; i++) {
                    double dx = pts[3 * i] - qx, dy = pts[3 * i + 1] - qy, dz = pts[3 * i + 2] - qz;
                    double d2 = dx * dx + dy * dy + dz * dz;
                    if (d2 < bestD2 || (d2 == bestD2 && perm[i] < best)) {
                        bestD2 = d2;
                        best = perm[i];
                    }
                }
                return;
            }
            int dim = splitDim[node];
            int mid = (lo + hi) >>> 1;
            double diff = q[dim] - splitValue[node];
            if (diff < 0) {
                nn(2 * node + 1, lo, mid, rd);
            } else {
                nn(2 * node + 2, mid, hi, rd);
            }
            double old = off[dim];
            double far = rd - old * old + diff * diff;
            if (far <= bestD2 * SLACK) {
                off[dim] = diff;
                if (diff < 0) {
                    nn(2 * node + 2, mid, hi, far);
                } else {
                    nn(2 * node + 1, lo, mid, far);
                }
                off[dim] = old;
            }
        }

        private void setQuery(double x, double y, double z) {
            qx = x;
            qy = y;
            qz = z;
            q[0] = x;
            q[1] = y;
            q[2] = z;
        }

        /**
         * The min(k, size) nearest points of (x, y, z), sorted by increasing squared distance (ties by index), written to
         * {@code outIdx} and, when not null, their squared distances to {@code outD2}.
         *
         * @return the number written, min(k, size)
         */
        public int nearest(double x, double y, double z, int k, int[] outIdx, double[] outD2) {
            int m = Math.min(k, n);
            if (m <= 0) {
                return 0;
            }
            if (heapIdx.length < m) {
                heapIdx = new int[m];
                heapD2 = new double[m];
            }
            setQuery(x, y, z);
            heapSize = 0;
            heapCap = m;
            off[0] = off[1] = off[2] = 0;
            knn(0, 0, n, 0);
            // heap sort: repeatedly move the worst to the end
            for (int end = heapSize - 1; end > 0; end--) {
                swapHeap(0, end);
                siftDown(0, end);
            }
            System.arraycopy(heapIdx, 0, outIdx, 0, m);
            if (outD2 != null) {
                System.arraycopy(heapD2, 0, outD2, 0, m);
            }
            return m;
        }

        private void knn(int node, int lo, int hi, double rd) {
            if (hi - lo <= LEAF_SIZE) {
                for (int i = lo; i < hi; i++) {
                    double dx = pts[3 * i] - qx, dy = pts[3 * i + 1] - qy, dz = pts[3 * i + 2] - qz;
                    offer(dx * dx + dy * dy + dz * dz, perm[i]);
                }
                return;
            }
            int dim = splitDim[node];
            int mid = (lo + hi) >>> 1;
            double diff = q[dim] - splitValue[node];
            if (diff < 0) {
                knn(2 * node + 1, lo, mid, rd);
            } else {
                knn(2 * node + 2, mid, hi, rd);
            }
            double old = off[dim];
            double far = rd - old * old + diff * diff;
            if (heapSize < heapCap || far <= heapD2[0] * SLACK) {
                off[dim] = diff;
                if (diff < 0) {
                    knn(2 * node + 2, mid, hi, far);
                } else {
                    knn(2 * node + 1, lo, mid, far);
                }
                off[dim] = old;
            }
        }

        private void offer(double d2, int idx) {
            if (heapSize < heapCap) {
                int c = heapSize++;
                heapD2[c] = d2;
                heapIdx[c] = idx;
                while (c > 0) {
                    int p = (c - 1) >>> 1;
                    if (!worse(c, p)) {
                        break;
                    }
                    swapHeap(c, p);
                    c = p;
                }
            } else if (d2 < heapD2[0] || (d2 == heapD2[0] && idx < heapIdx[0])) {
                heapD2[0] = d2;
                heapIdx[0] = idx;
                siftDown(0, heapSize);
            }
        }

        /** True when entry a comes after entry b in (distance, index) order. */
        private boolean worse(int a, int b) {
            return heapD2[a] > heapD2[b] || (heapD2[a] == heapD2[b] && heapIdx[a] > heapIdx[b]);
        }

        private void siftDown(int c, int size) {
            while (true) {
                int l = 2 * c + 1;
                if (l >= size) {
                    return;
                }
                int w = l + 1 < size && worse(l + 1, l) ? l + 1 : l;
                if (!worse(w, c)) {
                    return;
                }
                swapHeap(w, c);
                c = w;
            }
        }

        private void swapHeap(int a, int b) {
            double t = heapD2[a];
            heapD2[a] = heapD2[b];
            heapD2[b] = t;
            int i = heapIdx[a];
            heapIdx[a] = heapIdx[b];
            heapIdx[b] = i;
        }

        /**
         * Finds all points within distance r (inclusive) of (x, y, z); read them from {@link #radiusResult()}.
         *
         * @return their number
         */
        public int radius(double x, double y, double z, double r) {
            foundCount = 0;
            if (n == 0 || !(r >= 0)) {
                return 0;
            }
            setQuery(x, y, z);
            r2 = r * r;
            off[0] = off[1] = off[2] = 0;
            rad(0, 0, n, 0);
            return foundCount;
        }

        /** The internal buffer of the last {@link #radius(double, double, double, double)} result (valid up to its count). */
        public int[] radiusResult() {
            return found;
        }

        private void rad(int node, int lo, int hi, double rd) {
            if (hi - lo <= LEAF_SIZE) {
                for (int i = lo; i < hi; i++) {
                    double dx = pts[3 * i] - qx, dy = pts[3 * i + 1] - qy, dz = pts[3 * i + 2] - qz;
                    if (dx * dx + dy * dy + dz * dz <= r2) {
                        if (foundCount == found.length) {
                            found = Arrays.copyOf(found, 2 * found.length);
                        }
                        found[foundCount++] = perm[i];
                    }
                }
                return;
            }
            int dim = splitDim[node];
            int mid = (lo + hi) >>> 1;
            double diff = q[dim] - splitValue[node];
            if (diff < 0) {
                rad(2 * node + 1, lo, mid, rd);
            } else {
                rad(2 * node + 2, mid, hi, rd);
            }
            double old = off[dim];
            double far = rd - old * old + diff * diff;
            if (far <= r2 * SLACK) {
                off[dim] = diff;
                if (diff < 0) {
                    rad(2 * node + 2, mid, hi, far);
                } else {
                    rad(2 * node + 1, lo, mid, far);
                }
                off[dim] = old;
            }
        }
    }
}
