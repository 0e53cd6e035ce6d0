package org.quire.geometry.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.quire.geometry.TriangleMesh;

/**
 * {@link MeshBvh} against an independent brute-force reference (plane projection plus segment tests over every
 * triangle), and the closest-point properties of spec §6.2: idempotence, orthogonality, 1-Lipschitz distance; ray casts
 * against the analytic sphere intersection; bad meshes and queries.
 */
class MeshBvhTest {

    /** A UV sphere of radius r (closed), {@code rings x segments} quads split into triangles. */
    static TriangleMesh uvSphere(double r, int rings, int segments) {
        int nv = 2 + (rings - 1) * segments;
        double[] v = new double[3 * nv];
        v[2] = r;
        v[3 * (nv - 1) + 2] = -r;
        for (int i = 1; i < rings; i++) {
            double th = Math.PI * i / rings;
            for (int j = 0; j < segments; j++) {
                double ph = 2 * Math.PI * j / segments;
                int id = 1 + (i - 1) * segments + j;
                v[3 * id] = r * Math.sin(th) * Math.cos(ph);
                v[3 * id + 1] = r * Math.sin(th) * Math.sin(ph);
                v[3 * id + 2] = r * Math.cos(th);
            }
        }
        int[] t = new int[3 * (2 * segments + 2 * segments * (rings - 2))];
        int k = 0;
        for (int j = 0; j < segments; j++) {
            int a = 1 + j;
            int b = 1 + (j + 1) % segments;
            t[k++] = 0;
            t[k++] = a;
            t[k++] = b;
            int c = 1 + (rings - 2) * segments + j;
            int d = 1 + (rings - 2) * segments + (j + 1) % segments;
            t[k++] = nv - 1;
            t[k++] = d;
            t[k++] = c;
        }
        for (int i = 1; i < rings - 1; i++) {
            for (int j = 0; j < segments; j++) {
                int a = 1 + (i - 1) * segments + j;
                int b = 1 + (i - 1) * segments + (j + 1) % segments;
                int c = 1 + i * segments + j;
                int d = 1 + i * segments + (j + 1) % segments;
                t[k++] = a;
                t[k++] = c;
                t[k++] = d;
                t[k++] = a;
                t[k++] = d;
                t[k++] = b;
            }
        }
        return new TriangleMesh(v, t);
    }

