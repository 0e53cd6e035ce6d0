package org.quire.sem;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.quire.api.Progress;
import org.quire.sem.algebra.ModP;
import org.quire.sem.algebra.Poly;

/**
 * The generic fiber size of &phi;<sub>G</sub> (spec &sect;1.6): at a random point &Sigma;<sub>0</sub> =
 * &phi;(&theta;<sub>0</sub>) mod p, the number of &Lambda; over the algebraic closure of F<sub>p</sub> with
 * [(I&minus;&Lambda;)<sup>T</sup>&Sigma;<sub>0</sub>(I&minus;&Lambda;)]<sub>ij</sub> = 0 for all i &ne; j with
 * i&harr;j &notin; B and det(I&minus;&Lambda;) &ne; 0 (Rabinowitsch variable t: t&middot;det &minus; 1 = 0); &Omega; is
 * then determined. Counted as the number of standard monomials of a Gr&ouml;bner basis (Buchberger, graded reverse
 * lexicographic order, coprime criterion) when the system is zero-dimensional. The count is with multiplicity, which
 * is the number of points for a generic (reduced) fiber; a different prime or point could only disagree with
 * probability about deg/p. Stateless.
 */
public final class FiberCount {
    private FiberCount() {
    }

    /**
     * A fiber count.
     *
     * @param solutions number of &Lambda;, or -1 when not computed
     * @param method    how it was obtained, or why not
     */
    public record Count(long solutions, String method) {
    }

    private static final long P = ModP.prime(1);

    private static final Comparator<int[]> GREVLEX = (a, b) -> {
        int da = 0;
        int db = 0;
        for (int i = 0; i < a.length; i++) {
            da += a[i];
            db += b[i];
        }
        if (da != db) {
            return Integer.compare(da, db);
        }
        for (int i = a.length - 1; i >= 0; i--) {
            if (a[i] != b[i]) {
                return Integer.compare(b[i], a[i]);
            }
        }
        return 0;
    };

    /** Polynomial mod P: terms in descending grevlex order. */
    private static TreeMap<int[], Long> newPoly() {
        return new TreeMap<>(GREVLEX.reversed());
    }

