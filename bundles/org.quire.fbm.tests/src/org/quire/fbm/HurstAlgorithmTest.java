package org.quire.fbm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.SimpleRunContext;
import org.quire.api.params.ParameterException;
import org.quire.api.params.ParameterSchema;
import org.quire.api.result.Result;
import org.quire.fbm.math.FgnGenerator;

/** {@code fbm.hurst} on CSV files: the acceptance (Whittle within 0.02 on fBM paths of 2^14), columns, bad inputs. */
class HurstAlgorithmTest {

    @TempDir
    Path dir;

    private final HurstAlgorithm algorithm = new HurstAlgorithm();

    private Result run(Path file, SimpleRunContext ctx, String... keyValues) throws InputException {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        HurstAlgorithm.Params p = (HurstAlgorithm.Params) ParameterSchema.of(HurstAlgorithm.Params.class).bind(m);
        return algorithm.run(p, List.of(new InputFile("series", file)), ctx);
    }

    /** Writes an exact fBM path (cumulated Davies–Harte fGn, 2^14 increments) as t,value with a leading text column. */
    private Path fbmPath(String name, double h, long seed) throws IOException {
        double[] x = FgnGenerator.of(1 << 14, h, FgnGenerator.Method.DAVIES_HARTE).sample(new SplittableRandom(seed));
        StringBuilder sb = new StringBuilder("label,t,value\n");
        double b = 0;
        sb.append("start,0,0\n");
        for (int i = 0; i < x.length; i++) {
            b += x[i];
            sb.append("p,").append(0.5 * (i + 1)).append(',').append(b).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** The acceptance: mean over 3 seeds within 0.02 at H = 0.3 and 0.7 (path input, default column). */
    @Test
    void whittleOnExactFbmPathsWithinTwoHundredths() throws Exception {
        for (double h : new double[] {0.3, 0.7}) {
            double s = 0;
            for (int seed = 0; seed < 3; seed++) {
                s += run(fbmPath("h" + h + "_" + seed + ".csv", h, 40 + seed), new SimpleRunContext(1, 2), "bootstrap", "0")
                        .metrics().get("hurst");
            }
            assertThat(s / 3).as("H=%s", h).isCloseTo(h, within(0.02));
        }
    }

    @Test
    void bootstrapIntervalBracketsTheEstimateAndIsThreadIndependent() throws Exception {
        Path file = fbmPath("b.csv", 0.7, 5);
        Result one = run(file, new SimpleRunContext(3, 1), "bootstrap", "16", "method", "dfa", "timeColumn", "t");
        Result two = run(file, new SimpleRunContext(3, 2), "bootstrap", "16", "method", "dfa", "timeColumn", "t");
        assertThat(one.metrics()).isEqualTo(two.metrics());
        double h = one.metrics().get("hurst");
        assertThat(one.metrics().get("hurstLow")).isLessThan(h);
        assertThat(one.metrics().get("hurstHigh")).isGreaterThan(h);
        assertThat(one.metrics().get("hurstHigh") - one.metrics().get("hurstLow")).isLessThan(0.15);
        assertThat(one.charts()).extracting(c -> c.name()).contains("periodogramChart", "loglogChart", "bootstrapChart");
    }

    @Test
    void cancellationStopsTheBootstrap() throws Exception {
        Path file = fbmPath("c.csv", 0.5, 1);
        SimpleRunContext cancelled = new SimpleRunContext(1, 2);
        cancelled.cancel();
        assertThatThrownBy(() -> run(file, cancelled, "bootstrap", "20"))
                .isInstanceOf(org.quire.api.CancelledException.class);
    }

    @Test
    void columnByNameByIndexAndIncrements() throws Exception {
        double[] x = FgnGenerator.of(4096, 0.3, FgnGenerator.Method.DAVIES_HARTE).sample(new SplittableRandom(8));
        StringBuilder sb = new StringBuilder("noise,other\n");
        for (double v : x) {
            sb.append(v).append(",1\n");
        }
        Path file = csv("fgn.csv", sb.toString());
        double byName = run(file, new SimpleRunContext(1, 1), "column", "noise", "increments", "true", "bootstrap", "0")
                .metrics().get("hurst");
        double byIndex = run(file, new SimpleRunContext(1, 1), "column", "1", "increments", "true", "bootstrap", "0")
                .metrics().get("hurst");
        assertThat(byName).isEqualTo(byIndex).isCloseTo(0.3, within(0.03));
        // the default (last numeric) column is constant: a clear error
        assertThatThrownBy(() -> run(file, new SimpleRunContext(1, 1), "increments", "true"))
                .isInstanceOf(InputException.class).hasMessageContaining("'other' has constant");
    }

    @Test
    void badInputsNameFileLineAndProblem() throws Exception {
        assertThatThrownBy(() -> run(csv("empty.csv", ""), new SimpleRunContext(1, 1)))
                .isInstanceOf(InputException.class).hasMessageContaining("empty.csv:1").hasMessageContaining("empty");
        assertThatThrownBy(() -> run(csv("header.csv", "value\n"), new SimpleRunContext(1, 1)))
                .isInstanceOf(InputException.class).hasMessageContaining("no data rows");
        assertThatThrownBy(() -> run(csv("single.csv", "value\n1.5\n"), new SimpleRunContext(1, 1)))
                .isInstanceOf(InputException.class).hasMessageContaining("single.csv:2").hasMessageContaining("only 1 data row");
        StringBuilder text = new StringBuilder("value\n");
        StringBuilder nan = new StringBuilder("value\n");
        StringBuilder uneven = new StringBuilder("t,value\n");
        for (int i = 0; i < 100; i++) {
            text.append(i == 40 ? "abc" : Double.toString(Math.sin(i))).append('\n');
            nan.append(i == 60 ? "NaN" : Double.toString(Math.sin(i))).append('\n');
            uneven.append(i < 70 ? i : i + 0.5).append(',').append(Math.sin(i)).append('\n');
        }
        assertThatThrownBy(() -> run(csv("text.csv", text.toString()), new SimpleRunContext(1, 1), "column", "value"))
                .isInstanceOf(InputException.class).hasMessageContaining("text.csv:42").hasMessageContaining("'abc' is not a number");
        assertThatThrownBy(() -> run(csv("nan.csv", nan.toString()), new SimpleRunContext(1, 1)))
                .isInstanceOf(InputException.class).hasMessageContaining("nan.csv:62").hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> run(csv("uneven.csv", uneven.toString()), new SimpleRunContext(1, 1), "timeColumn", "t"))
                .isInstanceOf(InputException.class).hasMessageContaining("uneven.csv:72").hasMessageContaining("unequal time spacing");
        assertThatThrownBy(() -> run(csv("ragged.csv", "a,b\n1,2\n3\n"), new SimpleRunContext(1, 1)))
                .isInstanceOf(InputException.class).hasMessageContaining("ragged.csv:3").hasMessageContaining("expected 2 fields");
        Path ok = csv("ok.csv", uneven.toString());
        assertThatThrownBy(() -> run(ok, new SimpleRunContext(1, 1), "column", "speed"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("no column named 'speed'");
        assertThatThrownBy(() -> run(ok, new SimpleRunContext(1, 1), "column", "7"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("outside 1..2");
    }
}
