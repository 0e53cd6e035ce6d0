package org.quire.surface.csp;

import java.util.Arrays;

import org.quire.api.Progress;
import org.quire.compute.Parallel;
import org.quire.geometry.TriangleMesh;
import org.quire.geometry.meshing.IsoSurface;

/**
 * Explicit surfaces from a closest-point field in normalised coordinates (spec §1.7): the unsigned distance
 * {@code u = ‖x − f(x)‖} is sampled on a regular grid over [−0.5, 0.5]³ and its level set {@code u = τ} extracted
 * ({@link IsoSurface}; τ = 1.5 voxels as the paper). The result is the paper's thin two-sided shell: an open sheet
 * becomes a closed slab about 2τ thick with rounded rims. Also the "projected point cloud": f(x) for the grid samples
 * with {@code u < 2 voxels}, with the Jacobian normal at x.
 *
 * <p>Instead of MISE, a two-level narrow band: u is first evaluated at the centre of each block of
 * {@value #BLOCK}³ cells, and a block is sampled only when {@code u(centre) ≤ 1.25 × half-diagonal + τ + 1 voxel}
 * (exact for a 1-Lipschitz u, with a margin for a learned one); samples of skipped blocks count as far outside.
 * Deterministic for every thread count.
 */
public final class UdfMesher {

    /** Cells per block side of the coarse test. */
    static final int BLOCK = 8;

    /**
     * Settings.
     *
     * @param resolution grid cells per axis over the unit box, &ge; 8
     * @param tauVoxels  iso-level in voxels (paper 1.5)
     * @param maxPoints  most points of the projected cloud (an even stride is kept beyond it)
     */
    public record Settings(int resolution, double tauVoxels, int maxPoints) {
        public Settings {
            if (resolution < 8 || !(tauVoxels > 0) || maxPoints < 0) {
                throw new IllegalArgumentException("mesher needs resolution >= 8, tau > 0 and maxPoints >= 0");
            }
        }
    }

    /**
     * The extraction.
     *
     * @param shell            the level-set mesh, normalised coordinates
     * @param projected        projected points f(x), normalised, {@code x0,y0,z0,...}
     * @param projectedNormals unit Jacobian normals of the projected points (sign arbitrary)
     * @param evaluations      field evaluations spent
     */
    public record Output(TriangleMesh shell, double[] projected, double[] projectedNormals, long evaluations) {
    }

    private UdfMesher() {
    }

