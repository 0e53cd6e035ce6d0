package org.quire.bench.registration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.quire.api.InputFile;
import org.quire.api.SimpleRunContext;
import org.quire.api.result.Result;
import org.quire.registration.MpeAlgorithm;

/**
 * Runs registration.mpe (defaults) on each case directory and prints one line per case:
 * {@code case quire <16 numbers> <seconds>}; the time covers reading both PLY files and registering.
 * Arguments: threads, then case directories. Each case runs twice; the second (warm JVM) is timed.
 */
public final class RunQuire {
    private RunQuire() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        MpeAlgorithm algo = new MpeAlgorithm();
        MpeAlgorithm.Params p = new MpeAlgorithm.Params(600, 0.02, 0, 0.05, 10, 1e-4, 0.01, 1.5, 0.5, 3, 2000, "pca", 300, 0,
                0.1, "trim", "point-to-plane", 0, 2, 0.4, 200, 1e-6, 12, "auto", 4000, 8000, 0.1, 0.01, true, 10, 0.25, 2,
                "warn");
        for (int i = 1; i < args.length; i++) {
            Path d = Path.of(args[i]);
            List<InputFile> in = List.of(new InputFile("reference", d.resolve("ref.ply").toAbsolutePath()),
                    new InputFile("scans", d.resolve("scan.ply").toAbsolutePath()));
            Result r = null;
            double secs = 0;
            for (int rep = 0; rep < 2; rep++) {
                SimpleRunContext ctx = new SimpleRunContext(1, threads);
                long t0 = System.nanoTime();
                r = algo.run(p, in, ctx);
                secs = (System.nanoTime() - t0) * 1e-9;
                for (String w : ctx.warnings()) {
                    System.err.println("quire warning: " + w);
                }
            }
            @SuppressWarnings("unchecked")
            List<Double> t = (List<Double>) r.values().get("transform");
            StringBuilder sb = new StringBuilder(d.getFileName() + " quire");
            for (double v : t) {
                sb.append(' ').append(v);
            }
            sb.append(String.format(Locale.ROOT, " %.3f", secs));
            System.out.println(sb);
            Files.writeString(d.resolve("quire.txt"), sb + "\n");
        }
    }
}
