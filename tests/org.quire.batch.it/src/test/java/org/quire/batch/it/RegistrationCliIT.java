package org.quire.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registration family through the real command line of the batch product: registration.blade writes a reference
 * and a scan with a known pose, registration.mpe recovers it (the 4x4 of results.json and transform.csv against the
 * truth), registration.icp continues from MPE's transform.csv given as third input, plain ICP from the identity at
 * a large rotation fails with exit 4 and the reason, and bad inputs exit 3 (empty or NaN cloud) or 2 (no scan). The
 * full-size acceptance sweep and the timing against Open3D and PCL are in bench/registration.
 */
class RegistrationCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    static QuireProcess quire;

    @BeforeAll
    static void install() throws Exception {
        quire = new QuireProcess(QuireProcess.homeWithTestAlgorithms(root), root);
        // a smaller blade than the default keeps each command within seconds: 24k reference points, ~13k scan points
        QuireProcess.Outcome o = quire.run("run", "registration.blade", "--param", "referencePoints=20000", "--param",
                "platformPoints=4000", "--param", "scanSamples=20000", "--param", "noise=0.1", "--param", "outliers=0.2",
                "--param", "maxRotation=150", "--seed", "3", "-q", "--out", "blade");
        assertThat(o.exit()).as(o.toString()).isEqualTo(0);
        Files.writeString(root.resolve("empty.xyz"), "");
        Files.writeString(root.resolve("nan.xyz"), "0 0 0\n1 0 0\n0 nan 1\n0 0 1\n");
    }

    private static JsonNode results(String dir) throws IOException {
        return JSON.readTree(root.resolve(dir).resolve("results.json").toFile());
    }

    /** The 16 numbers of a JSON array. */
    private static double[] matrix(JsonNode array) {
        assertThat(array.size()).isEqualTo(16);
        double[] m = new double[16];
        for (int i = 0; i < 16; i++) {
            m[i] = array.get(i).asDouble();
        }
        return m;
    }

    /** The 4x4 of a transform table CSV: a header line, then 4 rows of 4 numbers. */
    private static double[] csvMatrix(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(5);
        double[] m = new double[16];
        for (int r = 0; r < 4; r++) {
            String[] f = lines.get(r + 1).split(",");
            assertThat(f).hasSize(4);
            for (int c = 0; c < 4; c++) {
                m[4 * r + c] = Double.parseDouble(f[c]);
            }
        }
        return m;
    }

    /** Rotation angle (degrees) of R_a R_bᵀ. */
    private static double angleDeg(double[] a, double[] b) {
        double tr = 0;
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                tr += a[4 * i + k] * b[4 * i + k];
            }
        }
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, (tr - 1) / 2))));
    }

    private static double translationDistance(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[3] - b[3], 2) + Math.pow(a[7] - b[7], 2) + Math.pow(a[11] - b[11], 2));
    }

    @Test
    void mpeRecoversTheBladesKnownTransformAndWritesItsPictures() throws Exception {
        Path blade = root.resolve("blade");
        assertThat(blade.resolve("reference.ply")).isRegularFile();
        assertThat(blade.resolve("scan.ply")).isRegularFile();
        double[] truth = matrix(results("blade").get("values").get("transform"));
        assertThat(csvMatrix(blade.resolve("truth.csv"))).containsExactly(truth);

        QuireProcess.Outcome o = quire.run("run", "registration.mpe", "--input", "blade/reference.ply", "--input",
                "blade/scan.ply", "--seed", "1", "--threads", "2", "-q", "--out", "mpe");
        assertThat(o.exit()).as(o.toString()).isEqualTo(0);
        JsonNode res = results("mpe");
        double[] got = matrix(res.get("values").get("transform"));
        // a reduced blade (24k reference points): within 0.2 degrees and 0.5 length units of the truth
        assertThat(angleDeg(got, truth)).isLessThan(0.2);
        assertThat(translationDistance(got, truth)).isLessThan(0.5);
        assertThat(csvMatrix(root.resolve("mpe/transform.csv"))).containsExactly(got);
        JsonNode metrics = res.get("metrics");
        for (String m : new String[] {"rmse", "trimmedRmse", "overlap", "iterations", "globalRotationDeg"}) {
            assertThat(metrics.has(m)).as(m).isTrue();
        }
        assertThat(metrics.get("overlap").asDouble()).isBetween(0.6, 0.9); // 20% outliers
        assertThat(metrics.get("trimmedRmse").asDouble()).isLessThan(0.3);
        for (String f : new String[] {"registered.ply", "before.ply", "after.ply", "residuals.ply", "energyChart.png",
                "stridesChart.png", "icpChart.png", "residualHistogram.png", "views.csv", "energy.csv", "icp.csv"}) {
            assertThat(root.resolve("mpe").resolve(f)).as(f).isRegularFile();
        }
        // the residual cloud carries its scalar as a PLY vertex property
        String header = new String(Files.readAllBytes(root.resolve("mpe/residuals.ply")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(header.substring(0, header.indexOf("end_header"))).contains("property float scalar");

        // registration.icp continues from MPE's transform.csv (header line skipped) and stays there
        QuireProcess.Outcome icp = quire.run("run", "registration.icp", "--input", "blade/reference.ply", "--input",
                "blade/scan.ply", "--input", "mpe/transform.csv", "--param", "metric=point-to-plane", "--param", "trimRatio=0",
                "-q", "--out", "icp");
        assertThat(icp.exit()).as(icp.toString()).isEqualTo(0);
        double[] refined = matrix(results("icp").get("values").get("transform"));
        assertThat(angleDeg(refined, got)).isLessThan(0.05);
        assertThat(translationDistance(refined, got)).isLessThan(0.1);
    }

    @Test
    void plainIcpFromTheIdentityFailsWithExit4AndTheReason() throws Exception {
        QuireProcess.Outcome o = quire.run("run", "registration.icp", "--input", "blade/reference.ply", "--input",
                "blade/scan.ply", "--param", "maxIter=30", "--out", "icp-fail");
        assertThat(o.exit()).as(o.toString()).isEqualTo(4);
        assertThat(o.err()).contains("scan.ply").contains("failed its checks");
    }

    @Test
    void badInputsExit3NamingTheFileAndAMissingScanExits2() throws Exception {
        QuireProcess.Outcome empty = quire.run("run", "registration.mpe", "--input", "blade/reference.ply", "--input",
                "empty.xyz", "--out", "bad-empty");
        assertThat(empty.exit()).as(empty.toString()).isEqualTo(3);
        assertThat(empty.err()).contains("empty.xyz");
        QuireProcess.Outcome nan = quire.run("run", "registration.mpe", "--input", "blade/reference.ply", "--input",
                "nan.xyz", "--out", "bad-nan");
        assertThat(nan.exit()).as(nan.toString()).isEqualTo(3);
        assertThat(nan.err()).contains("nan.xyz");
        QuireProcess.Outcome missing = quire.run("run", "registration.mpe", "--input", "blade/reference.ply", "--out", "bad-missing");
        assertThat(missing.exit()).as(missing.toString()).isEqualTo(2);
        assertThat(missing.err()).contains("scans");
    }
}
