package org.quire.geometry;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Reducing point sets: voxel-grid subsampling (one centroid per occupied voxel) and seeded random subsampling. Both are
 * deterministic: the same input and seed give the same output, in a defined order. Sequential.
 */
public final class Subsampling {
    private Subsampling() {
    }

    /**
     * One point per occupied cubic voxel of edge {@code size}, the voxel grid anchored at the world origin (voxel
     * {@code floor(x / size), floor(y / size), floor(z / size)}; choice made so that clouds subsampled separately share
     * one lattice). Each output point is the centroid of its voxel's points; normals are averaged and renormalised
     * (when they cancel, the first point's normal is kept), colours averaged per channel. Voxels appear in the order
     * of their first point in the input.
     *
     * @param size voxel edge, &gt; 0, in the units of the coordinates
     */
    public static PointSet voxel(PointSet s, double size) {
        return voxel(s, size, 0, 0, 0);
    }

    /** As {@link #voxel(PointSet, double)} with the grid anchored at (ox, oy, oz). */
    public static PointSet voxel(PointSet s, double size, double ox, double oy, double oz) {
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new IllegalArgumentException("voxel size must be positive and finite, got " + size);
        }
        int n = s.size();
        double[] p = s.xyzView();
        double[] nrm = s.normalsView();
        int[] rgb = s.hasColours() ? s.rgb() : null;
        VoxelMap map = new VoxelMap(Math.max(16, n / 4));
        int[] voxelOf = new int[n];
        for (int i = 0; i < n; i++) {
            double fx = Math.floor((p[3 * i] - ox) / size), fy = Math.floor((p[3 * i + 1] - oy) / size),
                    fz = Math.floor((p[3 * i + 2] - oz) / size);
            if (Math.abs(fx) > Long.MAX_VALUE / 4 || Math.abs(fy) > Long.MAX_VALUE / 4 || Math.abs(fz) > Long.MAX_VALUE / 4) {
                throw new IllegalArgumentException("voxel size " + size + " is too small for point " + i);
            }
            voxelOf[i] = map.index((long) fx, (long) fy, (long) fz);
        }
        int m = map.size();
        double[] sum = new double[3 * m];
        double[] nsum = nrm == null ? null : new double[3 * m];
        long[] csum = rgb == null ? null : new long[3 * m];
        int[] count = new int[m];
        int[] first = new int[m];
        Arrays.fill(first, -1);
        for (int i = 0; i < n; i++) {
            int v = voxelOf[i];
            count[v]++;
            if (first[v] < 0) {
                first[v] = i;
            }
            for (int d = 0; d < 3; d++) {
                sum[3 * v + d] += p[3 * i + d];
                if (nsum != null) {
                    nsum[3 * v + d] += nrm[3 * i + d];
                }
            }
            if (csum != null) {
                csum[3 * v] += (rgb[i] >> 16) & 0xff;
                csum[3 * v + 1] += (rgb[i] >> 8) & 0xff;
                csum[3 * v + 2] += rgb[i] & 0xff;
            }
        }
        double[] out = new double[3 * m];
        int[] cout = csum == null ? null : new int[m];
        for (int v = 0; v < m; v++) {
            for (int d = 0; d < 3; d++) {
                out[3 * v + d] = sum[3 * v + d] / count[v];
            }
            if (nsum != null) {
                double len = Math.sqrt(nsum[3 * v] * nsum[3 * v] + nsum[3 * v + 1] * nsum[3 * v + 1]
                        + nsum[3 * v + 2] * nsum[3 * v + 2]);
                if (len > 1e-12 * count[v]) {
                    for (int d = 0; d < 3; d++) {
                        nsum[3 * v + d] /= len;
                    }
                } else {
                    System.arraycopy(nrm, 3 * first[v], nsum, 3 * v, 3);
                }
            }
            if (cout != null) {
                int c = 0;
                for (int d = 0; d < 3; d++) {
                    c = (c << 8) | (int) Math.round((double) csum[3 * v + d] / count[v]);
                }
                cout[v] = c;
            }
        }
        return PointSet.adopt(out, nsum, cout);
    }

    /**
     * {@code m} distinct points chosen uniformly at random (partial Fisher-Yates), kept in their input order; all points
     * when {@code m >= size}.
     */
    public static PointSet random(PointSet s, int m, RandomGenerator rng) {
        return s.select(randomIndices(s.size(), m, rng));
    }

    /** As {@link #random(PointSet, int, RandomGenerator)} with a {@link SplittableRandom} seeded by {@code seed}. */
    public static PointSet random(PointSet s, int m, long seed) {
        return random(s, m, new SplittableRandom(seed));
    }

    /** {@code min(m, n)} distinct indices of [0, n) chosen uniformly at random, in increasing order. */
    public static int[] randomIndices(int n, int m, RandomGenerator rng) {
        if (m < 0) {
            throw new IllegalArgumentException("sample size must be >= 0, got " + m);
        }
        if (m >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] r = Arrays.copyOf(idx, m);
        Arrays.sort(r);
        return r;
    }

    /** Open-addressing map from voxel coordinates to dense ids in order of first insertion. */
    private static final class VoxelMap {
        private long[] keys;
        private int[] ids;
        private int size;

        VoxelMap(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected) * 2);
            keys = new long[3 * cap];
            ids = new int[cap];
            Arrays.fill(ids, -1);
        }

        int size() {
            return size;
        }

        int index(long x, long y, long z) {
            int mask = ids.length - 1;
            int h = hash(x, y, z) & mask;
            while (ids[h] >= 0) {
                if (keys[3 * h] == x && keys[3 * h + 1] == y && keys[3 * h + 2] == z) {
                    return ids[h];
                }
                h = (h + 1) & mask;
            }
            keys[3 * h] = x;
            keys[3 * h + 1] = y;
            keys[3 * h + 2] = z;
            ids[h] = size++;
            if (2 * size > ids.length) {
                grow();
            }
            return size - 1;
        }

        private static int hash(long x, long y, long z) {
            long h = x * 0x9E3779B97F4A7C15L;
            h = (h ^ y) * 0xC2B2AE3D27D4EB4FL;
            h = (h ^ z) * 0x165667B19E3779F9L;
            return (int) (h ^ (h >>> 29));
        }

        private void grow() {
            long[] ok = keys;
            int[] oi = ids;
            keys = new long[2 * ok.length];
            ids = new int[2 * oi.length];
            Arrays.fill(ids, -1);
            int mask = ids.length - 1;
            for (int s = 0; s < oi.length; s++) {
                if (oi[s] >= 0) {
                    int h = hash(ok[3 * s], ok[3 * s + 1], ok[3 * s + 2]) & mask;
                    while (ids[h] >= 0) {
                        h = (h + 1) & mask;
                    }
                    keys[3 * h] = ok[3 * s];
                    keys[3 * h + 1] = ok[3 * s + 1];
                    keys[3 * h + 2] = ok[3 * s + 2];
                    ids[h] = oi[s];
                }
            }
        }
    }
}
