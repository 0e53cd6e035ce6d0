package org.quire.surface.csp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quire.geometry.TriangleMesh;
import org.quire.surface.analytic.AnalyticShapes;
import org.quire.surface.analytic.AnalyticSurface;

/**
 * The UDF shell of exact analytic fields: closed (every edge in two triangles), every vertex at distance τ from the
 * surface up to the interpolation error, the projected cloud on the surface with normals matching the analytic ones;
 * the narrow band skips most of the grid.
 */
class UdfMesherTest {

    private static Map<Long, Integer> edgeUse(TriangleMesh m) {
        Map<Long, Integer> use = new HashMap<>();
        int[] t = m.trianglesView();
        for (int f = 0; f < m.triangleCount(); f++) {
            for (int e = 0; e < 3; e++) {
                long a = t[3 * f + e];
                long b = t[3 * f + (e + 1) % 3];
                use.merge(Math.min(a, b) << 32 | Math.max(a, b), 1, Integer::sum);
            }
        }
        return use;
    }

    @Test
    void shellsOfAClosedAndAnOpenSurfaceAreClosedAtDistanceTau() {
        for (String name : new String[] {"sphere", "disk"}) {
            AnalyticSurface s = AnalyticShapes.byName(name);
            int res = 48;
            UdfMesher.Output o = UdfMesher.extract(s, new UdfMesher.Settings(res, 1.5, 5000), 2, null);
            TriangleMesh shell = o.shell();
            assertThat(shell.triangleCount()).as(name).isGreaterThan(1000);
            assertThat(edgeUse(shell).values()).as(name).allMatch(c -> c == 2);
            double h = 1.0 / res;
            double tau = 1.5 * h;
            double[] v = shell.verticesView();
            double[] p = new double[3];
            for (int i = 0; i < shell.vertexCount(); i++) {
                s.closest(v[3 * i], v[3 * i + 1], v[3 * i + 2], p);
                double u = Math.sqrt(Math.pow(v[3 * i] - p[0], 2) + Math.pow(v[3 * i + 1] - p[1], 2) + Math.pow(v[3 * i + 2] - p[2], 2));
                // linear interpolation of u along a grid edge of at most sqrt(3) h: u is exact along lines normal to
                // the surface and curves by at most h^2 / tau elsewhere
                assertThat(u).as(name).isCloseTo(tau, within(h * h / tau + 1e-12));
            }
            // the narrow band skips blocks far from the surface (at 48^3 only the 8^3-cell blocks in the corners)
            assertThat(o.evaluations()).isLessThan((long) (res + 1) * (res + 1) * (res + 1));
            double[] q = o.projected();
            double[] nj = o.projectedNormals();
            double[] normal = new double[3];
            assertThat(q.length / 3).isGreaterThan(500);
            for (int i = 0; i < q.length / 3; i++) {
                s.closest(q[3 * i], q[3 * i + 1], q[3 * i + 2], p);
                assertThat(Math.abs(p[0] - q[3 * i]) + Math.abs(p[1] - q[3 * i + 1]) + Math.abs(p[2] - q[3 * i + 2])).isLessThan(1e-12);
                if (name.equals("sphere")) {
                    s.normal(p[0], p[1], p[2], normal);
                    double cos = Math.abs(normal[0] * nj[3 * i] + normal[1] * nj[3 * i + 1] + normal[2] * nj[3 * i + 2]);
                    assertThat(cos).isGreaterThan(1 - 1e-6);
                }
            }
        }
    }
}
