package org.quire.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.SeedMixer;
import org.quire.api.params.Param;
import org.quire.api.result.Result;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.Origin;

/** Same seed, same numbers, whatever the thread count, when an algorithm draws from {@code ctx.random(stream)}. */
class DeterminismTest {

    static final int CHUNKS = 16;

    public record Params(@Param(defaultValue = "250", min = 1) int perChunk) {
    }

    /** Fills CHUNKS blocks of Gaussian noise in parallel, one random stream per block, and sums them in block order. */
    @AlgorithmInfo(id = "test.noise", name = "Parallel noise")
    static final class ParallelNoise implements Algorithm<Params> {
        @Override
        public Class<Params> parameterType() {
            return Params.class;
        }

        @Override
        public Result run(Params p, List<InputFile> in, RunContext ctx) throws Exception {
            Progress progress = ctx.progress();
            progress.begin("noise", (long) CHUNKS * p.perChunk());
            double[] values = new double[CHUNKS * p.perChunk()];
            ExecutorService pool = Executors.newFixedThreadPool(ctx.threads());
            try {
                List<Future<Double>> sums = new ArrayList<>();
                for (int c = 0; c < CHUNKS; c++) {
                    int chunk = c;
                    sums.add(pool.submit(() -> {
                        SplittableRandom random = ctx.random(chunk);
                        double sum = 0;
                        for (int i = 0; i < p.perChunk(); i++) {
                            double v = random.nextGaussian();
                            values[chunk * p.perChunk() + i] = v;
                            sum += v;
                            progress.worked(1);
                        }
                        return sum;
                    }));
                }
                double total = 0;
                for (Future<Double> f : sums) {
                    total += f.get();
                }
                return Result.builder().metric("sum", total).value("values", values).build();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static RunOutcome run(long seed, int threads) throws RunSetupException {
        AlgorithmRegistry registry = new AlgorithmRegistry();
        registry.add(new ParallelNoise(), new Origin("org.example", "1"));
        RunEngine engine = new RunEngine(registry);
        RunOutcome o = engine.execute(engine.prepare(new RunRequest("test.noise", Map.of(), List.of(), seed, threads)),
                RunListener.NONE, new CancelSignal());
        assertThat(o.status()).isEqualTo(RunStatus.OK);
        return o;
    }

    private static double[] values(RunOutcome o) {
        return (double[]) o.result().values().get("values");
    }

    @Test
    void sameSeedGivesIdenticalNumbersWithOneAndFourThreads() throws RunSetupException {
        RunOutcome one = run(20240611L, 1);
        RunOutcome four = run(20240611L, 4);
        assertThat(values(four)).containsExactly(values(one));
        assertThat(Double.doubleToLongBits(four.result().metrics().get("sum")))
                .isEqualTo(Double.doubleToLongBits(one.result().metrics().get("sum")));
    }

    @Test
    void numbersAreTheSeedsStreamsComputedIndependently() throws RunSetupException {
        long seed = 99L;
        double[] expected = new double[CHUNKS * 250];
        double expectedSum = 0;
        for (int c = 0; c < CHUNKS; c++) {
            SplittableRandom r = new SplittableRandom(SeedMixer.mix(seed, c));
            double s = 0;
            for (int i = 0; i < 250; i++) {
                expected[c * 250 + i] = r.nextGaussian();
                s += expected[c * 250 + i];
            }
            expectedSum += s;
        }
        RunOutcome o = run(seed, 3);
        assertThat(values(o)).containsExactly(expected);
        assertThat(o.result().metrics().get("sum")).isEqualTo(expectedSum);
    }

    @Test
    void anotherSeedGivesOtherNumbers() throws RunSetupException {
        double[] a = values(run(1L, 2));
        double[] b = values(run(2L, 2));
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        assertThat(same).isZero();
    }
}
