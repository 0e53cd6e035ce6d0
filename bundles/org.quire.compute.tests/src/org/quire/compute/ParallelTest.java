package org.quire.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quire.api.CancelledException;
import org.quire.api.Progress;

class ParallelTest {

    private static final int[] THREADS = {1, 2, 3, 8};
    private static final int N = 1_000_000;

    /** Terms mixing +-1e16 with 1 and inexact fractions: plain summation loses the small terms. */
    private static double illConditioned(int i) {
        return switch (i % 4) {
            case 0 -> 1e16;
            case 1 -> 1.0;
            case 2 -> -1e16;
            default -> 1.0 / (3 + i % 11);
        };
    }

    /**
     * Integer terms +1e16, 1, -1e16, 1: the exact sum is N / 2; plain summation ends at 1 (1 + 1e16 rounds to
     * 1e16, a tie broken to even, so each group of four leaves the running sum at 1).
     */
    private static double integerIllConditioned(int i) {
        return switch (i % 4) {
            case 0 -> 1e16;
            case 2 -> -1e16;
            default -> 1.0;
        };
    }

    @Test
    void sumIsBitIdenticalForAnyThreadCount() {
        long reference = Double.doubleToLongBits(Parallel.sum(1, N, ParallelTest::illConditioned));
        for (int threads : THREADS) {
            double s = Parallel.sum(threads, N, ParallelTest::illConditioned);
            assertThat(Double.doubleToLongBits(s)).as("threads=%d sum=%s", threads, s).isEqualTo(reference);
        }
    }

    @Test
    void genericReduceWithPlainAdditionIsBitIdenticalForAnyThreadCount() {
        // plain floating-point addition is not associative: only a thread-independent order gives equal bits
        long reference = Double.doubleToLongBits(
                Parallel.reduce(1, N, 1000, ParallelTest::illConditioned, Double::sum, 0.0));
        for (int threads : THREADS) {
            double s = Parallel.reduce(threads, N, 1000, ParallelTest::illConditioned, Double::sum, 0.0);
            assertThat(Double.doubleToLongBits(s)).as("threads=%d", threads).isEqualTo(reference);
        }
    }

    @Test
    void sumOfIntegerTermsIsExactWherePlainSummationIsNot() {
        BigDecimal exact = BigDecimal.ZERO;
        double plain = 0;
        for (int i = 0; i < N; i++) {
            exact = exact.add(new BigDecimal(integerIllConditioned(i)));
            plain += integerIllConditioned(i);
        }
        assertThat(exact).isEqualByComparingTo(new BigDecimal(N / 2));
        assertThat(plain).as("the data really is ill-conditioned").isEqualTo(1.0);
        for (int threads : THREADS) {
            assertThat(Parallel.sum(threads, N, ParallelTest::integerIllConditioned)).isEqualTo(N / 2.0);
        }
    }

    @Test
    void sumIsWithinOneUlpOfTheExactSumOnCancellingData() {
        double[] x = NumericsTest.cancellingTerms();
        double exact = NumericsTest.exactSum(x).doubleValue();
        for (int threads : THREADS) {
            double s = Parallel.sum(threads, x.length, i -> x[i]);
            assertThat(Math.abs(s - exact)).as("threads=%d", threads).isLessThanOrEqualTo(Math.ulp(exact));
        }
    }

