package org.quire.surface.csp;

import java.util.SplittableRandom;

import org.quire.api.Progress;
import org.quire.geometry.TriangleMesh;
import org.quire.geometry.index.MeshBvh;

/**
 * A triangle mesh as a training source: normalised (spec §1.4), exact closest points through a {@link MeshBvh} with
 * the face normal of the closest face as ground-truth normal, area-weighted samples. Immutable, thread-safe.
 */
public final class MeshSource implements TrainingSource {

    private final String description;
    private final Normalisation normalisation;
    private final TriangleMesh unit;
    private final MeshBvh bvh;
    private final MeshSampler sampler;
    private final ClosestPointField field;

    /**
     * The mesh normalised by its bounding box.
     *
     * @throws IllegalArgumentException when the mesh has no triangles or no area
     */
    public MeshSource(TriangleMesh world, String description) {
        this(world, checkedNormalisation(world), description);
    }

    /** The mesh under a given normalisation. */
    public MeshSource(TriangleMesh world, Normalisation normalisation, String description) {
        if (world.triangleCount() == 0) {
            throw new IllegalArgumentException(description + ": the mesh has no triangles");
        }
        this.description = description;
        this.normalisation = normalisation;
        this.unit = TriangleMesh.adopt(normalisation.toUnit(world.verticesView()), world.triangles());
        this.bvh = new MeshBvh(unit);
        this.sampler = new MeshSampler(unit);
        this.field = (xyz, out, threads) -> {
            MeshBvh.Batch b = bvh.closestAll(xyz, threads, null);
            System.arraycopy(b.points, 0, out, 0, b.points.length);
        };
    }

    private static Normalisation checkedNormalisation(TriangleMesh world) {
        if (world.triangleCount() == 0) {
            throw new IllegalArgumentException("the mesh has no triangles");
        }
        return Normalisation.of(world.bounds());
    }

    /** The BVH over the normalised mesh. */
    public MeshBvh bvh() {
        return bvh;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Normalisation normalisation() {
        return normalisation;
    }

    @Override
    public ClosestPointField field() {
        return field;
    }

    @Override
    public void closest(double[] xyz, double[] closest, double[] normals, int threads, Progress progress) {
        MeshBvh.Batch b = bvh.closestAll(xyz, threads, progress);
        if (closest != null) {
            System.arraycopy(b.points, 0, closest, 0, b.points.length);
        }
        if (normals != null) {
            for (int i = 0; i < b.size(); i++) {
                sampler.faceNormal(b.faces[i], normals, 3 * i);
            }
        }
    }

    @Override
    public void sample(int n, SplittableRandom random, double[] points, double[] normals) {
        sampler.sample(n, random, points, normals);
    }

    @Override
    public TriangleMesh unitMesh() {
        return unit;
    }
}
