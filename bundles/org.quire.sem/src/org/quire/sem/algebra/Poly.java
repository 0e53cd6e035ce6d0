package org.quire.sem.algebra;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sparse multivariate polynomial with integer coefficients in a fixed number of variables. Immutable; operations
 * return new polynomials. Terms print in descending lexicographic order of their exponent vectors (variable 0 is the
 * largest).
 */
public final class Poly {
    private final int vars;
    private final Map<Mono, BigInteger> terms;

    /** An exponent vector with value semantics. */
    public static final class Mono implements Comparable<Mono> {
        final int[] e;
        private final int hash;

        /** The monomial with these exponents (not copied: do not modify). */
        public Mono(int[] e) {
            this.e = e;
            this.hash = Arrays.hashCode(e);
        }

        /** Exponent of variable v. */
        public int exponent(int v) {
            return e[v];
        }

        /** A copy of the exponent vector. */
        public int[] exponents() {
            return e.clone();
        }

        /** Total degree. */
        public int degree() {
            int d = 0;
            for (int x : e) {
                d += x;
            }
            return d;
        }

        Mono times(Mono o) {
            int[] r = new int[e.length];
            for (int i = 0; i < e.length; i++) {
                r[i] = e[i] + o.e[i];
            }
            return new Mono(r);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Mono m && m.hash == hash && Arrays.equals(m.e, e);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        /** Lexicographic order, variable 0 most significant; larger exponent compares greater. */
        @Override
        public int compareTo(Mono o) {
            for (int i = 0; i < e.length; i++) {
                if (e[i] != o.e[i]) {
                    return Integer.compare(e[i], o.e[i]);
                }
            }
            return 0;
        }
    }

    private Poly(int vars, Map<Mono, BigInteger> terms) {
        this.vars = vars;
        this.terms = terms;
    }

    /** The zero polynomial in {@code vars} variables. */
    public static Poly zero(int vars) {
        return new Poly(vars, Collections.emptyMap());
    }

    /** The constant {@code c}. */
    public static Poly constant(int vars, long c) {
        if (c == 0) {
            return zero(vars);
        }
        Map<Mono, BigInteger> t = new HashMap<>();
        t.put(new Mono(new int[vars]), BigInteger.valueOf(c));
        return new Poly(vars, t);
    }

    /** The variable {@code v}. */
    public static Poly variable(int vars, int v) {
        int[] e = new int[vars];
        e[v] = 1;
        return monomial(BigInteger.ONE, e);
    }

    /** {@code c * x^e}. */
    public static Poly monomial(BigInteger c, int[] e) {
        Map<Mono, BigInteger> t = new HashMap<>();
        if (c.signum() != 0) {
            t.put(new Mono(e.clone()), c);
        }
        return new Poly(e.length, t);
    }

    /** A polynomial from exponent vectors and coefficients (zero coefficients dropped, repeats summed). */
    public static Poly of(int vars, List<int[]> exps, List<BigInteger> coefs) {
        Map<Mono, BigInteger> t = new HashMap<>();
        for (int i = 0; i < exps.size(); i++) {
            t.merge(new Mono(exps.get(i).clone()), coefs.get(i), BigInteger::add);
        }
        t.values().removeIf(c -> c.signum() == 0);
        return new Poly(vars, t);
    }

    /** Number of variables. */
    public int vars() {
        return vars;
    }

    /** Number of terms. */
    public int size() {
        return terms.size();
    }

    /** Whether zero. */
    public boolean isZero() {
        return terms.isEmpty();
    }

    /** The coefficient of monomial {@code e} (zero when absent). */
    public BigInteger coefficient(int[] e) {
        return terms.getOrDefault(new Mono(e), BigInteger.ZERO);
    }

    /** The terms sorted in descending lexicographic order. */
    public List<Map.Entry<Mono, BigInteger>> sortedTerms() {
        List<Map.Entry<Mono, BigInteger>> l = new ArrayList<>(terms.entrySet());
        l.sort((a, b) -> b.getKey().compareTo(a.getKey()));
        return l;
    }

    /** The sum. */
    public Poly add(Poly o) {
        if (o.terms.isEmpty()) {
            return this;
        }
        if (terms.isEmpty()) {
            return o;
        }
        Map<Mono, BigInteger> t = new HashMap<>(terms);
        for (Map.Entry<Mono, BigInteger> x : o.terms.entrySet()) {
            BigInteger s = t.getOrDefault(x.getKey(), BigInteger.ZERO).add(x.getValue());
            if (s.signum() == 0) {
                t.remove(x.getKey());
            } else {
                t.put(x.getKey(), s);
            }
        }
        return new Poly(vars, t);
    }