    /** Extracts the shell and the projected cloud of {@code field}. */
    public static Output extract(ClosestPointField field, Settings s, int threads, Progress progress) {
        Progress p = progress == null ? Progress.none() : progress;
        p.begin("UDF shell", 100);
        int res = s.resolution();
        int n = res + 1;
        double h = 1.0 / res;
        double tau = s.tauVoxels() * h;
        int blocks = (res + BLOCK - 1) / BLOCK;
        double[] centres = new double[3 * blocks * blocks * blocks];
        double[] half = new double[blocks * blocks * blocks];
        for (int bk = 0; bk < blocks; bk++) {
            for (int bj = 0; bj < blocks; bj++) {
                for (int bi = 0; bi < blocks; bi++) {
                    int b = bi + blocks * (bj + blocks * bk);
                    int[] lo = {bi * BLOCK, bj * BLOCK, bk * BLOCK};
                    double diag = 0;
                    for (int a = 0; a < 3; a++) {
                        int hi = Math.min(res, lo[a] + BLOCK);
                        centres[3 * b + a] = -0.5 + h * (lo[a] + hi) / 2.0;
                        diag += Math.pow(h * (hi - lo[a]) / 2.0, 2);
                    }
                    half[b] = Math.sqrt(diag);
                }
            }
        }
        double[] cu = udf(field, centres, threads);
        p.worked(5);
        boolean[] needed = new boolean[n * n * n];
        for (int bk = 0; bk < blocks; bk++) {
            for (int bj = 0; bj < blocks; bj++) {
                for (int bi = 0; bi < blocks; bi++) {
                    int b = bi + blocks * (bj + blocks * bk);
                    if (cu[b] > 1.25 * half[b] + tau + h) {
                        continue;
                    }
                    for (int k = bk * BLOCK; k <= Math.min(res, (bk + 1) * BLOCK); k++) {
                        for (int j = bj * BLOCK; j <= Math.min(res, (bj + 1) * BLOCK); j++) {
                            for (int i = bi * BLOCK; i <= Math.min(res, (bi + 1) * BLOCK); i++) {
                                needed[i + n * (j + n * k)] = true;
                            }
                        }
                    }
                }
            }
        }
        int count = 0;
        for (boolean b : needed) {
            count += b ? 1 : 0;
        }
        int[] ids = new int[count];
        int c = 0;
        for (int i = 0; i < needed.length; i++) {
            if (needed[i]) {
                ids[c++] = i;
            }
        }
        double[] x = new double[3 * count];
        for (int q = 0; q < count; q++) {
            int id = ids[q];
            x[3 * q] = -0.5 + h * (id % n);
            x[3 * q + 1] = -0.5 + h * ((id / n) % n);
            x[3 * q + 2] = -0.5 + h * (id / n / n);
        }
        // evaluate in slices so that progress and cancellation stay responsive
        double[] f = new double[3 * count];
        int slice = 1 << 16;
        Progress pe = p.split(75);
        pe.begin("evaluating the field on " + count + " grid samples", count);
        for (int from = 0; from < count; from += slice) {
            int to = Math.min(count, from + slice);
            double[] xs = Arrays.copyOfRange(x, 3 * from, 3 * to);
            double[] fs = new double[xs.length];
            field.closest(xs, fs, threads);
            System.arraycopy(fs, 0, f, 3 * from, fs.length);
            pe.worked(to - from);
        }
        double[] u = FieldOps.udf(x, f);
        double[] values = new double[n * n * n];
        Arrays.fill(values, Double.POSITIVE_INFINITY);
        for (int q = 0; q < count; q++) {
            values[ids[q]] = u[q];
        }
        TriangleMesh shell = IsoSurface.extract(values, n, n, n, new double[] {-0.5, -0.5, -0.5}, h, tau, p.split(10));
        int near = 0;
        for (int q = 0; q < count; q++) {
            near += u[q] < 2 * h ? 1 : 0;
        }
        int stride = s.maxPoints() == 0 ? Integer.MAX_VALUE : Math.max(1, (near + s.maxPoints() - 1) / Math.max(1, s.maxPoints()));
        int kept = s.maxPoints() == 0 ? 0 : (near + stride - 1) / stride;
        double[] px = new double[3 * kept];
        double[] pf = new double[3 * kept];
        int seen = 0;
        int k = 0;
        for (int q = 0; q < count && k < kept; q++) {
            if (u[q] < 2 * h) {
                if (seen % stride == 0) {
                    System.arraycopy(x, 3 * q, px, 3 * k, 3);
                    System.arraycopy(f, 3 * q, pf, 3 * k, 3);
                    k++;
                }
                seen++;
            }
        }
        double[] jac = new double[9 * k];
        field.jacobian(Arrays.copyOf(px, 3 * k), jac, threads);
        double[] normals = new double[3 * k];
        FieldOps.jacobianNormals(jac, normals, null);
        p.worked(10);
        return new Output(shell, Arrays.copyOf(pf, 3 * k), normals, (long) blocks * blocks * blocks + count + k);
    }

    private static double[] udf(ClosestPointField field, double[] x, int threads) {
        double[] f = new double[x.length];
        field.closest(x, f, threads);
        return Parallel.map(threads, x.length / 3, q -> {
            double dx = x[3 * q] - f[3 * q], dy = x[3 * q + 1] - f[3 * q + 1], dz = x[3 * q + 2] - f[3 * q + 2];
            return Math.sqrt(dx * dx + dy * dy + dz * dz);
        });
    }
}
