package org.quire.sem;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.quire.sem.algebra.Poly;

/**
 * Recognises generators that are &plusmn; a k&times;k minor det &Sigma;<sub>R,C</sub> of the symbolic covariance
 * matrix (k &le; 4), the determinantal (trek-separation) constraints. Static.
 */
public final class Minors {
    private Minors() {
    }

    /** The minor det &Sigma;<sub>R,C</sub> (0-based rows and columns of equal size) in the variables s_i_j. */
    public static Poly minor(MixedGraph g, int[] rows, int[] cols) {
        int k = rows.length;
        int m = g.sigmaCount();
        List<int[]> exps = new ArrayList<>();
        List<BigInteger> coefs = new ArrayList<>();
        int[] perm = new int[k];
        for (int i = 0; i < k; i++) {
            perm[i] = i;
        }
        do {
            int[] e = new int[m];
            for (int i = 0; i < k; i++) {
                e[g.sigmaIndex(rows[i], cols[perm[i]])]++;
            }
            exps.add(e);
            coefs.add(BigInteger.valueOf(sign(perm)));
        } while (nextPermutation(perm));
        return Poly.of(m, exps, coefs);
    }

    /**
     * {@code "minor({1,2,3};{1,3,4})"} (1-based) when f is &plusmn; a constant times a k&times;k minor of &Sigma; with
     * k = degree &le; 4, else {@code "not a minor"}.
     */
    public static String classify(MixedGraph g, Poly f, int degree) {
        return new Catalog(g).classify(f, degree);
    }

    /** The k&times;k minors of &Sigma; (k &le; 4) built once per degree and looked up by size. Not thread-safe. */
    public static final class Catalog {
        private final MixedGraph g;
        private final java.util.Map<Integer, List<Object[]>> byDegree = new java.util.HashMap<>();

        /** An empty catalogue for {@code g}. */
        public Catalog(MixedGraph g) {
            this.g = g;
        }

        /** As {@link Minors#classify(MixedGraph, Poly, int)}. */
        public String classify(Poly f, int degree) {
            if (degree > 4 || degree < 1) {
                return "not a minor";
            }
            List<Object[]> minors = byDegree.computeIfAbsent(degree, k -> {
                List<Object[]> l = new ArrayList<>();
                List<int[]> subsets = subsets(g.n(), k);
                for (int a = 0; a < subsets.size(); a++) {
                    for (int b = a; b < subsets.size(); b++) {
                        Poly mnr = minor(g, subsets.get(a), subsets.get(b));
                        if (!mnr.isZero()) {
                            l.add(new Object[] {"minor(" + show(subsets.get(a)) + ";" + show(subsets.get(b)) + ")", mnr});
                        }
                    }
                }
                return l;
            });
            for (Object[] x : minors) {
                Poly mnr = (Poly) x[1];
                if (mnr.size() == f.size() && proportional(f, mnr)) {
                    return (String) x[0];
                }
            }
            return "not a minor";
        }
    }

    private static boolean proportional(Poly f, Poly h) {
        var ft = f.sortedTerms();
        var ht = h.sortedTerms();
        BigInteger fa = ft.get(0).getValue();
        BigInteger ha = ht.get(0).getValue();
        for (int i = 0; i < ft.size(); i++) {
            if (!ft.get(i).getKey().equals(ht.get(i).getKey())) {
                return false;
            }
            if (!ft.get(i).getValue().multiply(ha).equals(ht.get(i).getValue().multiply(fa))) {
                return false;
            }
        }
        return true;
    }

    private static String show(int[] s) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < s.length; i++) {
            sb.append(i > 0 ? "," : "").append(s[i] + 1);
        }
        return sb.append('}').toString();
    }

    static List<int[]> subsets(int n, int k) {
        List<int[]> out = new ArrayList<>();
        if (k > n || k < 1) {
            return out;
        }
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            c[i] = i;
        }
        while (true) {
            out.add(c.clone());
            int i = k - 1;
            while (i >= 0 && c[i] == n - k + i) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            c[i]++;
            for (int j = i + 1; j < k; j++) {
                c[j] = c[j - 1] + 1;
            }
        }
    }

    private static int sign(int[] perm) {
        int s = 1;
        for (int i = 0; i < perm.length; i++) {
            for (int j = i + 1; j < perm.length; j++) {
                if (perm[i] > perm[j]) {
                    s = -s;
                }
            }
        }
        return s;
    }

    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }
}
