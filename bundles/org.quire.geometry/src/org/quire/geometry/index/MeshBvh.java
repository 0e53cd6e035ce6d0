package org.quire.geometry.index;

import java.util.Arrays;

import org.quire.api.Progress;
import org.quire.compute.Parallel;
import org.quire.geometry.TriangleMesh;

/**
 * A bounding-volume hierarchy over the triangles of a mesh for exact closest-point queries (Ericson's Voronoi-region
 * point&ndash;triangle test in double precision) and ray casts (Moller&ndash;Trumbore).
 *
 * <p>Build: axis-aligned boxes, binned surface-area heuristic over triangle centroids ({@value #BINS} bins per node, at
 * most {@value #LEAF_SIZE} triangles per leaf), triangle corners copied into one packed array in tree order. Query:
 * depth-first, nearer child first, a node is pruned when its squared box distance is &ge; the best squared distance
 * found so far, so the result is the exact minimum over all triangles (ties resolved by the fixed traversal order).
 * Degenerate triangles (zero area: repeated or collinear corners) are handled as their three edges.
 *
 * <p>Threading: immutable after construction; every query method is thread-safe. The batch methods split the queries
 * over {@code threads} threads with {@link Parallel}; each query's answer depends only on the query, so the results
 * are identical for every thread count.
 */
public final class MeshBvh {

    /** Most triangles in a leaf. */
    static final int LEAF_SIZE = 4;
    /** Centroid bins per axis in the SAH build. */
    static final int BINS = 12;
    /** Traversal stack depth; the build never nests deeper (checked). */
    private static final int STACK = 128;

    private final int triangleCount;
    /** Corners a, b, c of triangle i (tree order) at {@code 9 * i}. */
    private final double[] corners;
    /** Original face index of triangle i in tree order. */
    private final int[] faceOf;
    /** Whether triangle i (tree order) has zero area. */
    private final boolean[] degenerate;
    /** Node boxes: minx, miny, minz, maxx, maxy, maxz at {@code 6 * node}. */
    private double[] boxes;
    /** Internal node: index of the first child (the second follows it); leaf: -1 - first triangle. */
    private int[] child;
    /** Leaf: triangle count; internal: 0. */
    private int[] count;
    private int nodes;
    private int depth;

    /**
     * Builds the hierarchy of {@code mesh}.
     *
     * @throws IllegalArgumentException when the mesh has no triangles
     */
    public MeshBvh(TriangleMesh mesh) {
        this(mesh.verticesView(), mesh.trianglesView());
    }

    /**
     * Builds the hierarchy of packed vertices ({@code x0,y0,z0,...}) and triangles (three 0-based indices each); the
     * arrays are read, not kept.
     *
     * @throws IllegalArgumentException when there are no triangles, an index is out of range or a used coordinate is
     *                                  not finite (the message names the triangle)
     */
    public MeshBvh(double[] vertices, int[] triangles) {
        if (triangles.length % 3 != 0 || vertices.length % 3 != 0) {
            throw new IllegalArgumentException("mesh: array lengths must be multiples of 3");
        }
        triangleCount = triangles.length / 3;
        if (triangleCount == 0) {
            throw new IllegalArgumentException("mesh has no triangles: a closest point is undefined on an empty surface");
        }
        int v = vertices.length / 3;
        double[] raw = new double[9 * triangleCount];
        for (int t = 0; t < triangleCount; t++) {
            for (int k = 0; k < 3; k++) {
                int idx = triangles[3 * t + k];
                if (idx < 0 || idx >= v) {
                    throw new IllegalArgumentException("mesh: triangle " + t + " names vertex " + idx + ", expected 0.." + (v - 1));
                }
                for (int d = 0; d < 3; d++) {
                    double c = vertices[3 * idx + d];
                    if (!Double.isFinite(c)) {
                        throw new IllegalArgumentException("mesh: triangle " + t + " uses vertex " + idx + " whose "
                                + "xyz".charAt(d) + " is not finite (" + c + ")");
                    }
                    raw[9 * t + 3 * k + d] = c;
                }
            }
        }
        int[] order = new int[triangleCount];
        for (int i = 0; i < triangleCount; i++) {
            order[i] = i;
        }
        double[] centroid = new double[3 * triangleCount];
        double[] triBox = new double[6 * triangleCount];
        for (int t = 0; t < triangleCount; t++) {
            for (int d = 0; d < 3; d++) {
                double a = raw[9 * t + d];
                double b = raw[9 * t + 3 + d];
                double c = raw[9 * t + 6 + d];
                centroid[3 * t + d] = (a + b + c) / 3.0;
                triBox[6 * t + d] = Math.min(a, Math.min(b, c));
                triBox[6 * t + 3 + d] = Math.max(a, Math.max(b, c));
            }
        }
        int capacity = 2 * triangleCount;
        boxes = new double[6 * capacity];
        child = new int[capacity];
        count = new int[capacity];
        nodes = 1;
        build(0, 0, triangleCount, order, centroid, triBox, 1);
        if (nodes < capacity) {
            boxes = Arrays.copyOf(boxes, 6 * nodes);
            child = Arrays.copyOf(child, nodes);
            count = Arrays.copyOf(count, nodes);
        }
        corners = new double[9 * triangleCount];
        faceOf = new int[triangleCount];
        degenerate = new boolean[triangleCount];
        for (int i = 0; i < triangleCount; i++) {
            int t = order[i];
            faceOf[i] = t;
            System.arraycopy(raw, 9 * t, corners, 9 * i, 9);
            degenerate[i] = isDegenerate(corners, 9 * i);
        }
    }

