package org.quire.geometry;

/** Axis-aligned bounds of packed xyz arrays. */
final class Bounds {
    private Bounds() {
    }

    /** {@code minx,miny,minz,maxx,maxy,maxz} of the packed points; all NaN when there are none. */
    static double[] of(double[] xyz) {
        if (xyz.length == 0) {
            double n = Double.NaN;
            return new double[] { n, n, n, n, n, n };
        }
        double[] b = { xyz[0], xyz[1], xyz[2], xyz[0], xyz[1], xyz[2] };
        for (int i = 3; i < xyz.length; i += 3) {
            for (int d = 0; d < 3; d++) {
                double v = xyz[i + d];
                if (v < b[d]) {
                    b[d] = v;
                }
                if (v > b[3 + d]) {
                    b[3 + d] = v;
                }
            }
        }
        return b;
    }
}
