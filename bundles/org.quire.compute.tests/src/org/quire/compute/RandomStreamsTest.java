package org.quire.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.hipparchus.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.quire.api.RunContext;
import org.quire.api.SeedMixer;
import org.quire.api.SimpleRunContext;

class RandomStreamsTest {

    private static long[] longs(SplittableRandom r, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextLong();
        }
        return out;
    }

    @Test
    void sameSeedAndStreamGiveTheSameNumbers() {
        assertThat(longs(new RandomStreams(42).splittable(3), 1000))
                .containsExactly(longs(new RandomStreams(42).splittable(3), 1000));
        assertThat(new RandomStreams(42).streamSeed(3)).isEqualTo(SeedMixer.mix(42, 3));
        assertThat(new RandomStreams(42).child(3).streamSeed(5)).isEqualTo(SeedMixer.mix(SeedMixer.mix(42, 3), 5));
    }

    @Test
    void streamKIsTheRunContextsRandomK() {
        RunContext ctx = new SimpleRunContext(-7L, 1);
        for (long k = 0; k < 5; k++) {
            assertThat(longs(RandomStreams.of(ctx).splittable(k), 100)).containsExactly(longs(ctx.random(k), 100));
        }
    }

    @Test
    void streamsAreDistinctAndUncorrelated() {
        RandomStreams streams = new RandomStreams(42);
        int n = 20_000;
        int m = 8;
        double[][] u = new double[m][n];
        for (int s = 0; s < m; s++) {
            SplittableRandom r = streams.splittable(s);
            for (int i = 0; i < n; i++) {
                u[s][i] = r.nextDouble();
            }
        }
        // Pearson correlation of independent uniform samples has sd 1/sqrt(n); allow 5 sd
        double bound = 5 / Math.sqrt(n);
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                assertThat(Math.abs(correlation(u[a], u[b]))).as("streams %d and %d", a, b).isLessThan(bound);
            }
        }
        // no stream is a shifted copy of another: no value of stream 1..7 appears among stream 0's values
        Set<Double> first = new HashSet<>();
        for (double v : u[0]) {
            first.add(v);
        }
        for (int s = 1; s < m; s++) {
            for (int i = 0; i < 100; i++) {
                assertThat(first).doesNotContain(u[s][i]);
            }
        }
        // other seeds give other numbers
        assertThat(new RandomStreams(43).splittable(0).nextLong()).isNotEqualTo(streams.splittable(0).nextLong());
    }

    private static double correlation(double[] x, double[] y) {
        double mx = Numerics.mean(x);
        double my = Numerics.mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void generatorAdaptsTheSplittableStream() {
        RandomStreams streams = new RandomStreams(99);
        RandomGenerator g = streams.generator(4);
        SplittableRandom r = streams.splittable(4);
        for (int i = 0; i < 100; i++) {
            assertThat(g.nextDouble()).isEqualTo(r.nextDouble());
            assertThat(g.nextInt(17)).isEqualTo(r.nextInt(17));
            assertThat(g.nextLong()).isEqualTo(r.nextLong());
            assertThat(g.nextBoolean()).isEqualTo(r.nextBoolean());
        }
        g.setSeed(7L);
        assertThat(g.nextLong()).isEqualTo(new SplittableRandom(7L).nextLong());
        byte[] bytes = new byte[10];
        g.nextBytes(bytes, 2, 5);
        assertThat(bytes[0]).isZero();
        assertThat(bytes[9]).isZero();
        assertThatThrownBy(() -> g.nextBytes(bytes, 8, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> g.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gaussiansHaveStandardNormalMoments() {
        RandomGenerator g = new RandomStreams(1).generator(0);
        int n = 100_000;
        double[] x = new double[n];
        int inside = 0;
        for (int i = 0; i < n; i++) {
            x[i] = g.nextGaussian();
            if (Math.abs(x[i]) < 1) {
                inside++;
            }
        }
        Summary s = Summary.of(x);
        // 5-sigma bounds: mean sd 1/sqrt(n); variance sd sqrt(2/n); P(|Z|<1) = 0.682689, sd sqrt(p(1-p)/n)
        assertThat(Math.abs(s.mean())).isLessThan(5 / Math.sqrt(n));
        assertThat(Math.abs(s.sd() * s.sd() - 1)).isLessThan(5 * Math.sqrt(2.0 / n));
        double p = 0.682689492;
        assertThat(Math.abs(inside / (double) n - p)).isLessThan(5 * Math.sqrt(p * (1 - p) / n));
        // reproducible, including the cached second value of each pair
        RandomGenerator again = new RandomStreams(1).generator(0);
        for (int i = 0; i < 11; i++) {
            assertThat(again.nextGaussian()).isEqualTo(x[i]);
        }
    }

    @Test
    void parallelUseOfStreamsIsThreadIndependent() {
        RandomStreams streams = new RandomStreams(2024);
        double[] one = Parallel.map(1, 500, i -> streams.generator(i).nextGaussian());
        double[] eight = Parallel.map(8, 500, i -> streams.generator(i).nextGaussian());
        assertThat(eight).containsExactly(one);
    }
}
