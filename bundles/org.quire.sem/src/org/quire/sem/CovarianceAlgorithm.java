package org.quire.sem;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.Result;
import org.quire.api.result.Table;
import org.quire.sem.algebra.ModP;
import org.quire.sem.algebra.Poly;

/**
 * {@code sem.covariance}: the entries of &Sigma; as rational functions of the edge parameters by the one-connection
 * rule, (N<sup>T</sup>&Omega;N)<sub>ij</sub> / det(I&minus;&Lambda;)&sup2; with N = adj(I&minus;&Lambda;) (directed
 * cycles allowed; the trek rule when D is acyclic). Every run checks the closed form against
 * (I&minus;&Lambda;)<sup>&minus;T</sup>&Omega;(I&minus;&Lambda;)<sup>&minus;1</sup> exactly over Q at random integer
 * points and modulo a prime at more points, and fails if they disagree. Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "sem.covariance", family = "sem", name = "SEM covariance by the one-connection rule",
        description = "Closed form of the covariance matrix of a linear Gaussian SEM on a mixed graph (directed cycles "
                + "allowed): each entry's numerator as a sum over one-connections and the common denominator "
                + "det(I-L)^2, checked exactly against the matrix inverse at random points.",
        references = {"B. Adhikari, E. Gross, M. Harkonen, E. Tsigaridas, One-connection rule for structural equation "
                + "models, arXiv:2210.00239 (2022)",
                "S. Sullivant, K. Talaska, J. Draisma, Trek separation for Gaussian graphical models, Ann. Statist. 38 (2010)",
                "K. Talaska, Determinants of weighted path matrices, arXiv:1202.3128"})
@Input(name = "graph", formats = {"json", "txt", "graph"},
        description = "Mixed graph: JSON {\"nodes\": n, \"directed\": [[i,j],...], \"bidirected\": [[i,j],...], \"names\": [...]} "
                + "(1-based) or edge-list text '1->2; 2->3; 3->1; 1<->4' (.txt/.graph)")
public final class CovarianceAlgorithm implements Algorithm<CovarianceAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param checkPoints exact rational check points
     * @param modPoints   further check points modulo a prime
     * @param maxTerms    most terms in one polynomial
     */
    public record Params(
            @Param(label = "Exact check points", min = 1, max = 100, defaultValue = "3",
                    description = "Random integer parameter points at which the closed form is compared exactly with "
                            + "(I-L)^-T W (I-L)^-1 over Q") int checkPoints,
            @Param(label = "Modular check points", min = 0, max = 100000, defaultValue = "50",
                    description = "Further random points at which the comparison is made modulo the prime 2^31-1") int modPoints,
            @Param(label = "Term cap", min = 1, max = 50_000_000, defaultValue = "2000000",
                    description = "Most terms in one polynomial of the expansion before the run fails") int maxTerms) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        MixedGraph g = GraphReader.read(inputs.get(0).path());
        ctx.progress().begin("one-connection expansion", 3);
        OneConnections oc = new OneConnections(g, p.maxTerms());
        Poly[][] num = oc.numerators(ctx.progress().split(1));
        Poly det = oc.determinant();
        Poly den = oc.denominator();
        int checked = check(g, num, den, p, ctx);
        ctx.progress().worked(1);
        String[] names = g.parameterNames();
        int n = g.n();
        Result.Builder out = Result.builder();
        GraphSummary.add(g, inputs.get(0).fileName(), out, ctx);
        Map<String, String> numerators = new LinkedHashMap<>();
        String[] si = new String[g.sigmaCount()];
        String[] sj = new String[g.sigmaCount()];
        double[] terms = new double[g.sigmaCount()];
        double[] conns = new double[g.sigmaCount()];
        String[] text = new String[g.sigmaCount()];
        long totalTerms = 0;
        for (int t = 0; t < g.sigmaCount(); t++) {
            int[] ij = g.sigmaPair(t);
            Poly f = num[ij[0]][ij[1]];
            String s = f.format(names);
            numerators.put("s_" + (ij[0] + 1) + "_" + (ij[1] + 1), s);
            si[t] = g.label(ij[0]);
            sj[t] = g.label(ij[1]);
            terms[t] = f.size();
            conns[t] = oneConnections(g, oc, ij[0], ij[1]);
            text[t] = s;
            totalTerms += f.size();
        }
        out.value("parameters", List.of(names));
        out.value("determinant", det.format(names));
        out.value("denominator", den.format(names));
        out.value("numerators", numerators);
        out.metric("parameters", g.parameterCount());
        out.metric("cycles", oc.cycleCount());
        out.metric("oneConnectionTerms", oc.oneConnectionTermCount());
        out.metric("numeratorTerms", totalTerms);
        out.metric("determinantTerms", det.size());
        out.metric("checkedPoints", checked);
        out.table(Table.builder("sigmaEntries").text("i", si).text("j", sj).numeric("terms", terms)
                .numeric("oneConnections", conns).text("numerator", text).build());
        Table.Builder matrix = Table.builder("sigma");
        String[] rowNames = new String[n];
        for (int i = 0; i < n; i++) {
            rowNames[i] = g.label(i);
        }
        matrix.text("row", rowNames);
        for (int j = 0; j < n; j++) {
            String[] col = new String[n];
            for (int i = 0; i < n; i++) {
                col[i] = num[i][j].format(names);
            }
            matrix.text(g.label(j), col);
        }
        out.table(matrix.build());
        ctx.log().info("Sigma = numerator / (" + det.format(names) + ")^2; one-connection terms before cancellation: "
                + oc.oneConnectionTermCount());
        ctx.progress().worked(1);
        return out.build();
    }

    private static double oneConnections(MixedGraph g, OneConnections oc, int i, int j) {
        double s = 0;
        for (int k = 0; k < g.n(); k++) {
            for (int l = 0; l < g.n(); l++) {
                if (k == l || g.hasBidirected(k, l)) {
                    s += (double) oc.oneConnectionCount(k, i) * oc.oneConnectionCount(l, j);
                }
            }
        }
        return s;
    }

    /**
     * Compares the closed form with the matrix inverse; returns the number of points checked.
     *
     * @throws IllegalStateException on any disagreement
     */
    static int check(MixedGraph g, Poly[][] num, Poly den, Params p, RunContext ctx) {
        Parametrization phi = new Parametrization(g);
        SplittableRandom rnd = ctx.random(1);
        int done = 0;
        for (int k = 0; k < p.checkPoints(); ) {
            ctx.progress().checkCancelled();
            long[] x = phi.randomIntegerPoint(rnd, 9);
            BigInteger[] s = phi.scaledSigmaExact(x);
            if (s == null) {
                continue;
            }
            BigInteger[] bx = new BigInteger[x.length];
            for (int v = 0; v < x.length; v++) {
                bx[v] = BigInteger.valueOf(x[v]);
            }
            for (int t = 0; t < s.length; t++) {
                int[] ij = g.sigmaPair(t);
                BigInteger lhs = num[ij[0]][ij[1]].evaluate(bx);
                if (!lhs.equals(s[t])) {
                    throw new IllegalStateException("closed form disagrees with (I-L)^-T W (I-L)^-1 at the exact point "
                            + java.util.Arrays.toString(x) + ": s_" + (ij[0] + 1) + "_" + (ij[1] + 1) + " numerator "
                            + lhs + " but det(I-L)^2 Sigma = " + s[t]);
                }
            }
            BigInteger d = org.quire.sem.algebra.RationalMatrix.det(phi.iMinusLambdaExact(x)).num();
            if (!den.evaluate(bx).equals(d.multiply(d))) {
                throw new IllegalStateException("denominator disagrees with det(I-L)^2 at " + java.util.Arrays.toString(x));
            }
            k++;
            done++;
        }
        long prime = ModP.prime(0);
        for (int k = 0; k < p.modPoints(); ) {
            ctx.progress().checkCancelled();
            long[] x = phi.randomPoint(rnd, prime);
            long[] s = phi.sigmaModP(x, prime);
            if (s == null) {
                continue;
            }
            long d2 = den.evaluate(x, prime);
            for (int t = 0; t < s.length; t++) {
                int[] ij = g.sigmaPair(t);
                long lhs = num[ij[0]][ij[1]].evaluate(x, prime);
                if (lhs != ModP.mul(s[t], d2, prime)) {
                    throw new IllegalStateException("closed form disagrees with (I-L)^-T W (I-L)^-1 modulo " + prime
                            + " at s_" + (ij[0] + 1) + "_" + (ij[1] + 1));
                }
            }
            k++;
            done++;
        }
        return done;
    }
}
