package org.quire.fbm.math;

/** Ordinary least-squares line y = intercept + slope·x. */
record LineFit(double intercept, double slope) {

    static LineFit of(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("a line fit needs at least 2 points, got " + n);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxy / sxx;
        return new LineFit(my - slope * mx, slope);
    }

    double[] at(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = intercept + slope * x[i];
        }
        return out;
    }
}
