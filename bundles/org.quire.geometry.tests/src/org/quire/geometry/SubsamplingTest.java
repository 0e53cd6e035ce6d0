package org.quire.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Voxel subsampling on integer grids (exact counts and centroids) and seeded random subsampling. */
class SubsamplingTest {

    private static PointSet grid(int m) {
        double[] p = new double[3 * m * m * m];
        int c = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < m; k++) {
                    p[c++] = i;
                    p[c++] = j;
                    p[c++] = k;
                }
            }
        }
        return PointSet.of(p);
    }

    @Test
    void voxelGridCountsAndCentroids() {
        PointSet g = grid(10);
        PointSet v = Subsampling.voxel(g, 2.0);
        // voxels [0,2), [2,4), ... per axis: 5 x 5 x 5, each holding 8 points with centroid 2i + 0.5
        assertThat(v.size()).isEqualTo(125);
        for (int q = 0; q < v.size(); q++) {
            for (int d = 0; d < 3; d++) {
                double c = v.xyzView()[3 * q + d];
                assertThat((c - 0.5) / 2).isEqualTo(Math.rint((c - 0.5) / 2));
            }
        }
        // voxels in order of their first point: the first is (0.5, 0.5, 0.5), the second (0.5, 0.5, 2.5)
        assertThat(v.x(0)).isEqualTo(0.5);
        assertThat(v.z(1)).isEqualTo(2.5);
        // grid shifted by the origin 1: per axis [-1,1) holds 1 point, then 4 pairs, then [9,11) holds 1: 6^3 voxels
        PointSet w = Subsampling.voxel(g, 2.0, 1, 1, 1);
        assertThat(w.size()).isEqualTo(216);
        assertThat(w.x(0)).isEqualTo(0.0);
        assertThat(Subsampling.voxel(g, 0.5).size()).isEqualTo(1000);
        assertThat(Subsampling.voxel(g, 100).size()).isEqualTo(1);
        assertThat(Subsampling.voxel(g, 100).xyz()).containsExactly(4.5, 4.5, 4.5);
        assertThat(Subsampling.voxel(g, 3.0).size()).isEqualTo(4 * 4 * 4);
    }

    @Test
    void voxelNegativeCoordinatesAndAttributes() {
        double[] p = { -0.5, -0.5, -0.5, -0.1, -0.9, -0.2, 0.1, 0.1, 0.1 };
        double[] n = { 0, 0, 1, 0, 1, 0, 1, 0, 0 };
        int[] rgb = { 0x000000, 0x0a1420, 0xffffff };
        PointSet v = Subsampling.voxel(new PointSet(p, n, rgb), 1.0);
        assertThat(v.size()).isEqualTo(2);
        assertThat(v.x(0)).isEqualTo(-0.3);
        assertThat(v.y(0)).isEqualTo(-0.7);
        assertThat(v.z(0)).isCloseTo(-0.35, Offset.offset(1e-15));
        double h = Math.sqrt(0.5);
        assertThat(v.normals()).containsExactly(new double[] { 0, h, h, 1, 0, 0 }, Offset.offset(1e-15));
        assertThat(v.rgb()).containsExactly(0x050a10, 0xffffff);
        assertThatThrownBy(() -> Subsampling.voxel(v, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void randomSubsamplingIsSeededDistinctOrderedAndUniform() {
        PointSet g = grid(5);
        PointSet a = Subsampling.random(g, 40, 7);
        PointSet b = Subsampling.random(g, 40, 7);
        assertThat(a.xyz()).containsExactly(b.xyz());
        assertThat(Subsampling.random(g, 40, 8).xyz()).isNotEqualTo(a.xyz());
        assertThat(Subsampling.random(g, 1000, 7).size()).isEqualTo(125);
        int n = 20, m = 5, trials = 4000;
        int[] hits = new int[n];
        SplittableRandom r = new SplittableRandom(9);
        for (int t = 0; t < trials; t++) {
            int[] idx = Subsampling.randomIndices(n, m, r);
            assertThat(idx).hasSize(m).isSorted().doesNotHaveDuplicates();
            for (int i : idx) {
                hits[i]++;
            }
        }
        // each index is kept with probability m/n: Binomial(4000, 0.25), mean 1000, sd 27.4; bound 5 sd
        for (int i = 0; i < n; i++) {
            assertThat(Math.abs(hits[i] - 1000.0)).as("index %d", i).isLessThan(5 * 27.4);
        }
    }
}
