package org.quire.geometry.meshing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quire.geometry.TriangleMesh;

/**
 * {@link IsoSurface} on analytic fields: the level set of a sphere's distance is closed (every edge shared by two
 * triangles, Euler characteristic 2), its vertices lie on the sphere, its area and enclosed volume match the sphere's,
 * its triangles face outwards; a shell around an open disk (the UDF use) is closed too.
 */
class IsoSurfaceTest {

    private static double[] grid(int n, double lo, double h,
            Field f) {
        double[] v = new double[n * n * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    v[i + n * (j + n * k)] = f.at(lo + h * i, lo + h * j, lo + h * k);
                }
            }
        }
        return v;
    }

    interface Field {
        double at(double x, double y, double z);
    }

    /** Edge -> number of triangles using it. */
    private static Map<Long, Integer> edgeUse(TriangleMesh m) {
        Map<Long, Integer> use = new HashMap<>();
        int[] t = m.trianglesView();
        for (int f = 0; f < m.triangleCount(); f++) {
            for (int e = 0; e < 3; e++) {
                int a = t[3 * f + e];
                int b = t[3 * f + (e + 1) % 3];
                long key = Math.min(a, b) * 10_000_000L + Math.max(a, b);
                use.merge(key, 1, Integer::sum);
            }
        }
        return use;
    }

    private static double signedVolume(TriangleMesh m) {
        double[] v = m.verticesView();
        int[] t = m.trianglesView();
        double vol = 0;
        for (int f = 0; f < m.triangleCount(); f++) {
            int a = 3 * t[3 * f], b = 3 * t[3 * f + 1], c = 3 * t[3 * f + 2];
            vol += v[a] * (v[b + 1] * v[c + 2] - v[b + 2] * v[c + 1]) - v[a + 1] * (v[b] * v[c + 2] - v[b + 2] * v[c])
                    + v[a + 2] * (v[b] * v[c + 1] - v[b + 1] * v[c]);
        }
        return vol / 6;
    }

    @Test
    void sphereLevelSetIsClosedOutwardAndOnTheSphere() {
        int n = 41;
        double lo = -1;
        double h = 2.0 / (n - 1);
        double r = 0.63;
        double[] f = grid(n, lo, h, (x, y, z) -> Math.sqrt(x * x + y * y + z * z));
        TriangleMesh m = IsoSurface.extract(f, n, n, n, new double[] {lo, lo, lo}, h, r, null);
        assertThat(m.triangleCount()).isGreaterThan(1000);
        Map<Long, Integer> use = edgeUse(m);
        assertThat(use.values()).allMatch(c -> c == 2);
        assertThat(m.vertexCount() - use.size() + m.triangleCount()).isEqualTo(2);
        double[] v = m.verticesView();
        for (int i = 0; i < m.vertexCount(); i++) {
            double d = Math.sqrt(v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]);
            // linear interpolation of |x| along an edge of length <= sqrt(3) h: error below h^2 / r
            assertThat(d).isCloseTo(r, within(3 * h * h / r));
        }
        assertThat(m.area()).isCloseTo(4 * Math.PI * r * r, within(0.02 * 4 * Math.PI * r * r));
        assertThat(signedVolume(m)).isCloseTo(4 * Math.PI * r * r * r / 3, within(0.02 * 4 * Math.PI * r * r * r / 3));
    }

    @Test
    void shellAroundAnOpenDiskIsClosedAndTwoSided() {
        int n = 48;
        double lo = -0.6;
        double h = 1.2 / (n - 1);
        double tau = 1.5 * h;
        // unsigned distance to the disk z = 0, x^2 + y^2 <= 0.4^2
        double[] f = grid(n, lo, h, (x, y, z) -> {
            double rho = Math.sqrt(x * x + y * y);
            double e = Math.max(0, rho - 0.4);
            return Math.sqrt(e * e + z * z);
        });
        TriangleMesh m = IsoSurface.extract(f, n, n, n, new double[] {lo, lo, lo}, h, tau, null);
        assertThat(edgeUse(m).values()).allMatch(c -> c == 2);
        // two sides of the disk plus the rim: area about 2 pi 0.4^2 + 2 pi 0.4 * pi tau
        double expected = 2 * Math.PI * 0.16 + 2 * Math.PI * 0.4 * Math.PI * tau;
        assertThat(m.area()).isCloseTo(expected, within(0.05 * expected));
        assertThat(signedVolume(m)).isPositive();
    }

    @Test
    void infiniteSamplesCountAsOutsideAndNanIsRejected() {
        double[] f = new double[8];
        java.util.Arrays.fill(f, Double.POSITIVE_INFINITY);
        f[0] = 0;
        TriangleMesh m = IsoSurface.extract(f, 2, 2, 2, new double[] {0, 0, 0}, 1, 0.5, null);
        assertThat(m.triangleCount()).isPositive();
        assertThat(m.verticesView()).containsOnly(0.0);
        f[3] = Double.NaN;
        assertThatThrownBy(() -> IsoSurface.extract(f, 2, 2, 2, new double[] {0, 0, 0}, 1, 0.5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample 3").hasMessageContaining("NaN");
        assertThatThrownBy(() -> IsoSurface.extract(new double[7], 2, 2, 2, new double[3], 1, 0.5, null))
                .hasMessageContaining("expected 2*2*2");
    }
}