    private static boolean isDegenerate(double[] c, int o) {
        double abx = c[o + 3] - c[o], aby = c[o + 4] - c[o + 1], abz = c[o + 5] - c[o + 2];
        double acx = c[o + 6] - c[o], acy = c[o + 7] - c[o + 1], acz = c[o + 8] - c[o + 2];
        double nx = aby * acz - abz * acy, ny = abz * acx - abx * acz, nz = abx * acy - aby * acx;
        double n2 = nx * nx + ny * ny + nz * nz;
        double ab2 = abx * abx + aby * aby + abz * abz;
        double ac2 = acx * acx + acy * acy + acz * acz;
        // sin^2 of the angle at a below ~1e-24, or a zero edge: the Voronoi-region formulas divide by ~0
        return !(n2 > 1e-24 * ab2 * ac2) || ab2 == 0 || ac2 == 0;
    }

    private void build(int node, int from, int to, int[] order, double[] centroid, double[] triBox, int level) {
        depth = Math.max(depth, level);
        double[] box = new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] cb = box.clone();
        for (int i = from; i < to; i++) {
            int t = order[i];
            for (int d = 0; d < 3; d++) {
                box[d] = Math.min(box[d], triBox[6 * t + d]);
                box[3 + d] = Math.max(box[3 + d], triBox[6 * t + 3 + d]);
                cb[d] = Math.min(cb[d], centroid[3 * t + d]);
                cb[3 + d] = Math.max(cb[3 + d], centroid[3 * t + d]);
            }
        }
        System.arraycopy(box, 0, boxes, 6 * node, 6);
        int n = to - from;
        if (n <= LEAF_SIZE) {
            makeLeaf(node, from, n);
            return;
        }
        int mid = sahSplit(from, to, order, centroid, triBox, cb, box);
        if (mid < 0) {
            if (n <= 2 * LEAF_SIZE && level < STACK - 8) {
                makeLeaf(node, from, n);
                return;
            }
            mid = medianSplit(from, to, order, centroid, cb);
        }
        if (level > STACK - 8) {
            throw new IllegalStateException("BVH deeper than " + (STACK - 8) + " levels");
        }
        int left = nodes;
        nodes += 2;
        child[node] = left;
        count[node] = 0;
        build(left, from, mid, order, centroid, triBox, level + 1);
        build(left + 1, mid, to, order, centroid, triBox, level + 1);
    }

    private void makeLeaf(int node, int from, int n) {
        child[node] = -1 - from;
        count[node] = n;
    }

    /** Splits by the cheapest binned SAH plane; returns the partition point or -1 when no split beats a leaf. */
    private static int sahSplit(int from, int to, int[] order, double[] centroid, double[] triBox, double[] cb,
            double[] box) {
        int n = to - from;
        double bestCost = Double.POSITIVE_INFINITY;
        int bestAxis = -1;
        int bestBin = -1;
        int[] binCount = new int[BINS];
        double[] binBox = new double[6 * BINS];
        double[] rightArea = new double[BINS];
        int[] rightCount = new int[BINS];
        for (int axis = 0; axis < 3; axis++) {
            double lo = cb[axis];
            double extent = cb[3 + axis] - lo;
            if (!(extent > 0)) {
                continue;
            }
            double scale = BINS / extent;
            Arrays.fill(binCount, 0);
            for (int b = 0; b < BINS; b++) {
                resetBox(binBox, b);
            }
            for (int i = from; i < to; i++) {
                int t = order[i];
                int b = Math.min(BINS - 1, (int) ((centroid[3 * t + axis] - lo) * scale));
                binCount[b]++;
                for (int d = 0; d < 3; d++) {
                    binBox[6 * b + d] = Math.min(binBox[6 * b + d], triBox[6 * t + d]);
                    binBox[6 * b + 3 + d] = Math.max(binBox[6 * b + 3 + d], triBox[6 * t + 3 + d]);
                }
            }
            double[] acc = emptyBox();
            int c = 0;
            for (int b = BINS - 1; b > 0; b--) {
                c += binCount[b];
                grow(acc, binBox, b);
                rightArea[b] = c > 0 ? area(acc) : 0;
                rightCount[b] = c;
            }
            acc = emptyBox();
            c = 0;
            for (int b = 0; b < BINS - 1; b++) {
                c += binCount[b];
                grow(acc, binBox, b);
                int rc = rightCount[b + 1];
                if (c == 0 || rc == 0) {
                    continue;
                }
                double cost = c * area(acc) + rc * rightArea[b + 1];
                if (cost < bestCost) {
                    bestCost = cost;
                    bestAxis = axis;
                    bestBin = b;
                }
            }
        }
        if (bestAxis < 0) {
            return -1;
        }
        // traversal cost 1 against the intersection cost of a leaf with n triangles
        double leafCost = n * area(box);
        if (n <= 2 * LEAF_SIZE && bestCost + area(box) >= leafCost) {
            return -1;
        }
        double lo = cb[bestAxis];
        double scale = BINS / (cb[3 + bestAxis] - lo);
        int i = from;
        int j = to - 1;
        while (i <= j) {
            int t = order[i];
            int b = Math.min(BINS - 1, (int) ((centroid[3 * t + bestAxis] - lo) * scale));
            if (b <= bestBin) {
                i++;
            } else {
                order[i] = order[j];
                order[j] = t;
                j--;
            }
        }
        return i > from && i < to ? i : -1;
    }

    /** Halves the range by index after sorting on the widest centroid axis (used when SAH finds no plane). */
    private static int medianSplit(int from, int to, int[] order, double[] centroid, double[] cb) {
        int axis = 0;
        for (int d = 1; d < 3; d++) {
            if (cb[3 + d] - cb[d] > cb[3 + axis] - cb[axis]) {
                axis = d;
            }
        }
        final int ax = axis;
        Integer[] sub = new Integer[to - from];
        for (int i = from; i < to; i++) {
            sub[i - from] = order[i];
        }
        Arrays.sort(sub, (p, q) -> {
            int c = Double.compare(centroid[3 * p + ax], centroid[3 * q + ax]);
            return c != 0 ? c : Integer.compare(p, q);
        });
        for (int i = from; i < to; i++) {
            order[i] = sub[i - from];
        }
        return (from + to) >>> 1;
    }

    private static double[] emptyBox() {
        return new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    }

    private static void resetBox(double[] boxes, int b) {
        for (int d = 0; d < 3; d++) {
            boxes[6 * b + d] = Double.POSITIVE_INFINITY;
            boxes[6 * b + 3 + d] = Double.NEGATIVE_INFINITY;
        }
    }

    private static void grow(double[] acc, double[] boxes, int b) {
        for (int d = 0; d < 3; d++) {
            acc[d] = Math.min(acc[d], boxes[6 * b + d]);
            acc[3 + d] = Math.max(acc[3 + d], boxes[6 * b + 3 + d]);
        }
    }

    private static double area(double[] b) {
        double dx = b[3] - b[0];
        double dy = b[4] - b[1];
        double dz = b[5] - b[2];
        if (!(dx >= 0)) {
            return 0;
        }
        return dx * dy + dy * dz + dz * dx;
    }

    /** Number of triangles. */
    public int triangleCount() {
        return triangleCount;
    }

    /** Number of tree nodes. */
    public int nodeCount() {
        return nodes;
    }

    /** Depth of the tree (a single leaf has depth 1). */
    public int depth() {
        return depth;
    }

    /** The bounding box of the mesh: minx, miny, minz, maxx, maxy, maxz. */
    public double[] bounds() {
        return Arrays.copyOfRange(boxes, 0, 6);
    }

    // ------------------------------------------------------------------ closest point

    /** The exact closest point of the mesh to (x, y, z), which must be finite. Thread-safe. */
    public ClosestPoint closest(double x, double y, double z) {
        double[] r = new double[8];
        closestInto(x, y, z, r);
        return new ClosestPoint(r[0], r[1], r[2], r[3], (int) r[4], r[5], r[6], r[7]);
    }

    /**
     * The exact closest point written into {@code out}: point x, y, z, distance, face (as a double), then the three
     * barycentric weights; {@code out.length >= 8}. Among triangles at exactly the same distance the one first in tree
     * order wins, so the answer is a function of the query alone. Allocation-free apart from a small stack. Thread-safe.
     *
     * @throws IllegalArgumentException when a coordinate is not finite
     */
    public void closestInto(double x, double y, double z, double[] out) {
        closestInto(x, y, z, out, -1, new int[STACK], new double[5]);
    }

    /** As {@link #closestInto(double, double, double, double[])}, seeding the search with triangle {@code hint} (tree order, or -1); returns the winner's tree index. */
    private int closestInto(double x, double y, double z, double[] out, int hint, int[] stack, double[] tmp) {
        if (!(Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z))) {
            throw new IllegalArgumentException("query point (" + x + ", " + y + ", " + z + ") is not finite");
        }
        double best = Double.POSITIVE_INFINITY;
        int bestTri = Integer.MAX_VALUE;
        double bx = 0, by = 0, bz = 0, bv = 0, bw = 0;
        if (hint >= 0) {
            best = closestOnTriangle(hint, x, y, z, tmp);
            bestTri = hint;
            bx = tmp[0];
            by = tmp[1];
            bz = tmp[2];
            bv = tmp[3];
            bw = tmp[4];
        }
        int sp = 0;
        stack[sp++] = 0;
        final double[] bxs = boxes;
        while (sp > 0) {
            int node = stack[--sp];
            // prune only strictly farther nodes: a tie with a lower triangle index must still be found
            if (boxDistance2(bxs, node, x, y, z) > best) {
                continue;
            }
            int c = child[node];
            if (c < 0) {
                int first = -1 - c;
                int end = first + count[node];
                for (int t = first; t < end; t++) {
                    if (t == bestTri) {
                        continue;
                    }
                    double d2 = closestOnTriangle(t, x, y, z, tmp);
                    if (d2 < best || (d2 == best && t < bestTri)) {
                        best = d2;
                        bestTri = t;
                        bx = tmp[0];
                        by = tmp[1];
                        bz = tmp[2];
                        bv = tmp[3];
                        bw = tmp[4];
                    }
                }
            } else {
                double dl = boxDistance2(bxs, c, x, y, z);
                double dr = boxDistance2(bxs, c + 1, x, y, z);
                if (dl <= dr) {
                    if (dr <= best) {
                        stack[sp++] = c + 1;
                    }
                    if (dl <= best) {
                        stack[sp++] = c;
                    }
                } else {
                    if (dl <= best) {
                        stack[sp++] = c;
                    }
                    if (dr <= best) {
                        stack[sp++] = c + 1;
                    }
                }
            }
        }
        double dx = x - bx, dy = y - by, dz = z - bz;
        out[0] = bx;
        out[1] = by;
        out[2] = bz;
        out[3] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        out[4] = faceOf[bestTri];
        out[5] = 1.0 - bv - bw;
        out[6] = bv;
        out[7] = bw;
        return bestTri;
    }

    private static double boxDistance2(double[] b, int node, double x, double y, double z) {
        int o = 6 * node;
        double dx = Math.max(0, Math.max(b[o] - x, x - b[o + 3]));
        double dy = Math.max(0, Math.max(b[o + 1] - y, y - b[o + 4]));
        double dz = Math.max(0, Math.max(b[o + 2] - z, z - b[o + 5]));
        return dx * dx + dy * dy + dz * dz;
    }

    /**
     * Closest point of triangle t (tree order) to p: writes px, py, pz, v, w (weights of b and c) into r and returns
     * the squared distance. Ericson, Real-Time Collision Detection, 5.1.5.
     */
    private double closestOnTriangle(int t, double px, double py, double pz, double[] r) {
        final double[] c = corners;
        int o = 9 * t;
        if (degenerate[t]) {
            return closestOnDegenerate(c, o, px, py, pz, r);
        }
        double ax = c[o], ay = c[o + 1], az = c[o + 2];
        double abx = c[o + 3] - ax, aby = c[o + 4] - ay, abz = c[o + 5] - az;
        double acx = c[o + 6] - ax, acy = c[o + 7] - ay, acz = c[o + 8] - az;
        double apx = px - ax, apy = py - ay, apz = pz - az;
        double d1 = abx * apx + aby * apy + abz * apz;
        double d2 = acx * apx + acy * apy + acz * apz;
        double v;
        double w;
        if (d1 <= 0 && d2 <= 0) {
            v = 0;
            w = 0;
        } else {
            double bpx = px - c[o + 3], bpy = py - c[o + 4], bpz = pz - c[o + 5];
            double d3 = abx * bpx + aby * bpy + abz * bpz;
            double d4 = acx * bpx + acy * bpy + acz * bpz;
            if (d3 >= 0 && d4 <= d3) {
                v = 1;
                w = 0;
            } else {
                double vc = d1 * d4 - d3 * d2;
                if (vc <= 0 && d1 >= 0 && d3 <= 0) {
                    v = d1 / (d1 - d3);
                    w = 0;
                } else {
                    double cpx = px - c[o + 6], cpy = py - c[o + 7], cpz = pz - c[o + 8];
                    double d5 = abx * cpx + aby * cpy + abz * cpz;
                    double d6 = acx * cpx + acy * cpy + acz * cpz;
                    if (d6 >= 0 && d5 <= d6) {
                        v = 0;
                        w = 1;
                    } else {
                        double vb = d5 * d2 - d1 * d6;
                        if (vb <= 0 && d2 >= 0 && d6 <= 0) {
                            v = 0;
                            w = d2 / (d2 - d6);
                        } else {
                            double va = d3 * d6 - d5 * d4;
                            if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) {
                                w = (d4 - d3) / ((d4 - d3) + (d5 - d6));
                                v = 1 - w;
                            } else {
                                double denom = 1.0 / (va + vb + vc);
                                v = vb * denom;
                                w = vc * denom;
                            }
                        }
                    }
                }
            }
        }
        double qx = ax + abx * v + acx * w;
        double qy = ay + aby * v + acy * w;
        double qz = az + abz * v + acz * w;
        if (v == 1 && w == 0) {
            qx = c[o + 3];
            qy = c[o + 4];
            qz = c[o + 5];
        } else if (v == 0 && w == 1) {
            qx = c[o + 6];
            qy = c[o + 7];
            qz = c[o + 8];
        } else if (w == 0 && v > 0 && v < 1 || v == 0 && w > 0 && w < 1) {
            // on an edge from a: fine as is
        } else if (v + w == 1 && v > 0 && w > 0) {
            // on edge bc: interpolate from b for accuracy
            qx = c[o + 3] + (c[o + 6] - c[o + 3]) * w;
            qy = c[o + 4] + (c[o + 7] - c[o + 4]) * w;
            qz = c[o + 5] + (c[o + 8] - c[o + 5]) * w;
        }
        r[0] = qx;
        r[1] = qy;
        r[2] = qz;
        r[3] = v;
        r[4] = w;
        double dx = px - qx, dy = py - qy, dz = pz - qz;
        return dx * dx + dy * dy + dz * dz;
    }

    /** Closest point on the three edges of a zero-area triangle. */
    private static double closestOnDegenerate(double[] c, int o, double px, double py, double pz, double[] r) {
        double best = Double.POSITIVE_INFINITY;
        for (int e = 0; e < 3; e++) {
            int i = e;
            int j = (e + 1) % 3;
            double sx = c[o + 3 * i], sy = c[o + 3 * i + 1], sz = c[o + 3 * i + 2];
            double ex = c[o + 3 * j] - sx, ey = c[o + 3 * j + 1] - sy, ez = c[o + 3 * j + 2] - sz;
            double len2 = ex * ex + ey * ey + ez * ez;
            double s = len2 > 0 ? ((px - sx) * ex + (py - sy) * ey + (pz - sz) * ez) / len2 : 0;
            s = Math.max(0, Math.min(1, s));
            double qx = sx + s * ex, qy = sy + s * ey, qz = sz + s * ez;
            double dx = px - qx, dy = py - qy, dz = pz - qz;
            double d2 = dx * dx + dy * dy + dz * dz;
            if (d2 < best) {
                best = d2;
                double[] bary = new double[3];
                bary[i] = 1 - s;
                bary[j] = s;
                r[0] = qx;
                r[1] = qy;
                r[2] = qz;
                r[3] = bary[1];
                r[4] = bary[2];
            }
        }
        return best;
    }

    /**
     * Closest points of many queries ({@code x0,y0,z0,...}) on up to {@code threads} threads. The queries are visited in
     * Morton (Z-curve) order of their positions, each search seeded with the previous query's triangle, which prunes
     * most of the tree for coherent queries; the answers are those of {@link #closest} (exact, ties to the lowest tree
     * index), so they do not depend on the thread count or the order. Reports one unit per query to {@code progress}
     * (may be null) and stops with {@link org.quire.api.CancelledException} when it is cancelled.
     */
    public Batch closestAll(double[] queries, int threads, Progress progress) {
        if (queries.length % 3 != 0) {
            throw new IllegalArgumentException("queries: length must be a multiple of 3, was " + queries.length);
        }
        int n = queries.length / 3;
        Batch b = new Batch(n);
        int[] order = mortonOrder(queries, n);
        int chunk = Math.max(64, Parallel.defaultChunkSize(n));
        Parallel.reduceChunks(threads, n, chunk, (from, to) -> {
            double[] r = new double[8];
            int[] stack = new int[STACK];
            double[] tmp = new double[5];
            int hint = -1;
            for (int k = from; k < to; k++) {
                int i = order[k];
                hint = closestInto(queries[3 * i], queries[3 * i + 1], queries[3 * i + 2], r, hint, stack, tmp);
                b.points[3 * i] = r[0];
                b.points[3 * i + 1] = r[1];
                b.points[3 * i + 2] = r[2];
                b.distances[i] = r[3];
                b.faces[i] = (int) r[4];
                b.barycentric[3 * i] = r[5];
                b.barycentric[3 * i + 1] = r[6];
                b.barycentric[3 * i + 2] = r[7];
            }
            return null;
        }, (p, q) -> null, null, progress);
        return b;
    }

    /** Query indices sorted by the Morton code of their position in the queries' bounding box (10 bits per axis). */
    private static int[] mortonOrder(double[] q, int n) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                double v = q[3 * i + d];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("query " + i + " (" + q[3 * i] + ", " + q[3 * i + 1] + ", " + q[3 * i + 2]
                            + ") is not finite");
                }
                lo[d] = Math.min(lo[d], v);
                hi[d] = Math.max(hi[d], v);
            }
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long code = 0;
            for (int d = 0; d < 3; d++) {
                double span = hi[d] - lo[d];
                long cell = span > 0 ? Math.min(1023, (long) ((q[3 * i + d] - lo[d]) / span * 1024)) : 0;
                code |= spread(cell) << d;
            }
            keys[i] = code << 32 | i;
        }
        Arrays.sort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }

    /** Spreads the low 10 bits of v to every third bit. */
    private static long spread(long v) {
        long x = v & 0x3FF;
        x = (x | (x << 16)) & 0x30000FFL;
        x = (x | (x << 8)) & 0x300F00FL;
        x = (x | (x << 4)) & 0x30C30C3L;
        x = (x | (x << 2)) & 0x9249249L;
        return x;
    }

    /** The answers of {@link #closestAll(double[], int, Progress)}, packed; the arrays are live (owned by the caller). */
    public static final class Batch {
        /** Closest points {@code x0,y0,z0,...}. */
        public final double[] points;
        /** Distances. */
        public final double[] distances;
        /** Face indices. */
        public final int[] faces;
        /** Barycentric weights {@code u0,v0,w0,...}. */
        public final double[] barycentric;

        Batch(int n) {
            points = new double[3 * n];
            distances = new double[n];
            faces = new int[n];
            barycentric = new double[3 * n];
        }

        /** Number of queries. */
        public int size() {
            return distances.length;
        }
    }

    // ------------------------------------------------------------------ ray cast

    /**
     * A ray hit.
     *
     * @param t    ray parameter: the hit is {@code origin + t * direction}
     * @param face original face index
     * @param u    barycentric weight of the face's second vertex
     * @param v    barycentric weight of the third vertex (the first has {@code 1 - u - v})
     */
    public record RayHit(double t, int face, double u, double v) {
    }

    /**
     * The first hit of the ray {@code origin + t * direction} with {@code tMin < t <= tMax} (both faces of every
     * triangle count), or null. The direction need not be unit length; degenerate triangles are never hit. Thread-safe.
     */
    public RayHit raycast(double ox, double oy, double oz, double dx, double dy, double dz, double tMin, double tMax) {
        double ix = 1.0 / dx, iy = 1.0 / dy, iz = 1.0 / dz;
        int[] stack = new int[STACK];
        int sp = 0;
        stack[sp++] = 0;
        double best = tMax;
        int bestTri = -1;
        double bu = 0, bv = 0;
        while (sp > 0) {
            int node = stack[--sp];
            double entry = slab(node, ox, oy, oz, ix, iy, iz, tMin, best);
            if (Double.isNaN(entry)) {
                continue;
            }
            int c = child[node];
            if (c < 0) {
                int first = -1 - c;
                int end = first + count[node];
                for (int t = first; t < end; t++) {
                    if (degenerate[t]) {
                        continue;
                    }
                    int o = 9 * t;
                    double e1x = corners[o + 3] - corners[o], e1y = corners[o + 4] - corners[o + 1], e1z = corners[o + 5] - corners[o + 2];
                    double e2x = corners[o + 6] - corners[o], e2y = corners[o + 7] - corners[o + 1], e2z = corners[o + 8] - corners[o + 2];
                    double px = dy * e2z - dz * e2y, py = dz * e2x - dx * e2z, pz = dx * e2y - dy * e2x;
                    double det = e1x * px + e1y * py + e1z * pz;
                    if (det == 0) {
                        continue;
                    }
                    double inv = 1.0 / det;
                    double sx = ox - corners[o], sy = oy - corners[o + 1], sz = oz - corners[o + 2];
                    double u = (sx * px + sy * py + sz * pz) * inv;
                    if (u < 0 || u > 1) {
                        continue;
                    }
                    double qx = sy * e1z - sz * e1y, qy = sz * e1x - sx * e1z, qz = sx * e1y - sy * e1x;
                    double v = (dx * qx + dy * qy + dz * qz) * inv;
                    if (v < 0 || u + v > 1) {
                        continue;
                    }
                    double tt = (e2x * qx + e2y * qy + e2z * qz) * inv;
                    if (tt > tMin && tt <= best) {
                        best = tt;
                        bestTri = t;
                        bu = u;
                        bv = v;
                    }
                }
            } else {
                double el = slab(c, ox, oy, oz, ix, iy, iz, tMin, best);
                double er = slab(c + 1, ox, oy, oz, ix, iy, iz, tMin, best);
                boolean l = !Double.isNaN(el);
                boolean r = !Double.isNaN(er);
                if (l && r) {
                    if (el <= er) {
                        stack[sp++] = c + 1;
                        stack[sp++] = c;
                    } else {
                        stack[sp++] = c;
                        stack[sp++] = c + 1;
                    }
                } else if (l) {
                    stack[sp++] = c;
                } else if (r) {
                    stack[sp++] = c + 1;
                }
            }
        }
        return bestTri < 0 ? null : new RayHit(best, faceOf[bestTri], bu, bv);
    }

    /** Entry parameter of the ray into the node's box within [tMin, tMax], or NaN when it misses. */
    private double slab(int node, double ox, double oy, double oz, double ix, double iy, double iz, double tMin, double tMax) {
        int o = 6 * node;
        double t0 = tMin;
        double t1 = tMax;
        double a = (boxes[o] - ox) * ix, b = (boxes[o + 3] - ox) * ix;
        t0 = Math.max(t0, Math.min(a, b));
        t1 = Math.min(t1, Math.max(a, b));
        a = (boxes[o + 1] - oy) * iy;
        b = (boxes[o + 4] - oy) * iy;
        t0 = Math.max(t0, Math.min(a, b));
        t1 = Math.min(t1, Math.max(a, b));
        a = (boxes[o + 2] - oz) * iz;
        b = (boxes[o + 5] - oz) * iz;
        t0 = Math.max(t0, Math.min(a, b));
        t1 = Math.min(t1, Math.max(a, b));
        return t0 <= t1 ? t0 : Double.NaN;
    }
}