    @Test
    void reduceKeepsChunkOrder() {
        String expected = IntStream.range(0, 1000).mapToObj(i -> i + ",").collect(Collectors.joining());
        for (int threads : THREADS) {
            assertThat(Parallel.reduce(threads, 1000, 7, i -> i + ",", String::concat, "")).isEqualTo(expected);
        }
        assertThat(Parallel.reduce(4, 0, 7, i -> "x", String::concat, "identity")).isEqualTo("identity");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 256, 257, 1000, 100_003})
    void forRangeVisitsEachIndexExactlyOnce(int n) {
        for (int threads : THREADS) {
            AtomicIntegerArray visits = new AtomicIntegerArray(n);
            Parallel.forRange(threads, n, visits::incrementAndGet);
            for (int i = 0; i < n; i++) {
                assertThat(visits.get(i)).as("index %d of %d, threads=%d", i, n, threads).isEqualTo(1);
            }
        }
    }

    @Test
    void mapAndMapToObjMatchSequentialEvaluation() {
        for (int threads : THREADS) {
            double[] m = Parallel.map(threads, 10_001, i -> Math.sin(i) * i);
            for (int i = 0; i < m.length; i++) {
                assertThat(m[i]).isEqualTo(Math.sin(i) * i);
            }
            List<String> l = Parallel.mapToObj(threads, 300, i -> i % 3 == 0 ? null : "v" + i);
            assertThat(l).hasSize(300);
            assertThat(l.get(3)).isNull();
            assertThat(l.get(299)).isEqualTo("v299");
            assertThatThrownBy(() -> l.set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void defaultChunkSizeDependsOnNOnly() {
        assertThat(Parallel.defaultChunkSize(0)).isEqualTo(1);
        assertThat(Parallel.defaultChunkSize(256)).isEqualTo(1);
        assertThat(Parallel.defaultChunkSize(257)).isEqualTo(2);
        assertThat(Parallel.defaultChunkSize(1_000_000)).isEqualTo(3907); // ceil(1e6 / 256)
        assertThat(Parallel.defaultChunkSize(Integer.MAX_VALUE)).isEqualTo(8_388_608);
    }

    /** A body failure, to check the type survives. */
    static final class BodyFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BodyFailure(String message) {
            super(message);
        }
    }

    @Test
    void firstFailureByChunkIndexPropagatesWithItsTypeAndIdentity() {
        for (int threads : THREADS) {
            AtomicReference<BodyFailure> thrownAt500 = new AtomicReference<>();
            assertThatThrownBy(() -> Parallel.forRange(threads, 1000, i -> {
                if (i == 500) {
                    BodyFailure f = new BodyFailure("bad 500");
                    thrownAt500.set(f);
                    throw f;
                }
                if (i == 900) {
                    throw new BodyFailure("bad 900");
                }
            })).as("threads=%d", threads).isInstanceOf(BodyFailure.class).hasMessage("bad 500")
                    .satisfies(t -> assertThat(t).isSameAs(thrownAt500.get()));
        }
    }

    @Test
    void errorsAndFailuresInReductionsPropagate() {
        for (int threads : THREADS) {
            assertThatThrownBy(() -> Parallel.sum(threads, 10_000, i -> {
                if (i >= 4000) {
                    throw new StackOverflowError("deep " + i);
                }
                return i;
            })).isInstanceOf(StackOverflowError.class).hasMessage("deep 4000");
            assertThatThrownBy(() -> Parallel.map(threads, 100, i -> {
                throw new IllegalStateException("map " + i);
            })).isInstanceOf(IllegalStateException.class).hasMessage("map 0");
        }
    }

    /** Progress that counts what it is told and reports cancelled after {@code cancelAfter} worked calls. */
    static final class CountingProgress implements Progress {
        final long cancelAfter;
        final AtomicLong workedCalls = new AtomicLong();
        final AtomicLong units = new AtomicLong();

        CountingProgress(long cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void begin(String task, long total) {
        }

        @Override
        public void worked(long u) {
            units.addAndGet(u);
            workedCalls.incrementAndGet();
        }

        @Override
        public Progress split(long u) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void message(String message) {
        }

        @Override
        public boolean isCancelled() {
            return workedCalls.get() >= cancelAfter;
        }
    }

    @Test
    void reportsWorkedPerChunkAddingUpToN() {
        for (int threads : THREADS) {
            CountingProgress p = new CountingProgress(Long.MAX_VALUE);
            Parallel.forRange(threads, 1001, i -> { }, p);
            assertThat(p.units.get()).isEqualTo(1001);
            assertThat(p.workedCalls.get()).isEqualTo(251); // ceil(1001 / ceil(1001 / 256)) = ceil(1001 / 4)
            CountingProgress q = new CountingProgress(Long.MAX_VALUE);
            Parallel.reduce(threads, 1000, 300, i -> 1, Integer::sum, 0, q);
            assertThat(q.workedCalls.get()).isEqualTo(4);
            assertThat(q.units.get()).isEqualTo(1000);
        }
    }

    @Test
    void cancellationStopsTheLoop() {
        int n = 10_000; // chunk size 40, 250 chunks
        int k = 5;
        for (int threads : THREADS) {
            CountingProgress p = new CountingProgress(k);
            AtomicInteger calls = new AtomicInteger();
            assertThatThrownBy(() -> Parallel.forRange(threads, n, i -> calls.incrementAndGet(), p))
                    .as("threads=%d", threads).isInstanceOf(CancelledException.class);
            int chunkSize = Parallel.defaultChunkSize(n);
            // chunks that passed the check before the k-th report may still finish: at most threads - 1 of them
            assertThat(calls.get()).as("threads=%d", threads).isGreaterThanOrEqualTo(k * chunkSize)
                    .isLessThanOrEqualTo((k + threads - 1) * chunkSize);
            if (threads == 1) {
                assertThat(calls.get()).isEqualTo(k * chunkSize);
            }
        }
    }

    @Test
    void interruptOfTheCallingThreadCancels() {
        for (int threads : THREADS) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> Parallel.forRange(threads, 1000, i -> { }))
                        .isInstanceOf(CancelledException.class);
                assertThat(Thread.currentThread().isInterrupted()).as("interrupt flag kept").isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void nestedParallelLoopsComplete() {
        double[] inner = new double[16];
        Parallel.forRange(4, inner.length, i -> inner[i] = Parallel.sum(4, 1000, j -> j + i));
        for (int i = 0; i < inner.length; i++) {
            assertThat(inner[i]).isEqualTo(499_500.0 + 1000.0 * i);
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Parallel.forRange(0, 10, i -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, was 0");
        assertThatThrownBy(() -> Parallel.map(2, -1, i -> i)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be >= 0, was -1");
        assertThatThrownBy(() -> Parallel.reduce(2, 10, 0, i -> i, Integer::sum, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("chunkSize must be >= 1, was 0");
    }
}
