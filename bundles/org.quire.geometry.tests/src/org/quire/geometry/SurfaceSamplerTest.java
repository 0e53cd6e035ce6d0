package org.quire.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Area-weighted sampling: counts per face against the binomial law, uniformity inside a face, exact placement. */
class SurfaceSamplerTest {

    /** Four disjoint right triangles with areas 1, 2, 3, 4. */
    private static TriangleMesh fourTriangles() {
        double[] v = new double[36];
        int[] t = new int[12];
        for (int k = 0; k < 4; k++) {
            double leg = Math.sqrt(2 * (k + 1));
            double[] tri = { 10 * k, 0, k, 10 * k + leg, 0, k, 10 * k, leg, k };
            System.arraycopy(tri, 0, v, 9 * k, 9);
            t[3 * k] = 3 * k;
            t[3 * k + 1] = 3 * k + 1;
            t[3 * k + 2] = 3 * k + 2;
        }
        return new TriangleMesh(v, t);
    }

    @Test
    void countsAreAreaProportionalWithinFiveSigmaAndChiSquare() {
        TriangleMesh m = fourTriangles();
        int n = 100_000;
        SurfaceSampler.Samples s = SurfaceSampler.sample(m, n, 11, true);
        int[] counts = new int[4];
        for (int f : s.faces()) {
            counts[f]++;
        }
        double chi2 = 0;
        for (int k = 0; k < 4; k++) {
            double p = (k + 1) / 10.0;
            double mean = n * p, sd = Math.sqrt(n * p * (1 - p));
            assertThat(Math.abs(counts[k] - mean)).as("face %d", k).isLessThan(5 * sd);
            chi2 += (counts[k] - mean) * (counts[k] - mean) / mean;
        }
        // 99.9% quantile of chi-square with 3 degrees of freedom
        assertThat(chi2).isLessThan(16.27);
        // every sample lies on its face at its barycentric coordinates, with the face normal (0, 0, 1)
        double[] v = m.verticesView();
        double minBary = 1, maxSumError = 0, maxPointError = 0, minNz = 1;
        for (int i = 0; i < n; i++) {
            int f = s.faces()[i];
            double u = s.barycentric()[3 * i], w = s.barycentric()[3 * i + 1], z = s.barycentric()[3 * i + 2];
            minBary = Math.min(minBary, Math.min(u, Math.min(w, z)));
            maxSumError = Math.max(maxSumError, Math.abs(u + w + z - 1));
            for (int d = 0; d < 3; d++) {
                double expect = u * v[9 * f + d] + w * v[9 * f + 3 + d] + z * v[9 * f + 6 + d];
                maxPointError = Math.max(maxPointError, Math.abs(s.points().xyzView()[3 * i + d] - expect));
            }
            minNz = Math.min(minNz, s.points().normalsView()[3 * i + 2]);
        }
        assertThat(minBary).isGreaterThanOrEqualTo(0.0);
        assertThat(maxSumError).isLessThan(1e-12);
        assertThat(maxPointError).isLessThan(1e-12);
        assertThat(minNz).isEqualTo(1.0);
    }

    @Test
    void uniformInsideATriangleAndSeeded() {
        TriangleMesh m = new TriangleMesh(new double[] { 0, 0, 0, 1, 0, 0, 0, 1, 0 }, new int[] { 0, 1, 2 });
        int n = 50_000;
        SurfaceSampler.Samples s = SurfaceSampler.sample(m, n, 5, false);
        assertThat(s.points().hasNormals()).isFalse();
        double sx = 0, sy = 0;
        int near = 0;
        for (int i = 0; i < n; i++) {
            double x = s.points().x(i), y = s.points().y(i);
            sx += x;
            sy += y;
            if (x + y < 0.5) {
                near++;
            }
        }
        // mean = centroid (1/3, 1/3); Var x = 1/18 on this triangle; bound 5 sd of the mean
        double sdMean = Math.sqrt(1.0 / 18 / n);
        assertThat(sx / n).isCloseTo(1.0 / 3, Offset.offset(5 * sdMean));
        assertThat(sy / n).isCloseTo(1.0 / 3, Offset.offset(5 * sdMean));
        // the corner triangle x + y < 1/2 holds a quarter of the area: Binomial(n, 1/4), bound 5 sd
        assertThat(Math.abs(near - n / 4.0)).isLessThan(5 * Math.sqrt(n * 0.25 * 0.75));
        assertThat(SurfaceSampler.sample(m, 100, 5, false).points().xyz())
                .containsExactly(SurfaceSampler.sample(m, 100, 5, false).points().xyz());
    }

    @Test
    void degenerateMeshCannotBeSampled() {
        TriangleMesh flat = new TriangleMesh(new double[] { 0, 0, 0, 1, 1, 1, 2, 2, 2 }, new int[] { 0, 1, 2 });
        assertThatThrownBy(() -> SurfaceSampler.sample(flat, 10, 1, false)).hasMessageContaining("no area");
        assertThat(SurfaceSampler.sample(flat, 0, 1, false).points().size()).isZero();
    }
}