    /** An open, wavy height-field sheet over [-1, 1]^2 (boundary edges everywhere along its rim). */
    static TriangleMesh sheet(int n) {
        double[] v = new double[3 * (n + 1) * (n + 1)];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                int id = i * (n + 1) + j;
                double x = -1 + 2.0 * i / n;
                double y = -1 + 2.0 * j / n;
                v[3 * id] = x;
                v[3 * id + 1] = y;
                v[3 * id + 2] = 0.2 * Math.sin(3 * x) * Math.cos(2 * y);
            }
        }
        int[] t = new int[6 * n * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int a = i * (n + 1) + j;
                int b = a + 1;
                int c = a + n + 1;
                int d = c + 1;
                t[k++] = a;
                t[k++] = c;
                t[k++] = d;
                t[k++] = a;
                t[k++] = d;
                t[k++] = b;
            }
        }
        return new TriangleMesh(v, t);
    }

    /** Random triangle soup in [-1, 1]^3 with some degenerate triangles (repeated and collinear corners). */
    static TriangleMesh soup(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[9 * n];
        int[] t = new int[3 * n];
        for (int i = 0; i < n; i++) {
            double cx = r.nextDouble(-1, 1), cy = r.nextDouble(-1, 1), cz = r.nextDouble(-1, 1);
            for (int k = 0; k < 3; k++) {
                v[9 * i + 3 * k] = cx + r.nextDouble(-0.2, 0.2);
                v[9 * i + 3 * k + 1] = cy + r.nextDouble(-0.2, 0.2);
                v[9 * i + 3 * k + 2] = cz + r.nextDouble(-0.2, 0.2);
                t[3 * i + k] = 3 * i + k;
            }
            if (i % 17 == 0) { // repeated corner
                System.arraycopy(v, 9 * i, v, 9 * i + 3, 3);
            } else if (i % 19 == 0) { // collinear corners
                for (int d = 0; d < 3; d++) {
                    v[9 * i + 6 + d] = 2 * v[9 * i + 3 + d] - v[9 * i + d];
                }
            }
        }
        return new TriangleMesh(v, t);
    }

    /** Brute force: squared distance and point, independent of Ericson's region tests. */
    static double[] bruteForce(TriangleMesh m, double x, double y, double z) {
        double[] v = m.verticesView();
        int[] t = m.trianglesView();
        double best = Double.POSITIVE_INFINITY;
        double[] bp = new double[3];
        for (int f = 0; f < m.triangleCount(); f++) {
            double[] a = {v[3 * t[3 * f]], v[3 * t[3 * f] + 1], v[3 * t[3 * f] + 2]};
            double[] b = {v[3 * t[3 * f + 1]], v[3 * t[3 * f + 1] + 1], v[3 * t[3 * f + 1] + 2]};
            double[] c = {v[3 * t[3 * f + 2]], v[3 * t[3 * f + 2] + 1], v[3 * t[3 * f + 2] + 2]};
            double[] n = cross(sub(b, a), sub(c, a));
            double nn = dot(n, n);
            double[] p = {x, y, z};
            double[][] candidates = new double[4][];
            if (nn > 1e-20) {
                double s = dot(sub(p, a), n) / nn;
                double[] q = {x - s * n[0], y - s * n[1], z - s * n[2]};
                // inside test with signed areas
                double s1 = dot(cross(sub(b, a), sub(q, a)), n);
                double s2 = dot(cross(sub(c, b), sub(q, b)), n);
                double s3 = dot(cross(sub(a, c), sub(q, c)), n);
                if (s1 >= 0 && s2 >= 0 && s3 >= 0) {
                    candidates[0] = q;
                }
            }
            candidates[1] = segment(p, a, b);
            candidates[2] = segment(p, b, c);
            candidates[3] = segment(p, c, a);
            for (double[] q : candidates) {
                if (q == null) {
                    continue;
                }
                double d2 = dot(sub(p, q), sub(p, q));
                if (d2 < best) {
                    best = d2;
                    bp = q;
                }
            }
        }
        return new double[] {best, bp[0], bp[1], bp[2]};
    }

    private static double[] segment(double[] p, double[] a, double[] b) {
        double[] e = sub(b, a);
        double l2 = dot(e, e);
        double s = l2 > 0 ? Math.max(0, Math.min(1, dot(sub(p, a), e) / l2)) : 0;
        return new double[] {a[0] + s * e[0], a[1] + s * e[1], a[2] + s * e[2]};
    }

    static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    @Test
    void distancesEqualBruteForceWithin1e9OnClosedOpenAndDegenerateMeshes() {
        TriangleMesh[] meshes = {uvSphere(0.7, 12, 20), sheet(15), soup(300, 5)};
        SplittableRandom r = new SplittableRandom(11);
        for (TriangleMesh m : meshes) {
            MeshBvh bvh = new MeshBvh(m);
            for (int q = 0; q < 400; q++) {
                double x = r.nextDouble(-1.5, 1.5), y = r.nextDouble(-1.5, 1.5), z = r.nextDouble(-1.5, 1.5);
                ClosestPoint cp = bvh.closest(x, y, z);
                double[] ref = bruteForce(m, x, y, z);
                assertThat(cp.distance()).isCloseTo(Math.sqrt(ref[0]), within(1e-9));
                double dx = x - cp.x(), dy = y - cp.y(), dz = z - cp.z();
                assertThat(Math.sqrt(dx * dx + dy * dy + dz * dz)).isCloseTo(cp.distance(), within(1e-12));
                // the barycentric weights reproduce the point on the named face
                double[] v = m.verticesView();
                int[] t = m.trianglesView();
                int f = cp.face();
                assertThat(cp.u() + cp.v() + cp.w()).isCloseTo(1.0, within(1e-12));
                assertThat(Math.min(cp.u(), Math.min(cp.v(), cp.w()))).isGreaterThanOrEqualTo(-1e-12);
                for (int d = 0; d < 3; d++) {
                    double p = cp.u() * v[3 * t[3 * f] + d] + cp.v() * v[3 * t[3 * f + 1] + d] + cp.w() * v[3 * t[3 * f + 2] + d];
                    double got = d == 0 ? cp.x() : d == 1 ? cp.y() : cp.z();
                    assertThat(got).isCloseTo(p, within(1e-9));
                }
            }
        }
    }

    @Test
    void closestPointIsIdempotentOrthogonalInsideFacesAndDistanceIsOneLipschitz() {
        TriangleMesh m = uvSphere(0.5, 16, 24);
        MeshBvh bvh = new MeshBvh(m);
        SplittableRandom r = new SplittableRandom(3);
        double[] v = m.verticesView();
        int[] t = m.trianglesView();
        int interior = 0;
        for (int q = 0; q < 2000; q++) {
            double x = r.nextDouble(-1, 1), y = r.nextDouble(-1, 1), z = r.nextDouble(-1, 1);
            ClosestPoint cp = bvh.closest(x, y, z);
            ClosestPoint again = bvh.closest(cp.x(), cp.y(), cp.z());
            assertThat(again.distance()).isLessThanOrEqualTo(1e-12);
            assertThat(Math.abs(again.x() - cp.x()) + Math.abs(again.y() - cp.y()) + Math.abs(again.z() - cp.z()))
                    .isLessThanOrEqualTo(1e-12);
            if (Math.min(cp.u(), Math.min(cp.v(), cp.w())) > 1e-6 && cp.distance() > 1e-6) {
                interior++;
                int f = cp.face();
                double[] a = {v[3 * t[3 * f]], v[3 * t[3 * f] + 1], v[3 * t[3 * f] + 2]};
                double[] b = {v[3 * t[3 * f + 1]], v[3 * t[3 * f + 1] + 1], v[3 * t[3 * f + 1] + 2]};
                double[] c = {v[3 * t[3 * f + 2]], v[3 * t[3 * f + 2] + 1], v[3 * t[3 * f + 2] + 2]};
                double[] n = cross(sub(b, a), sub(c, a));
                double[] d = {x - cp.x(), y - cp.y(), z - cp.z()};
                double cos = Math.abs(dot(n, d)) / Math.sqrt(dot(n, n) * dot(d, d));
                assertThat(cos).isGreaterThan(1 - 1e-9);
            }
            double x2 = x + r.nextDouble(-0.1, 0.1), y2 = y + r.nextDouble(-0.1, 0.1), z2 = z + r.nextDouble(-0.1, 0.1);
            double step = Math.sqrt((x2 - x) * (x2 - x) + (y2 - y) * (y2 - y) + (z2 - z) * (z2 - z));
            assertThat(Math.abs(bvh.closest(x2, y2, z2).distance() - cp.distance())).isLessThanOrEqualTo(step + 1e-12);
        }
        assertThat(interior).isGreaterThan(500);
    }

    @Test
    void batchQueriesDoNotDependOnTheThreadCount() {
        MeshBvh bvh = new MeshBvh(sheet(30));
        SplittableRandom r = new SplittableRandom(1);
        double[] q = new double[3 * 5000];
        for (int i = 0; i < q.length; i++) {
            q[i] = r.nextDouble(-1.2, 1.2);
        }
        MeshBvh.Batch one = bvh.closestAll(q, 1, null);
        MeshBvh.Batch two = bvh.closestAll(q, 2, null);
        assertThat(two.points).containsExactly(one.points);
        assertThat(two.faces).containsExactly(one.faces);
        ClosestPoint single = bvh.closest(q[300], q[301], q[302]);
        assertThat(one.distances[100]).isEqualTo(single.distance());
        assertThat(one.faces[100]).isEqualTo(single.face());
    }

    @Test
    void raysHitTheTessellatedSphereNearTheAnalyticIntersection() {
        double radius = 0.6;
        MeshBvh bvh = new MeshBvh(uvSphere(radius, 64, 96));
        SplittableRandom r = new SplittableRandom(8);
        // the chord error of the tessellation bounds the radial error: r (1 - cos(pi / 64))
        double sag = radius * (1 - Math.cos(Math.PI / 64)) * 2;
        int hits = 0;
        for (int i = 0; i < 500; i++) {
            double ox = r.nextDouble(-0.5, 0.5), oy = r.nextDouble(-0.5, 0.5), oz = 2.0;
            MeshBvh.RayHit h = bvh.raycast(ox, oy, oz, 0, 0, -1, 0, 10);
            double disc = radius * radius - ox * ox - oy * oy;
            if (disc > 0.01) {
                assertThat(h).isNotNull();
                double exact = oz - Math.sqrt(disc);
                assertThat(h.t()).isCloseTo(exact, within(sag / Math.sqrt(disc / (radius * radius))));
                hits++;
            } else if (disc < -0.01) {
                assertThat(h).isNull();
            }
        }
        assertThat(hits).isGreaterThan(200);
        assertThat(bvh.raycast(0, 0, 2, 0, 0, 1, 0, 10)).isNull();
    }

    @Test
    void badMeshesAndQueriesFailWithClearMessages() {
        assertThatThrownBy(() -> new MeshBvh(new double[0], new int[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no triangles");
        assertThatThrownBy(() -> new MeshBvh(new double[] {0, 0, 0, 1, 0, 0, 0, Double.NaN, 0}, new int[] {0, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("triangle 0").hasMessageContaining("vertex 2");
        assertThatThrownBy(() -> new MeshBvh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vertex 5");
        MeshBvh ok = new MeshBvh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
        assertThatThrownBy(() -> ok.closest(Double.NaN, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not finite");
        // a mesh made only of degenerate triangles still answers exactly (its edges)
        MeshBvh line = new MeshBvh(new double[] {0, 0, 0, 1, 0, 0, 2, 0, 0}, new int[] {0, 1, 2});
        ClosestPoint cp = line.closest(1.5, 2, 0);
        assertThat(cp.distance()).isCloseTo(2.0, within(1e-15));
        assertThat(cp.x()).isCloseTo(1.5, within(1e-15));
    }
}
