package org.quire.registration;

import org.quire.geometry.Normals;
import org.quire.geometry.PointSet;
import org.quire.registration.core.NeighbourIndex;
import org.quire.registration.core.PointOps;
import org.quire.registration.core.Roughness;

/**
 * The reference of a registration, prepared once and shared by every scan: points, unit normals (from the file when
 * it has usable ones, else PCA of k neighbours), the KD-tree, the bounding-box diagonal and a noise estimate
 * (median local plane-fit RMS, which also covers the discretisation of a sparse reference). Immutable; safe to share between threads.
 *
 * @param xyz       packed points
 * @param normals   packed unit normals (PCA normals have the canonical sign of {@code org.quire.geometry.Normals};
 *                  point-to-plane ICP does not depend on the sign)
 * @param index     nearest-neighbour index over {@code xyz}
 * @param diagonal  bounding-box diagonal (length units)
 * @param roughness noise estimate (length units)
 * @param normalsFromFile whether the normals came with the file
 */
record ReferenceModel(double[] xyz, double[] normals, NeighbourIndex index, double diagonal, double roughness,
        boolean normalsFromFile) {

    /** Points sampled for the roughness estimate. */
    static final int ROUGHNESS_SAMPLES = 2000;

    /**
     * Prepares a reference.
     *
     * @param fileNormals normals read with the points, or null; used when every one has unit length within 1e-3
     * @param normalK     neighbours for PCA normals and roughness
     */
    static ReferenceModel build(double[] xyz, double[] fileNormals, int normalK, boolean estimateNormals, int threads) {
        KdTreeIndex index = new KdTreeIndex(xyz);
        double[] normals = usable(fileNormals, xyz.length) && !estimateNormals ? fileNormals
                : Normals.estimate(PointSet.of(xyz), index.tree(), normalK, threads, null, null);
        double rough = Roughness.estimate(xyz, index, normalK, ROUGHNESS_SAMPLES, 0.5, threads);
        return new ReferenceModel(xyz, normals, index, PointOps.diagonal(xyz), rough, normals == fileNormals);
    }

    /**
     * A coarser model of {@code m} points drawn at random (normals and noise estimate carried over), for the probes
     * and the coarse TrICP pass: smaller trees make far queries cheap. Returns this model when it is not larger.
     */
    ReferenceModel coarse(int m, java.util.SplittableRandom random) {
        int n = xyz.length / 3;
        if (m <= 0 || m >= n) {
            return this;
        }
        int[] idx = PointOps.sampleIndices(n, m, random);
        double[] sub = PointOps.select(xyz, idx);
        return new ReferenceModel(sub, PointOps.select(normals, idx), new KdTreeIndex(sub), diagonal, roughness,
                normalsFromFile);
    }

    private static boolean usable(double[] normals, int length) {
        if (normals == null || normals.length != length) {
            return false;
        }
        for (int i = 0; i < normals.length; i += 3) {
            double n2 = normals[i] * normals[i] + normals[i + 1] * normals[i + 1] + normals[i + 2] * normals[i + 2];
            if (!(Math.abs(n2 - 1) < 2e-3)) {
                return false;
            }
        }
        return true;
    }
}
