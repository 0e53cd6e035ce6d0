package org.quire.surface.analytic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.quire.geometry.TriangleMesh;

/** Tessellates a parametric patch over a (u, v) grid and welds coincident vertices. Stateless. */
final class GridMesh {

    /** A parametric map (u, v) in [0, 1]² to a point written into out. */
    interface Patch {
        void at(double u, double v, double[] out);
    }

    private GridMesh() {
    }

    /**
     * {@code nu x nv} quads, two triangles each; vertices that coincide within 1e-12 (poles, seams, a Möbius twist)
     * are welded and triangles that become degenerate are dropped.
     */
    static TriangleMesh build(int nu, int nv, Patch patch) {
        double[] v = new double[3 * (nu + 1) * (nv + 1)];
        double[] p = new double[3];
        for (int i = 0; i <= nu; i++) {
            for (int j = 0; j <= nv; j++) {
                patch.at((double) i / nu, (double) j / nv, p);
                System.arraycopy(p, 0, v, 3 * (i * (nv + 1) + j), 3);
            }
        }
        int[] t = new int[6 * nu * nv];
        int k = 0;
        for (int i = 0; i < nu; i++) {
            for (int j = 0; j < nv; j++) {
                int a = i * (nv + 1) + j;
                int b = a + 1;
                int c = a + nv + 1;
                int d = c + 1;
                t[k++] = a;
                t[k++] = c;
                t[k++] = d;
                t[k++] = a;
                t[k++] = d;
                t[k++] = b;
            }
        }
        return weld(v, t, 1e-12);
    }

    /** Merges vertices closer than {@code eps} (by rounding to an eps grid) and drops degenerate triangles. */
    static TriangleMesh weld(double[] v, int[] t, double eps) {
        int n = v.length / 3;
        Map<String, Integer> index = new HashMap<>();
        int[] map = new int[n];
        double[] out = new double[v.length];
        int m = 0;
        for (int i = 0; i < n; i++) {
            String key = Math.round(v[3 * i] / eps) + "," + Math.round(v[3 * i + 1] / eps) + "," + Math.round(v[3 * i + 2] / eps);
            Integer found = index.get(key);
            if (found == null) {
                found = m;
                index.put(key, m);
                System.arraycopy(v, 3 * i, out, 3 * m, 3);
                m++;
            }
            map[i] = found;
        }
        int[] tt = new int[t.length];
        int k = 0;
        for (int f = 0; f < t.length / 3; f++) {
            int a = map[t[3 * f]];
            int b = map[t[3 * f + 1]];
            int c = map[t[3 * f + 2]];
            if (a != b && b != c && c != a) {
                tt[k++] = a;
                tt[k++] = b;
                tt[k++] = c;
            }
        }
        return new TriangleMesh(Arrays.copyOf(out, 3 * m), Arrays.copyOf(tt, k));
    }
}
