package org.quire.bench.surface;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.quire.api.InputFile;
import org.quire.api.SimpleRunContext;
import org.quire.api.result.Image;
import org.quire.api.result.Result;
import org.quire.api.result.Table;
import org.quire.surface.FitAlgorithm;
import org.quire.surface.MeshAlgorithm;
import org.quire.surface.RenderAlgorithm;

/**
 * The acceptance runs of the surface family as plain Java (the same algorithm classes the batch product runs):
 * {@code surface.fit} on a source, then {@code surface.render} (512², timed) and {@code surface.mesh} of the model.
 * Usage: {@code accept OUTDIR SOURCE MESH|- WIDTH DEPTH STEPS LR RESIDUAL THREADS}, SOURCE being {@code mesh} or an
 * analytic shape.
 */
public final class Accept {

    public static void main(String[] a) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path out = Path.of(a[0]);
        Files.createDirectories(out);
        String source = a[1];
        List<InputFile> mesh = a[2].equals("-") ? List.of() : List.of(new InputFile("mesh", Path.of(a[2]).toAbsolutePath()));
        int threads = Integer.parseInt(a[8]);
        FitAlgorithm.Params fp = new FitAlgorithm.Params(source, "custom", Integer.parseInt(a[3]), Integer.parseInt(a[4]),
                Integer.parseInt(a[5]), 1024, Double.parseDouble(a[6]), "cosine", Boolean.parseBoolean(a[7]), 100_000, 100_000,
                "exact", 0.0158, 0.005);
        long t0 = System.nanoTime();
        SimpleRunContext fitContext = context(threads);
        Result fit = new FitAlgorithm().run(fp, mesh, fitContext);
        System.out.printf("fit: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        printLog(fitContext);
        fit.metrics().forEach((k, v) -> System.out.printf("  %s = %.6g%n", k, v));
        Table model = fit.tables().stream().filter(t -> t.name().equals("model")).findFirst().orElseThrow();
        Path modelCsv = write(out, model);
        List<InputFile> in = new ArrayList<>();
        in.add(new InputFile("source", modelCsv));
        if (!mesh.isEmpty()) {
            in.add(new InputFile("reference", mesh.get(0).path()));
        }
        RenderAlgorithm.Params rp = new RenderAlgorithm.Params("none", 512, 30, 30, 1.7, 0.008, 1000, 8, "jacobian", "sphere-trace");
        RenderAlgorithm.Params rpf = new RenderAlgorithm.Params("none", 512, 30, 30, 1.7, 0.008, 1000, 8, "forward", "sphere-trace");
        new RenderAlgorithm().run(new RenderAlgorithm.Params("none", 64, 30, 30, 1.7, 0.008, 1000, 8, "jacobian", "sphere-trace"),
                List.of(in.get(0)), context(threads)); // warm-up
        t0 = System.nanoTime();
        Result render = new RenderAlgorithm().run(rp, List.of(in.get(0)), context(threads));
        System.out.printf("render 512x512 (model only): %.2f s on %d threads%n", (System.nanoTime() - t0) / 1e9, threads);
        Result withRef = new RenderAlgorithm().run(rp, in, context(threads));
        withRef.metrics().forEach((k, v) -> System.out.printf("  %s = %.6g%n", k, v));
        png(out, render.images().get(0));
        png(out, withRef.images().get(withRef.images().size() - 1));
        Result forward = new RenderAlgorithm().run(rpf, List.of(in.get(0)), context(threads));
        Image fi = forward.images().get(0);
        png(out, new Image("render-forward", fi.width(), fi.height(), fi.argb()));
        t0 = System.nanoTime();
        SimpleRunContext meshContext = context(threads);
        Result m = new MeshAlgorithm().run(new MeshAlgorithm.Params(128, 1.5, 100_000, 30_000), List.of(new InputFile("model", modelCsv)),
                meshContext);
        System.out.printf("mesh 128^3: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        printLog(meshContext);
        m.metrics().forEach((k, v) -> System.out.printf("  %s = %.6g%n", k, v));
    }

    static Path write(Path dir, Table t) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < t.columns().size(); c++) {
            sb.append(c == 0 ? "" : ",").append(t.columns().get(c).name());
        }
        sb.append('\n');
        for (int r = 0; r < t.rowCount(); r++) {
            for (int c = 0; c < t.columns().size(); c++) {
                Table.Column col = t.columns().get(c);
                String s = col.text(r);
                if (!col.isNumeric() && (s.contains(",") || s.contains("\""))) {
                    s = '"' + s.replace("\"", "\"\"") + '"';
                }
                sb.append(c == 0 ? "" : ",").append(s);
            }
            sb.append('\n');
        }
        Path p = dir.resolve(t.name() + ".csv");
        Files.writeString(p, sb.toString());
        return p;
    }

    static void png(Path dir, Image im) throws Exception {
        BufferedImage b = new BufferedImage(im.width(), im.height(), BufferedImage.TYPE_INT_ARGB);
        b.setRGB(0, 0, im.width(), im.height(), im.argb(), 0, im.width());
        ImageIO.write(b, "png", dir.resolve(im.name() + ".png").toFile());
    }

    /** A plain context with seed 1 (the algorithms' logs are printed by {@link #printLog} after each run). */
    static SimpleRunContext context(int threads) {
        return new SimpleRunContext(1, threads);
    }

    static void printLog(SimpleRunContext context) {
        context.infos().forEach(line -> System.out.println("  info: " + line));
        context.warnings().forEach(line -> System.out.println("  warning: " + line));
    }
}
