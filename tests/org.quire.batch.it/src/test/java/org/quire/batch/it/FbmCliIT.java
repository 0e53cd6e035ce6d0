package org.quire.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fbm family's acceptance points through the real command line of the batch product:
 * Whittle on exact fBM paths of length 2^14, and the spec's reference weights.
 */
class FbmCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    static QuireProcess quire;

    @BeforeAll
    static void install() throws IOException {
        quire = new QuireProcess(QuireProcess.homeWithTestAlgorithms(root), root);
    }

    @Test
    void whittleRecoversHurstWithin002OnExactPathsOfLength16384() throws Exception {
        for (double h : new double[] {0.3, 0.7}) {
            double sum = 0;
            int seeds = 3;
            for (int seed = 1; seed <= seeds; seed++) {
                String sim = "sim-" + h + "-" + seed;
                QuireProcess.Outcome s = quire.run("run", "fbm.simulate", "--param", "method=exact", "--param", "hurst=" + h,
                        "--param", "n=16384", "--param", "paths=1", "--seed", Integer.toString(seed), "-q", "--out", sim);
                assertThat(s.exit()).as(s.toString()).isZero();
                String est = "est-" + h + "-" + seed;
                QuireProcess.Outcome e = quire.run("run", "fbm.hurst", "--input", sim + "/paths.csv", "--param", "method=whittle",
                        "--param", "bootstrap=0", "-q", "--out", est);
                assertThat(e.exit()).as(e.toString()).isZero();
                sum += JSON.readTree(root.resolve(est).resolve("results.json").toFile()).get("metrics").get("hurst").asDouble();
            }
            assertThat(sum / seeds).as("mean Whittle estimate at H = " + h).isCloseTo(h, within(0.02));
        }
    }

    @Test
    void weightsReproduceTheSpecsReferenceOmega() throws Exception {
        QuireProcess.Outcome o = quire.run("run", "fbm.weights", "--param", "type=I", "--param", "hurst=0.3", "--param", "horizon=1",
                "--param", "k=5", "--param", "gammaMax=20", "-q", "--out", "weights");
        assertThat(o.exit()).as(o.toString()).isZero();
        JsonNode r = JSON.readTree(root.resolve("weights/results.json").toFile());
        double[] spec = {0.8044, -0.1115, 0.4874, 0.0845, 1.1873}; // shared/specs/fbm.md §5 item 2, 4 decimals
        for (int i = 0; i < spec.length; i++) {
            assertThat(r.get("values").get("omega").get(i).asDouble()).isCloseTo(spec[i], within(1e-3 * Math.abs(spec[i]) + 5e-5));
        }
        assertThat(r.get("metrics").get("approximationVarianceAtHorizon").asDouble()).isCloseTo(1.3770, within(1.3770e-3));
    }

    @Test
    void badSeriesInputExits3NamingTheLine() throws Exception {
        java.nio.file.Files.writeString(root.resolve("bad.csv"), "t,x\n0,0.1\n1,oops\n2,0.3\n");
        QuireProcess.Outcome o = quire.run("run", "fbm.hurst", "--input", "bad.csv", "--out", "bad");
        assertThat(o.exit()).as(o.toString()).isEqualTo(3);
        assertThat(o.err()).contains("bad.csv:3");
    }
}
