package org.quire.bench.registration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.quire.geometry.PointSet;
import org.quire.geometry.io.GeometryFiles;
import org.quire.registration.blade.BladeGenerator;
import org.quire.registration.blade.BladeSettings;

/**
 * Writes the benchmark's scan pairs with Quire's blade generator: for each case "name noise outliers maxRotationDeg
 * seed" a directory with ref.ply (48k points with normals), scan.ply (one view, ~26k points plus outliers) and
 * truth.txt (4x4 row-major, scan onto reference).
 */
public final class Generate {
    private Generate() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            String[] f = args[i].split(":");
            String name = f[0];
            double noise = Double.parseDouble(f[1]);
            double outliers = Double.parseDouble(f[2]);
            double rot = Double.parseDouble(f[3]);
            long seed = Long.parseLong(f[4]);
            BladeGenerator gen = new BladeGenerator(BladeSettings.defaults().withScan(noise, outliers, rot, 1));
            BladeGenerator.Cloud ref = gen.reference(new SplittableRandom(seed));
            BladeGenerator.View v = gen.views(new SplittableRandom(seed + 1000)).get(0);
            Path d = Files.createDirectories(out.resolve(name));
            GeometryFiles.writePoints(d.resolve("ref.ply"), new PointSet(ref.xyz(), ref.normals(), null));
            GeometryFiles.writePoints(d.resolve("scan.ply"), PointSet.of(v.xyz()));
            Files.writeString(d.resolve("truth.txt"), v.truth().toText());
            System.out.printf(Locale.ROOT, "%s: noise %.2f outliers %.2f rotation %.1f deg, reference %d, scan %d (%d surface)%n",
                    name, noise, outliers, Math.toDegrees(v.truth().rotationAngle()), ref.xyz().length / 3,
                    v.xyz().length / 3, v.inliers());
        }
    }
}
