package org.quire.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Point sets and meshes: validation, copies, transforms (normals by the inverse transpose), selection, bounds. */
class PointSetTest {

    @Test
    void validationNamesTheProblem() {
        assertThatThrownBy(() -> PointSet.of(new double[] { 1, 2 })).hasMessageContaining("multiple of 3");
        assertThatThrownBy(() -> new PointSet(new double[3], new double[6], null)).hasMessageContaining("normals");
        assertThatThrownBy(() -> new PointSet(new double[3], null, new int[2])).hasMessageContaining("one colour per point");
        assertThatThrownBy(() -> PointSet.of(new double[] { 0, Double.NaN, 0 })).hasMessageContaining("coordinate y of point 0");
        assertThatThrownBy(() -> new TriangleMesh(new double[9], new int[] { 0, 1, 3 }))
                .hasMessageContaining("triangle 0 names vertex 3, expected 0..2");
    }

    @Test
    void copiesProtectTheSet() {
        double[] p = { 1, 2, 3 };
        PointSet s = PointSet.of(p);
        p[0] = 9;
        s.xyz()[1] = 9;
        assertThat(s.xyz()).containsExactly(1, 2, 3);
        assertThat(s.bounds()).containsExactly(1, 2, 3, 1, 2, 3);
        assertThat(PointSet.of(new double[0]).bounds()[0]).isNaN();
    }

    @Test
    void rigidTransformMovesPointsAndRotatesNormals() {
        double c = Math.cos(0.4), s = Math.sin(0.4);
        double[] m = { c, -s, 0, 1, s, c, 0, 2, 0, 0, 1, 3, 0, 0, 0, 1 };
        PointSet p = new PointSet(new double[] { 1, 0, 0, 0, 0, 5 }, new double[] { 1, 0, 0, 0, 0, 1 }, new int[] { 1, 2 });
        PointSet t = p.transformed(m);
        assertThat(t.xyz()).containsExactly(c + 1, s + 2, 3, 1, 2, 8);
        assertThat(t.normals()).containsExactly(c, s, 0, 0, 0, 1);
        assertThat(t.rgb()).containsExactly(1, 2);
    }

    @Test
    void scalingKeepsNormalsPerpendicularToTheSurface() {
        // plane x + y = 0 with normal (1, 1, 0)/sqrt2, scaled by (2, 1, 1): the image plane x/2 + y = 0 has normal (1, 2, 0)/sqrt5
        double h = Math.sqrt(0.5);
        PointSet p = new PointSet(new double[] { 0, 0, 0 }, new double[] { h, h, 0 }, null);
        PointSet t = p.transformed(new double[] { 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 });
        assertThat(t.normals()[0]).isCloseTo(1 / Math.sqrt(5), Offset.offset(1e-15));
        assertThat(t.normals()[1]).isCloseTo(2 / Math.sqrt(5), Offset.offset(1e-15));
        // a reflection flips the normal with the surface
        PointSet r = p.transformed(new double[] { -1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 });
        assertThat(r.normals()).containsExactly(-h, h, 0);
    }

    @Test
    void selectWithNormalsAndColoursAndToResult() {
        PointSet p = new PointSet(new double[] { 0, 0, 0, 1, 1, 1, 2, 2, 2 }, new double[] { 0, 0, 1, 0, 1, 0, 1, 0, 0 },
                new int[] { 7, 8, 9 });
        PointSet q = p.select(new int[] { 2, 0, 2 });
        assertThat(q.xyz()).containsExactly(2, 2, 2, 0, 0, 0, 2, 2, 2);
        assertThat(q.normals()).containsExactly(1, 0, 0, 0, 0, 1, 1, 0, 0);
        assertThat(q.rgb()).containsExactly(9, 7, 9);
        assertThatThrownBy(() -> p.select(new int[] { 3 })).hasMessageContaining("index 3");
        var r = q.toResult("cloud");
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.rgb()).containsExactly(9, 7, 9);
        assertThat(p.withNormals(null).hasNormals()).isFalse();
        var withScalars = p.toResult("residuals", new double[] { 0.5, -1, 2 }, "residual (mm)");
        assertThat(withScalars.scalars()).containsExactly(0.5f, -1f, 2f);
        assertThat(withScalars.scalarLabel()).isEqualTo("residual (mm)");
        assertThatThrownBy(() -> p.toResult("r", new double[2], "x")).hasMessageContaining("one scalar per point");
        assertThat(p.centroid()).containsExactly(1, 1, 1);
    }

    @Test
    void meshAreasNormalsAndResult() {
        TriangleMesh m = new TriangleMesh(new double[] { 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4 }, new int[] { 0, 1, 2, 0, 3, 1 });
        assertThat(m.area(0)).isEqualTo(3.0);
        assertThat(m.area()).isEqualTo(7.0);
        double[] n = new double[3];
        m.faceNormal(0, n);
        assertThat(n).containsExactly(0, 0, 1);
        m.faceNormal(1, n);
        assertThat(n).containsExactly(0, 1, 0);
        assertThat(m.toResult("mesh").triangleCount()).isEqualTo(2);
        assertThat(m.bounds()).containsExactly(0, 0, 0, 2, 3, 4);
    }

    @Test
    void edgeCountsOfClosedOpenAndNonManifoldMeshes() {
        double[] v = { 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1 };
        TriangleMesh oct = new TriangleMesh(v, new int[] { 0, 2, 4, 2, 1, 4, 1, 3, 4, 3, 0, 4, 2, 0, 5, 1, 2, 5, 3, 1, 5, 0, 3, 5 });
        assertThat(oct.edgeCounts()).isEqualTo(new TriangleMesh.EdgeCounts(12, 0, 0));
        assertThat(oct.edgeCounts().closedManifold()).isTrue();
        TriangleMesh one = new TriangleMesh(new double[9], new int[] { 0, 1, 2 });
        assertThat(one.edgeCounts()).isEqualTo(new TriangleMesh.EdgeCounts(3, 3, 0));
        // three triangles on the edge 0-1 (a "book"): that edge is non-manifold, the other 6 are boundary edges
        TriangleMesh book = new TriangleMesh(new double[15], new int[] { 0, 1, 2, 1, 0, 3, 0, 1, 4 });
        assertThat(book.edgeCounts()).isEqualTo(new TriangleMesh.EdgeCounts(7, 6, 1));
        assertThat(book.edgeCounts().closedManifold()).isFalse();
        TriangleMesh degenerate = new TriangleMesh(new double[6], new int[] { 0, 0, 1 });
        assertThat(degenerate.edgeCounts()).isEqualTo(new TriangleMesh.EdgeCounts(1, 0, 0));
    }
}
