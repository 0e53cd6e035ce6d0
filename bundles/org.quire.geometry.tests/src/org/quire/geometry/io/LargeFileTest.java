package org.quire.geometry.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.geometry.PointSet;

/**
 * Two million points through the streaming text and binary readers: every value must come back exactly. (The
 * readers hold a 64 KiB window of the file, never its text; the 10^7-point peak-heap check is run by hand.)
 */
class LargeFileTest {
    @TempDir
    Path dir;

    @Test
    void twoMillionPointsAsXyzAndBinaryPly() throws Exception {
        int n = 2_000_000;
        double[] xyz = new double[3 * n];
        for (int i = 0; i < n; i++) {
            xyz[3 * i] = (i % 1000) * 0.001;
            xyz[3 * i + 1] = (i / 1000 % 1000) * 0.25;
            xyz[3 * i + 2] = -(i / 1_000_000) - 0.5;
        }
        PointSet s = PointSet.adopt(xyz, null, null);
        Path txt = dir.resolve("big.xyz");
        GeometryFiles.writePoints(txt, s);
        assertThat(Files.size(txt)).isGreaterThan(15L * n);
        double[] text = GeometryFiles.readPoints(txt).xyzView();
        assertThat(text).hasSameSizeAs(xyz);
        // element-wise (AssertJ's containsExactly diffs quadratically on millions of values)
        assertThat(Arrays.mismatch(text, xyz)).as("first differing value").isEqualTo(-1);
        Files.delete(txt);
        Path ply = dir.resolve("big.ply");
        GeometryFiles.writePly(ply, s, PlyEncoding.BINARY_LITTLE_ENDIAN, false);
        double[] back = GeometryFiles.readPoints(ply).xyzView();
        assertThat(back).hasSameSizeAs(xyz);
        for (int i = 0; i < xyz.length; i++) {
            if (back[i] != (float) xyz[i]) {
                assertThat(back[i]).as("value %d", i).isEqualTo((float) xyz[i]);
            }
        }
    }
}
