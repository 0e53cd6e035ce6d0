package org.quire.fbm.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.CancelledException;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.RunLog;
import org.quire.api.SimpleRunContext;
import org.quire.api.params.ParameterSchema;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.fbm.FitAlgorithm;

/** {@code fbm.fit} end to end: the contract's metrics and charts, the neural drift, reproducibility, bad inputs. */
class FitAlgorithmTest {

    /**
     * The one context {@link SimpleRunContext} cannot express: it counts the progress units reported and cancels the
     * run once {@code cancelAfter} units have been reported. Seed, threads and log come from a SimpleRunContext.
     */
    private static final class CountingContext implements RunContext {
        private final SimpleRunContext base;
        private final long cancelAfter;
        final AtomicLong worked = new AtomicLong();
        private final Progress progress = new Progress() {
            @Override
            public void begin(String task, long total) {
            }

            @Override
            public void worked(long units) {
                worked.addAndGet(units);
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
                return worked.get() >= cancelAfter;
            }
        };

        CountingContext(long seed, int threads, long cancelAfter) {
            this.base = new SimpleRunContext(seed, threads);
            this.cancelAfter = cancelAfter;
        }

        @Override
        public long seed() {
            return base.seed();
        }

        @Override
        public int threads() {
            return base.threads();
        }

        @Override
        public Progress progress() {
            return progress;
        }

        @Override
        public RunLog log() {
            return base.log();
        }
    }

    @TempDir
    Path dir;

    private Path csv(double[][] paths) throws IOException {
        StringBuilder sb = new StringBuilder("time");
        for (int p = 0; p < paths.length; p++) {
            sb.append(",path").append(p + 1);
        }
        sb.append('\n');
        for (int i = 0; i < paths[0].length; i++) {
            sb.append(String.format(Locale.ROOT, "%.3f", 0.5 * i));
            for (double[] path : paths) {
                sb.append(',').append(path[i]);
            }
            sb.append('\n');
        }
        Path f = dir.resolve("paths.csv");
        Files.writeString(f, sb);
        return f;
    }

    private static Result run(Path file, RunContext ctx, String... params) throws Exception {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            m.put(params[i], params[i + 1]);
        }
        FitAlgorithm.Params p = (FitAlgorithm.Params) ParameterSchema.of(FitAlgorithm.Params.class).bind(m);
        return new FitAlgorithm().run(p, List.of(new InputFile("paths", file)), ctx);
    }

    private static List<String> chartNames(Result r) {
        return r.charts().stream().map(ChartSpec::name).toList();
    }

    @Test
    void descriptorHasTheIssueId() {
        assertThat(new FitAlgorithm().descriptor().id()).isEqualTo("fbm.fit");
    }

    @Test
    void parametricFitReportsTheContractMetricsAndCharts() throws Exception {
        Path f = csv(FouFitTest.exactPaths(0.35, 3, 96, 5));
        CountingContext ctx = new CountingContext(1, 2, Long.MAX_VALUE);
        Result r = run(f, ctx, "steps", "40", "ouCount", "8");
        assertThat(r.metrics()).containsKeys("hurst", "elbo", "theta", "mu", "sigma", "noise");
        assertThat(r.metrics().get("hurst")).isBetween(0.01, 0.99);
        assertThat(chartNames(r)).containsExactly("elbo", "hurst_trace", "posterior");
        assertThat(r.tables().get(0).rowCount()).isEqualTo(41);
        assertThat(ctx.worked.get()).isEqualTo(40);
        assertThat(r.values().get("drift")).isEqualTo("fou");
    }

    @Test
    void neuralDriftRunsAndIsReproducibleAcrossThreadCounts() throws Exception {
        Path f = csv(FouFitTest.exactPaths(0.6, 2, 32, 6));
        String[] params = {"drift", "neural", "steps", "12", "ouCount", "4", "batch", "4", "hidden", "8",
            "evaluationSamples", "8", "gammaFactor", "8"};
        Result one = run(f, new SimpleRunContext(3, 1), params);
        Result two = run(f, new SimpleRunContext(3, 2), params);
        assertThat(two.metrics()).isEqualTo(one.metrics());
        assertThat(one.metrics()).containsKeys("hurst", "elbo", "elboStandardError", "kl", "sigma", "noise",
                "warmStartHurst", "warmStartElbo");
        assertThat(one.metrics().get("kl")).isGreaterThanOrEqualTo(0);
        assertThat(one.metrics().get("elbo")).isFinite();
        assertThat(chartNames(one)).contains("elbo", "hurst_trace", "posterior", "drift");
        // the scalars move ten times slower than the networks from the warm start: H stays near the Kalman fit
        assertThat(one.metrics().get("hurst")).isCloseTo(one.metrics().get("warmStartHurst"), within(0.05));
    }

    @Test
    void badInputsAreInputErrorsNamingTheFile() throws Exception {
        Path text = dir.resolve("text.csv");
        Files.writeString(text, "x\n1\ntwo\n3\n");
        assertThatThrownBy(() -> run(text, new SimpleRunContext(1, 1))).isInstanceOf(InputException.class)
                .hasMessageContaining("text.csv:3");
        Path constant = dir.resolve("constant.csv");
        Files.writeString(constant, "x,y\n1,2\n1,2\n1,2\n1,2\n");
        assertThatThrownBy(() -> run(constant, new SimpleRunContext(1, 1)))
                .isInstanceOf(InputException.class).hasMessageContaining("constant.csv").hasMessageContaining("constant");
        Path ok = csv(FouFitTest.exactPaths(0.5, 1, 16, 1));
        assertThatThrownBy(() -> run(ok, new SimpleRunContext(1, 1), "noise", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise");
    }

    @Test
    void cancellationStopsTheAdamLoop() throws Exception {
        Path f = csv(FouFitTest.exactPaths(0.5, 1, 32, 2));
        CountingContext ctx = new CountingContext(1, 1, 5);
        assertThatThrownBy(() -> run(f, ctx, "steps", "1000")).isInstanceOf(CancelledException.class);
        assertThat(ctx.worked.get()).isEqualTo(5);
    }
}