    /**
     * Counts the fiber at a random point.
     *
     * @param budget most S-pair reductions before giving up
     */
    public static Count count(MixedGraph g, int budget, SplittableRandom rnd, Progress progress) {
        int nd = g.directedCount();
        int nv = nd + 1;
        Parametrization phi = new Parametrization(g);
        long[] s0 = null;
        while (s0 == null) {
            s0 = phi.sigmaModP(phi.randomPoint(rnd, P), P);
        }
        int n = g.n();
        // M_ai = delta_ai - lambda_ai as polynomials
        List<List<TreeMap<int[], Long>>> mcol = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<TreeMap<int[], Long>> col = new ArrayList<>();
            for (int a = 0; a < n; a++) {
                TreeMap<int[], Long> f = newPoly();
                if (a == i) {
                    f.put(new int[nv], 1L);
                }
                col.add(f);
            }
            mcol.add(col);
        }
        for (int k = 0; k < nd; k++) {
            int[] e = g.directedEdge(k);
            int[] x = new int[nv];
            x[k] = 1;
            mcol.get(e[1]).get(e[0]).put(x, P - 1);
        }
        List<TreeMap<int[], Long>> eqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (g.hasBidirected(i, j)) {
                    continue;
                }
                TreeMap<int[], Long> f = newPoly();
                for (int a = 0; a < n; a++) {
                    for (int b = 0; b < n; b++) {
                        long s = s0[g.sigmaIndex(a, b)];
                        if (s == 0 || mcol.get(i).get(a).isEmpty() || mcol.get(j).get(b).isEmpty()) {
                            continue;
                        }
                        addInto(f, scale(mul(mcol.get(i).get(a), mcol.get(j).get(b)), s));
                    }
                }
                if (!f.isEmpty()) {
                    eqs.add(f);
                }
            }
        }
        Poly det = new OneConnections(g, 1_000_000).determinant();
        TreeMap<int[], Long> sat = newPoly();
        for (Map.Entry<Poly.Mono, BigInteger> t : det.sortedTerms()) {
            int[] x = new int[nv];
            for (int k = 0; k < nd; k++) {
                x[k] = t.getKey().exponent(k);
            }
            x[nd] = 1;
            sat.merge(x, ModP.of(t.getValue(), P), (u, v) -> ModP.add(u, v, P));
        }
        addInto(sat, constant(nv, P - 1));
        eqs.add(sat);
        List<TreeMap<int[], Long>> gb = groebner(eqs, budget, progress);
        if (gb == null) {
            return new Count(-1, "not computed: Groebner basis over F_p needed more than " + budget + " S-pair reductions (parameter fiberBudget)");
        }
        List<int[]> lead = new ArrayList<>();
        for (TreeMap<int[], Long> f : gb) {
            lead.add(f.firstKey());
        }
        int[] bound = new int[nv];
        for (int v = 0; v < nv; v++) {
            bound[v] = -1;
            for (int[] l : lead) {
                boolean pure = l[v] > 0;
                for (int w = 0; w < nv && pure; w++) {
                    pure = w == v || l[w] == 0;
                }
                if (pure && (bound[v] < 0 || l[v] < bound[v])) {
                    bound[v] = l[v];
                }
            }
            if (bound[v] < 0) {
                return new Count(-1, "not computed: the fiber equations are not zero-dimensional at the sampled point");
            }
        }
        long count = standardMonomials(lead, bound, new int[nv], 0);
        return new Count(count, "Groebner basis over F_" + P + " (grevlex, " + gb.size()
                + " elements): standard monomials of the fiber equations at a random point");
    }

    private static long standardMonomials(List<int[]> lead, int[] bound, int[] e, int v) {
        if (v == e.length) {
            for (int[] l : lead) {
                if (divides(l, e)) {
                    return 0;
                }
            }
            return 1;
        }
        long c = 0;
        for (int k = 0; k < bound[v]; k++) {
            e[v] = k;
            c += standardMonomials(lead, bound, e, v + 1);
        }
        e[v] = 0;
        return c;
    }

    private static TreeMap<int[], Long> constant(int nv, long c) {
        TreeMap<int[], Long> f = newPoly();
        f.put(new int[nv], c);
        return f;
    }

    private static TreeMap<int[], Long> mul(TreeMap<int[], Long> a, TreeMap<int[], Long> b) {
        TreeMap<int[], Long> r = newPoly();
        for (Map.Entry<int[], Long> x : a.entrySet()) {
            for (Map.Entry<int[], Long> y : b.entrySet()) {
                int[] e = x.getKey().clone();
                for (int i = 0; i < e.length; i++) {
                    e[i] += y.getKey()[i];
                }
                long c = ModP.mul(x.getValue(), y.getValue(), P);
                Long old = r.get(e);
                long s = old == null ? c : ModP.add(old, c, P);
                if (s == 0) {
                    r.remove(e);
                } else {
                    r.put(e, s);
                }
            }
        }
        return r;
    }

    private static TreeMap<int[], Long> scale(TreeMap<int[], Long> a, long s) {
        TreeMap<int[], Long> r = newPoly();
        if (s == 0) {
            return r;
        }
        a.forEach((e, c) -> r.put(e, ModP.mul(c, s, P)));
        return r;
    }

    private static void addInto(TreeMap<int[], Long> f, TreeMap<int[], Long> h) {
        for (Map.Entry<int[], Long> t : h.entrySet()) {
            Long old = f.get(t.getKey());
            long s = old == null ? t.getValue() : ModP.add(old, t.getValue(), P);
            if (s == 0) {
                f.remove(t.getKey());
            } else {
                f.put(t.getKey(), s);
            }
        }
    }

    private static boolean divides(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
        }
        return true;
    }

    /** f minus c x^shift h, in place. */
    private static void subtractMultiple(TreeMap<int[], Long> f, long c, int[] shift, TreeMap<int[], Long> h) {
        for (Map.Entry<int[], Long> t : h.entrySet()) {
            int[] e = t.getKey().clone();
            for (int i = 0; i < e.length; i++) {
                e[i] += shift[i];
            }
            long d = ModP.mul(c, t.getValue(), P);
            Long old = f.get(e);
            long s = old == null ? P - d : ModP.sub(old, d, P);
            if (s == 0) {
                f.remove(e);
            } else {
                f.put(e, s);
            }
        }
    }

    /** The full normal form of f modulo the monic polynomials of g. */
    private static TreeMap<int[], Long> reduce(TreeMap<int[], Long> f0, List<TreeMap<int[], Long>> g) {
        TreeMap<int[], Long> f = newPoly();
        f.putAll(f0);
        TreeMap<int[], Long> rem = newPoly();
        while (!f.isEmpty()) {
            Map.Entry<int[], Long> lt = f.firstEntry();
            TreeMap<int[], Long> div = null;
            for (TreeMap<int[], Long> h : g) {
                if (divides(h.firstKey(), lt.getKey())) {
                    div = h;
                    break;
                }
            }
            if (div == null) {
                rem.put(lt.getKey(), lt.getValue());
                f.remove(lt.getKey());
                continue;
            }
            int[] shift = lt.getKey().clone();
            int[] l = div.firstKey();
            for (int i = 0; i < shift.length; i++) {
                shift[i] -= l[i];
            }
            subtractMultiple(f, lt.getValue(), shift, div);
        }
        return rem;
    }

    private static TreeMap<int[], Long> monic(TreeMap<int[], Long> f) {
        long iv = ModP.inv(f.firstEntry().getValue(), P);
        return scale(f, iv);
    }

    private record Pair(int i, int j, int degree) {
    }

    private static List<TreeMap<int[], Long>> groebner(List<TreeMap<int[], Long>> input, int budget, Progress progress) {
        List<TreeMap<int[], Long>> g = new ArrayList<>();
        PriorityQueue<Pair> pairs = new PriorityQueue<>(Comparator.comparingInt(Pair::degree)
                .thenComparingInt(Pair::j).thenComparingInt(Pair::i));
        for (TreeMap<int[], Long> f : input) {
            TreeMap<int[], Long> r = reduce(f, g);
            if (!r.isEmpty()) {
                add(g, pairs, monic(r));
            }
        }
        int done = 0;
        while (!pairs.isEmpty()) {
            if (++done > budget) {
                return null;
            }
            progress.checkCancelled();
            Pair pr = pairs.poll();
            TreeMap<int[], Long> a = g.get(pr.i());
            TreeMap<int[], Long> b = g.get(pr.j());
            int[] la = a.firstKey();
            int[] lb = b.firstKey();
            int[] lcm = new int[la.length];
            int[] sa = new int[la.length];
            int[] sb = new int[la.length];
            for (int v = 0; v < la.length; v++) {
                lcm[v] = Math.max(la[v], lb[v]);
                sa[v] = lcm[v] - la[v];
                sb[v] = lcm[v] - lb[v];
            }
            TreeMap<int[], Long> s = newPoly();
            subtractMultiple(s, P - 1, sa, a);
            subtractMultiple(s, 1, sb, b);
            TreeMap<int[], Long> r = reduce(s, g);
            if (!r.isEmpty()) {
                add(g, pairs, monic(r));
            }
        }
        return g;
    }

    private static void add(List<TreeMap<int[], Long>> g, PriorityQueue<Pair> pairs, TreeMap<int[], Long> f) {
        int j = g.size();
        g.add(f);
        int[] lf = f.firstKey();
        for (int i = 0; i < j; i++) {
            int[] li = g.get(i).firstKey();
            boolean coprime = true;
            int deg = 0;
            for (int v = 0; v < lf.length; v++) {
                coprime &= lf[v] == 0 || li[v] == 0;
                deg += Math.max(lf[v], li[v]);
            }
            if (!coprime) {
                pairs.add(new Pair(i, j, deg));
            }
        }
    }
}
