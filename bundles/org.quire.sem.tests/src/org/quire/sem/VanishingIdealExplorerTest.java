package org.quire.sem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quire.api.Progress;
import org.quire.sem.VanishingIdealExplorer.Generator;
import org.quire.sem.VanishingIdealExplorer.Outcome;
import org.quire.sem.algebra.ModMatrix;
import org.quire.sem.algebra.ModP;
import org.quire.sem.algebra.Poly;

/** The vanishing-ideal scan against the Macaulay2 numbers of spec §2, known constraints and structural properties. */
class VanishingIdealExplorerTest {

    static Outcome scan(MixedGraph g, int maxDegree, int threads) {
        return new VanishingIdealExplorer(g, VanishingIdealExplorer.Options.defaults(maxDegree),
                k -> new SplittableRandom(1000 + k)).run(threads, Progress.none());
    }

    private static int[] counts(Outcome r) {
        return r.degrees().stream().mapToInt(VanishingIdealExplorer.DegreeSummary::newGenerators).toArray();
    }

    private static long[] dims(Outcome r) {
        return r.degrees().stream().mapToLong(VanishingIdealExplorer.DegreeSummary::idealDimension).toArray();
    }

    private static List<String> classes(Outcome r) {
        return r.generators().stream().map(Generator::classification).toList();
    }

    @Test
    void vermaConstraintIsFoundExactly() {
        MixedGraph g = MixedGraph.parse("1->2; 1->3; 2->3; 3->4; 2<->4");
        Outcome r = scan(g, 4, 1);
        assertThat(dims(r)).containsExactly(0, 0, 0, 1);
        assertThat(r.generators()).hasSize(1);
        Poly verma = PolyText.parse(g, M2Oracles.VERMA);
        Poly f = r.generators().get(0).polynomial();
        assertThat(f.equals(verma) || f.equals(verma.negate())).as(f.format(g.sigmaNames())).isTrue();
        assertThat(f.size()).isEqualTo(8);
        assertThat(r.generators().get(0).classification()).isEqualTo("not a minor");
    }

    @Test
    void reproducesTheMacaulay2TableOfTheSpec() {
        // spec §2: minimal generators per degree and their determinantal form
        Outcome c3 = scan(MixedGraph.parse("1->2; 2->3; 3->1"), 4, 1);
        assertThat(c3.generators()).isEmpty();
        assertThat(c3.complete()).isTrue();

        Outcome sink = scan(MixedGraph.parse("1->2; 2->3; 3->1; 3->4"), 3, 1);
        assertThat(counts(sink)).containsExactly(0, 3, 0);
        assertThat(classes(sink)).containsExactlyInAnyOrder("minor({1,2};{3,4})", "minor({1,3};{3,4})", "minor({2,3};{3,4})");

        Outcome sinkBi = scan(MixedGraph.parse("1->2; 2->3; 3->1; 3->4; 1<->4"), 3, 1);
        assertThat(dims(sinkBi)).containsExactly(0, 0, 1);
        assertThat(classes(sinkBi)).containsExactly("minor({1,2,3};{1,3,4})");

        Outcome c4 = scan(MixedGraph.parse("1->2; 2->3; 3->4; 4->1"), 3, 1);
        assertThat(dims(c4)).containsExactly(0, 0, 2);
        assertThat(classes(c4)).containsExactlyInAnyOrder("minor({1,2,4};{2,3,4})", "minor({1,2,3};{1,3,4})");

        Outcome twoCycle = scan(MixedGraph.parse("1->2; 2->3; 3->2; 3->4"), 3, 1);
        assertThat(counts(twoCycle)).containsExactly(0, 3, 0);
        assertThat(classes(twoCycle)).containsExactlyInAnyOrder("minor({1,2};{3,4})", "minor({1,3};{3,4})", "minor({2,3};{3,4})");

        Outcome chain = scan(MixedGraph.parse("1->2; 2->3; 3->1; 3->4; 4->5"), 3, 2);
        assertThat(counts(chain)).containsExactly(0, 12, 0);
        assertThat(classes(chain)).allMatch(c -> c.startsWith("minor("));

        Outcome c4sink = scan(MixedGraph.parse("1->2; 2->3; 3->4; 4->1; 4->5; 1<->5"), 3, 2);
        assertThat(counts(c4sink)).containsExactly(0, 0, 10);
        assertThat(classes(c4sink)).allMatch(c -> c.startsWith("minor(") && c.length() == "minor({1,2,3};{1,3,4})".length());
    }