    /** The negation. */
    public Poly negate() {
        Map<Mono, BigInteger> t = new HashMap<>();
        terms.forEach((m, c) -> t.put(m, c.negate()));
        return new Poly(vars, t);
    }

    /** The difference. */
    public Poly subtract(Poly o) {
        return add(o.negate());
    }

    /** The product. */
    public Poly multiply(Poly o) {
        if (terms.isEmpty() || o.terms.isEmpty()) {
            return zero(vars);
        }
        Map<Mono, BigInteger> t = new HashMap<>(terms.size() * o.terms.size() * 2);
        for (Map.Entry<Mono, BigInteger> a : terms.entrySet()) {
            for (Map.Entry<Mono, BigInteger> b : o.terms.entrySet()) {
                t.merge(a.getKey().times(b.getKey()), a.getValue().multiply(b.getValue()), BigInteger::add);
            }
        }
        t.values().removeIf(c -> c.signum() == 0);
        return new Poly(vars, t);
    }

    /** Total degree (-1 for zero). */
    public int degree() {
        int d = -1;
        for (Mono m : terms.keySet()) {
            d = Math.max(d, m.degree());
        }
        return d;
    }

    /** The value at integer point {@code x} (length vars). */
    public BigInteger evaluate(BigInteger[] x) {
        int maxDeg = 0;
        for (Mono m : terms.keySet()) {
            for (int v : m.e) {
                maxDeg = Math.max(maxDeg, v);
            }
        }
        BigInteger[][] pw = new BigInteger[vars][maxDeg + 1];
        for (int v = 0; v < vars; v++) {
            pw[v][0] = BigInteger.ONE;
            for (int k = 1; k <= maxDeg; k++) {
                pw[v][k] = pw[v][k - 1].multiply(x[v]);
            }
        }
        BigInteger s = BigInteger.ZERO;
        for (Map.Entry<Mono, BigInteger> t : terms.entrySet()) {
            BigInteger prod = t.getValue();
            int[] e = t.getKey().e;
            for (int v = 0; v < vars; v++) {
                if (e[v] != 0) {
                    prod = prod.multiply(pw[v][e[v]]);
                }
            }
            s = s.add(prod);
        }
        return s;
    }

    /** The value at real point {@code x} in double precision. */
    public double evaluate(double[] x) {
        double s = 0;
        for (Map.Entry<Mono, BigInteger> t : terms.entrySet()) {
            double prod = t.getValue().doubleValue();
            int[] e = t.getKey().e;
            for (int v = 0; v < vars; v++) {
                if (e[v] != 0) {
                    prod *= Math.pow(x[v], e[v]);
                }
            }
            s += prod;
        }
        return s;
    }

    /** The value modulo prime p at residues {@code x}. */
    public long evaluate(long[] x, long p) {
        long s = 0;
        for (Map.Entry<Mono, BigInteger> t : terms.entrySet()) {
            long prod = ModP.of(t.getValue(), p);
            int[] e = t.getKey().e;
            for (int v = 0; v < vars && prod != 0; v++) {
                if (e[v] != 0) {
                    prod = ModP.mul(prod, ModP.pow(x[v], e[v], p), p);
                }
            }
            s = ModP.add(s, prod, p);
        }
        return s;
    }

    /** Whether every term has total degree {@code d}. */
    public boolean isHomogeneous(int d) {
        for (Mono m : terms.keySet()) {
            if (m.degree() != d) {
                return false;
            }
        }
        return true;
    }

    /**
     * Text such as {@code s_1_2*s_3_4^2-2*s_1_3*s_2_4}: integer coefficients, {@code *} between factors, {@code ^}
     * for powers, terms in descending lexicographic order.
     *
     * @param names the variable names
     */
    public String format(String[] names) {
        if (terms.isEmpty()) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Mono, BigInteger> t : sortedTerms()) {
            BigInteger c = t.getValue();
            int[] e = t.getKey().e;
            boolean constant = true;
            for (int v : e) {
                constant &= v == 0;
            }
            if (c.signum() < 0) {
                sb.append('-');
            } else if (sb.length() > 0) {
                sb.append('+');
            }
            BigInteger a = c.abs();
            boolean needStar = false;
            if (!a.equals(BigInteger.ONE) || constant) {
                sb.append(a);
                needStar = true;
            }
            for (int v = 0; v < vars; v++) {
                if (e[v] == 0) {
                    continue;
                }
                if (needStar) {
                    sb.append('*');
                }
                sb.append(names[v]);
                if (e[v] > 1) {
                    sb.append('^').append(e[v]);
                }
                needStar = true;
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Poly p && p.vars == vars && p.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }
}
