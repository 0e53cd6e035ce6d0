package org.quire.sem.algebra;

/** Exact square-matrix operations over Q (Gauss-Jordan). Static, no shared state. */
public final class RationalMatrix {
    private RationalMatrix() {
    }

    /** The determinant of a square matrix. */
    public static Rational det(Rational[][] a) {
        int n = a.length;
        Rational[][] m = copy(a);
        Rational d = Rational.ONE;
        for (int c = 0; c < n; c++) {
            int sel = -1;
            for (int i = c; i < n; i++) {
                if (!m[i][c].isZero()) {
                    sel = i;
                    break;
                }
            }
            if (sel < 0) {
                return Rational.ZERO;
            }
            if (sel != c) {
                Rational[] t = m[sel];
                m[sel] = m[c];
                m[c] = t;
                d = d.negate();
            }
            d = d.multiply(m[c][c]);
            for (int i = c + 1; i < n; i++) {
                if (m[i][c].isZero()) {
                    continue;
                }
                Rational f = m[i][c].divide(m[c][c]);
                for (int j = c; j < n; j++) {
                    m[i][j] = m[i][j].subtract(f.multiply(m[c][j]));
                }
            }
        }
        return d;
    }

    /**
     * The inverse of a square matrix.
     *
     * @throws ArithmeticException when singular
     */
    public static Rational[][] inverse(Rational[][] a) {
        int n = a.length;
        Rational[][] m = new Rational[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 2 * n; j++) {
                m[i][j] = j < n ? a[i][j] : (j - n == i ? Rational.ONE : Rational.ZERO);
            }
        }
        for (int c = 0; c < n; c++) {
            int sel = -1;
            for (int i = c; i < n; i++) {
                if (!m[i][c].isZero()) {
                    sel = i;
                    break;
                }
            }
            if (sel < 0) {
                throw new ArithmeticException("singular matrix");
            }
            Rational[] t = m[sel];
            m[sel] = m[c];
            m[c] = t;
            Rational iv = Rational.ONE.divide(m[c][c]);
            for (int j = 0; j < 2 * n; j++) {
                m[c][j] = m[c][j].multiply(iv);
            }
            for (int i = 0; i < n; i++) {
                if (i == c || m[i][c].isZero()) {
                    continue;
                }
                Rational f = m[i][c];
                for (int j = 0; j < 2 * n; j++) {
                    m[i][j] = m[i][j].subtract(f.multiply(m[c][j]));
                }
            }
        }
        Rational[][] out = new Rational[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], n, out[i], 0, n);
        }
        return out;
    }

    /** The product {@code a b}. */
    public static Rational[][] multiply(Rational[][] a, Rational[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        Rational[][] out = new Rational[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                Rational s = Rational.ZERO;
                for (int t = 0; t < k; t++) {
                    if (!a[i][t].isZero() && !b[t][j].isZero()) {
                        s = s.add(a[i][t].multiply(b[t][j]));
                    }
                }
                out[i][j] = s;
            }
        }
        return out;
    }

    /** The transpose. */
    public static Rational[][] transpose(Rational[][] a) {
        Rational[][] out = new Rational[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                out[j][i] = a[i][j];
            }
        }
        return out;
    }

    private static Rational[][] copy(Rational[][] a) {
        Rational[][] m = new Rational[a.length][];
        for (int i = 0; i < a.length; i++) {
            m[i] = a[i].clone();
        }
        return m;
    }
}