    @Test
    void theFourCycleWithChordHasOnlyOneGeneratorOfDegreeTenTheMacaulay2One() {
        // about 3 s: all 1,771 multidegree blocks of degree 10 (92,378 monomials) and the nine lower degrees
        MixedGraph g = MixedGraph.parse("1->2; 2->3; 3->4; 4->1; 1<->3");
        Outcome r = scan(g, 10, 2);
        assertThat(r.complete()).isTrue();
        assertThat(dims(r)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(r.generators()).hasSize(1);
        Poly f = r.generators().get(0).polynomial();
        Poly m2 = PolyText.parse(g, M2Oracles.CYCLE4_CHORD_DEGREE10);
        assertThat(f.equals(m2) || f.equals(m2.negate())).as(f.format(g.sigmaNames())).isTrue();
        assertThat(f.degree()).isEqualTo(10);
    }

    @Test
    void tetradsOfTheOneFactorModelLieInTheDegreeTwoPart() {
        // latent factor 5 -> 1,2,3,4: the tetrads s12 s34 - s13 s24 etc. are trek-separated by {5}
        MixedGraph g = MixedGraph.parse("5->1; 5->2; 5->3; 5->4");
        Outcome r = scan(g, 2, 1);
        List<Poly> quadrics = r.generators().stream().map(Generator::polynomial).toList();
        List<Poly> tetrads = List.of(PolyText.parse(g, "s_1_2*s_3_4-s_1_3*s_2_4"), PolyText.parse(g, "s_1_2*s_3_4-s_1_4*s_2_3"),
                PolyText.parse(g, "s_1_3*s_2_4-s_1_4*s_2_3"));
        int base = rank(g, quadrics, 2);
        assertThat(base).isEqualTo(quadrics.size());
        List<Poly> all = new ArrayList<>(quadrics);
        all.addAll(tetrads);
        assertThat(rank(g, all, 2)).as("tetrads in the span of the quadrics").isEqualTo(base);
        assertThat(rank(g, tetrads, 2)).isEqualTo(2);
    }

    @Test
    void generatorsAreMultihomogeneousVanishOnTheModelAndNotOnARandomSymmetricMatrix() {
        for (String s : new String[] {"1->2; 1->3; 2->3; 3->4; 2<->4", "1->2; 2->3; 3->4; 4->1; 4->5; 1<->5",
                "1->2; 2->3; 3->1; 3->4; 4->5; 5->6; 6->4"}) {
            MixedGraph g = MixedGraph.parse(s);
            Outcome r = scan(g, 3 + (g.n() == 4 ? 1 : 0), 2);
            assertThat(r.generators()).isNotEmpty();
            Parametrization phi = new Parametrization(g);
            SplittableRandom rnd = new SplittableRandom(424242);
            List<BigInteger[]> model = new ArrayList<>();
            while (model.size() < 20) {
                BigInteger[] x = phi.scaledSigmaExact(phi.randomIntegerPoint(rnd, 50));
                if (x != null) {
                    model.add(x);
                }
            }
            BigInteger[] generic = new BigInteger[g.sigmaCount()];
            for (int t = 0; t < generic.length; t++) {
                generic[t] = BigInteger.valueOf(rnd.nextInt(2001) - 1000);
            }
            for (Generator gen : r.generators()) {
                Poly f = gen.polynomial();
                assertThat(f.isHomogeneous(gen.degree())).isTrue();
                assertThat(multidegreesOf(g, f)).containsExactly(java.util.Arrays.toString(gen.multidegree()));
                for (BigInteger[] x : model) {
                    assertThat(f.evaluate(x)).as(s + ": " + f.format(g.sigmaNames())).isZero();
                }
                assertThat(f.evaluate(generic)).isNotZero();
            }
        }
    }

    @Test
    void generatorsAreMinimalAndIndependent() {
        // two 3-cycles joined by 3->4 (n = 6): 18 quadrics and 9 cubics up to degree 3; independence checked on the
        // printed polynomials only: the cubics add 9 to the span of all monomial multiples of the quadrics
        MixedGraph g = MixedGraph.parse("1->2; 2->3; 3->1; 3->4; 4->5; 5->6; 6->4");
        Outcome r = scan(g, 3, 2);
        assertThat(counts(r)).containsExactly(0, 18, 9);
        List<Poly> quadrics = new ArrayList<>();
        List<Poly> cubics = new ArrayList<>();
        for (Generator gen : r.generators()) {
            (gen.degree() == 2 ? quadrics : cubics).add(gen.polynomial());
        }
        assertThat(rank(g, quadrics, 2)).isEqualTo(18);
        List<Poly> multiples = new ArrayList<>();
        for (Poly q : quadrics) {
            for (int t = 0; t < g.sigmaCount(); t++) {
                multiples.add(q.multiply(Poly.variable(g.sigmaCount(), t)));
            }
        }
        int lower = rank(g, multiples, 3);
        List<Poly> all = new ArrayList<>(multiples);
        all.addAll(cubics);
        assertThat(rank(g, all, 3)).isEqualTo(lower + 9);
        assertThat(lower).isEqualTo(r.degrees().get(2).lowerDimension());
    }

    @Test
    void sameSeedSameGeneratorsWhateverTheThreadCount() {
        MixedGraph g = MixedGraph.parse("1->2; 2->3; 3->1; 3->4; 4->5; 5->3");
        Outcome a = scan(g, 4, 1);
        Outcome b = scan(g, 4, 2);
        assertThat(b.generators().stream().map(x -> x.polynomial().format(g.sigmaNames())).toList())
                .isEqualTo(a.generators().stream().map(x -> x.polynomial().format(g.sigmaNames())).toList());
        assertThat(counts(a)).containsExactly(0, 0, 7, 0);
    }

    @Test
    void budgetsGiveAFlaggedPartialResultNotAHang() {
        MixedGraph g = MixedGraph.parse("1->2; 2->3; 3->4; 4->1; 1<->3");
        Outcome blocks = new VanishingIdealExplorer(g, new VanishingIdealExplorer.Options(10, 50, 5_000_000, 600, 20, 8),
                k -> new SplittableRandom(k)).run(1, Progress.none());
        assertThat(blocks.complete()).isFalse();
        assertThat(blocks.stopReason()).contains("maxBlockMonomials = 50");
        assertThat(blocks.completeDegree()).isEqualTo(blocks.degrees().size()).isBetween(3, 9);
        Outcome monos = new VanishingIdealExplorer(g, new VanishingIdealExplorer.Options(10, 4000, 1000, 600, 20, 8),
                k -> new SplittableRandom(k)).run(1, Progress.none());
        assertThat(monos.complete()).isFalse();
        assertThat(monos.completeDegree()).isEqualTo(4); // degree 4: C(13,4) = 715 <= 1000 < C(14,5) = 2002
        assertThat(monos.stopReason()).contains("maxDegreeMonomials = 1000");
        Outcome time = new VanishingIdealExplorer(g, new VanishingIdealExplorer.Options(40, 20000, 100_000_000, 0.05, 20, 8),
                k -> new SplittableRandom(k)).run(1, Progress.none());
        assertThat(time.complete()).isFalse();
        assertThat(time.stopReason()).contains("time limit");
    }

    @Test
    void cancellationStopsTheScan() {
        MixedGraph g = MixedGraph.parse("1->2; 2->3; 3->4; 4->1; 1<->3");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Progress cancelling = new Progress() {
            @Override
            public void begin(String task, long total) {
            }

            @Override
            public void worked(long units) {
                checkCancelled();
            }

            @Override
            public Progress split(long units) {
                checkCancelled();
                return this;
            }

            @Override
            public void message(String message) {
            }

            @Override
            public boolean isCancelled() {
                return calls.incrementAndGet() > 200;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new VanishingIdealExplorer(g,
                VanishingIdealExplorer.Options.defaults(10), k -> new SplittableRandom(k)).run(1, cancelling))
                .isInstanceOf(org.quire.api.CancelledException.class);
    }

    private static List<String> multidegreesOf(MixedGraph g, Poly f) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Poly.Mono, BigInteger> t : f.sortedTerms()) {
            int[] md = new int[g.n()];
            for (int v = 0; v < g.sigmaCount(); v++) {
                int[] ij = g.sigmaPair(v);
                md[ij[0]] += t.getKey().exponent(v);
                md[ij[1]] += t.getKey().exponent(v);
            }
            String s = java.util.Arrays.toString(md);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Rank mod p of the coefficient vectors of degree-d polynomials over all degree-d monomials. */
    static int rank(MixedGraph g, List<Poly> polys, int d) {
        long p = ModP.prime(3);
        Map<String, Integer> index = new java.util.HashMap<>();
        List<Map<Integer, Long>> rows = new ArrayList<>();
        for (Poly f : polys) {
            Map<Integer, Long> row = new java.util.HashMap<>();
            for (Map.Entry<Poly.Mono, BigInteger> t : f.sortedTerms()) {
                String key = java.util.Arrays.toString(t.getKey().exponents());
                int col = index.computeIfAbsent(key, k -> index.size());
                row.put(col, ModP.of(t.getValue(), p));
            }
            rows.add(row);
        }
        ModMatrix.Echelon e = new ModMatrix.Echelon(index.size(), p);
        for (Map<Integer, Long> row : rows) {
            long[] v = new long[index.size()];
            row.forEach((c, x) -> v[c] = x);
            e.add(v);
        }
        return e.rank();
    }
}
