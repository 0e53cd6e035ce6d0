package org.quire.surface.csp;

/**
 * A trained CSP model: the {@link CspNetwork} (in normalised coordinates), the {@link Normalisation} of its source and
 * a sample of the source surface in normalised coordinates (for Chamfer distances later, spec §1.8). As a
 * {@link ClosestPointField} it works in world coordinates: {@code f_world(x) = c + s · f(unit(x))}; the Jacobian is
 * the same in both frames. Thread-safe for inference.
 *
 * @param network       the network
 * @param normalisation world ↔ normalised coordinates
 * @param sourceSamples points on the source surface, normalised, {@code x0,y0,z0,...} (may be empty)
 * @param source        short description of the source (file name or analytic shape)
 */
public record CspModel(CspNetwork network, Normalisation normalisation, double[] sourceSamples, String source)
        implements ClosestPointField {

    @Override
    public void closest(double[] xyz, double[] out, int threads) {
        double[] unit = normalisation.toUnit(xyz);
        double[] f = new double[unit.length];
        network.closest(unit, f, threads);
        double[] w = normalisation.toWorld(f);
        System.arraycopy(w, 0, out, 0, w.length);
    }

    @Override
    public void jacobian(double[] xyz, double[] out, int threads) {
        network.jacobian(normalisation.toUnit(xyz), out, threads);
    }
}
