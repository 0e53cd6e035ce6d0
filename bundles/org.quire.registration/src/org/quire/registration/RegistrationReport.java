package org.quire.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;
import org.quire.registration.core.RigidTransform;
import org.quire.registration.icp.TrimmedIcp;
import org.quire.registration.mpe.MpeDescent;
import org.quire.registration.mpe.MpeGlobalRegistrar;

/**
 * Turns registrations of one or more scans onto a reference into result items: transforms (values and 4×4 tables),
 * metrics of the first scan, a per-view table, registered clouds, before/after overlays (reference grey, scans
 * orange), a residual cloud (signed point-to-plane distance as scalars), a residual histogram and convergence charts.
 * Stateless.
 */
final class RegistrationReport {
    /** Reference colour in overlays. */
    static final int GREY = 0xA0A0A0;
    /** Scan colours in overlays; the first is orange. */
    static final int[] PALETTE = {0xFF8C00, 0x1F77B4, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF};

    private RegistrationReport() {
    }

    static void write(Result.Builder out, ReferenceModel ref, List<double[]> scans, List<PairRegistration.Outcome> res,
            String lengthUnit) {
        int views = scans.size();
        PairRegistration.Outcome first = res.get(0);
        List<List<Double>> transforms = new ArrayList<>();
        for (int k = 0; k < views; k++) {
            transforms.add(Transforms.values(res.get(k).pose()));
            out.table(Transforms.table(Transforms.indexed("transform", k, views), res.get(k).pose()));
        }
        out.value("transform", transforms.get(0));
        out.value("transforms", transforms);
        out.value("transformLayout", "row-major 4x4 mapping each scan onto the reference (x_ref = R x_scan + t)");
        metrics(out, first, ref);
        out.metric("views", views);
        out.table(viewTable(res));
        List<String> stops = new ArrayList<>();
        for (PairRegistration.Outcome o : res) {
            stops.add(o.fine().stopReason());
        }
        out.value("icpStopReasons", stops);
        if (first.global() != null) {
            out.value("globalStopReason", first.global().trace().stopReason());
            out.value("globalBestStart", first.global().bestStart());
        }
        clouds(out, ref, scans, res, lengthUnit);
        charts(out, res, lengthUnit);
    }

    private static void metrics(Result.Builder out, PairRegistration.Outcome o, ReferenceModel ref) {
        TrimmedIcp.Pairs p = o.fine().finalPairs();
        out.metric("rmse", p.rmse());
        out.metric("trimmedRmse", Math.sqrt(p.error()));
        out.metric("overlap", p.ratio());
        out.metric("iterations", o.icpIterations());
        out.metric("matchedFraction", (double) p.matched() / p.nn().length);
        if (o.global() != null) {
            out.metric("globalRotationDeg", Math.toDegrees(o.global().pose().rotationAngle()));
            out.metric("globalIterations", o.global().iterations());
            out.metric("refinementRotationDeg", Math.toDegrees(RigidTransform.angleBetween(o.global().pose(), o.pose())));
            out.metric("refinementTranslation", RigidTransform.translationDistance(o.global().pose(), o.pose()));
            out.metric("eps2", o.global().eps2());
        }
        out.metric("rotationDeg", Math.toDegrees(o.pose().rotationAngle()));
        out.metric("noiseEstimate", o.noise());
        out.metric("searchBound", o.searchBound());
        out.metric("referenceDiagonal", ref.diagonal());
        out.metric("globalSeconds", o.globalSeconds());
        out.metric("icpSeconds", o.icpSeconds());
    }

    private static Table viewTable(List<PairRegistration.Outcome> res) {
        int v = res.size();
        double[] view = new double[v];
        double[] rmse = new double[v];
        double[] trimmed = new double[v];
        double[] overlap = new double[v];
        double[] iters = new double[v];
        double[] rot = new double[v];
        double[] noise = new double[v];
        String[] status = new String[v];
        for (int k = 0; k < v; k++) {
            PairRegistration.Outcome o = res.get(k);
            view[k] = k + 1;
            rmse[k] = o.fine().finalPairs().rmse();
            trimmed[k] = Math.sqrt(o.fine().finalPairs().error());
            overlap[k] = o.fine().finalPairs().ratio();
            iters[k] = o.icpIterations();
            rot[k] = Math.toDegrees(o.pose().rotationAngle());
            noise[k] = o.noise();
            status[k] = o.problems().isEmpty() ? "ok" : "failed: " + String.join("; ", o.problems());
        }
        return Table.builder("views").numeric("view", view).numeric("rmse", rmse).numeric("trimmedRmse", trimmed)
                .numeric("overlap", overlap).numeric("icpIterations", iters).numeric("rotation", "deg", rot)
                .numeric("noiseEstimate", noise).text("status", status).build();
    }

    private static void clouds(Result.Builder out, ReferenceModel ref, List<double[]> scans,
            List<PairRegistration.Outcome> res, String unit) {
        int views = scans.size();
        int refN = ref.xyz().length / 3;
        int total = 0;
        for (double[] s : scans) {
            total += s.length / 3;
        }
        float[] before = new float[3 * (refN + total)];
        float[] after = new float[3 * (refN + total)];
        int[] rgb = new int[refN + total];
        float[] residualXyz = new float[3 * total];
        float[] residual = new float[total];
        copy(ref.xyz(), before, 0);
        copy(ref.xyz(), after, 0);
        java.util.Arrays.fill(rgb, 0, refN, GREY);
        int at = refN;
        int rAt = 0;
        for (int k = 0; k < views; k++) {
            double[] scan = scans.get(k);
            PairRegistration.Outcome o = res.get(k);
            double[] moved = o.pose().applyToPoints(scan);
            int n = scan.length / 3;
            copy(scan, before, at);
            copy(moved, after, at);
            java.util.Arrays.fill(rgb, at, at + n, PALETTE[k % PALETTE.length]);
            float[] movedF = toFloat(moved);
            out.cloud(new PointCloud(Transforms.indexed("registered", k, views), movedF, null, null));
            System.arraycopy(movedF, 0, residualXyz, 3 * rAt, movedF.length);
            double[] plane = o.fine().finalPairs().plane();
            double[] d2 = o.fine().finalPairs().d2();
            double bound = o.searchBound();
            for (int i = 0; i < n; i++) {
                double r;
                if (d2[i] == Double.POSITIVE_INFINITY) {
                    r = bound;
                } else if (plane != null) {
                    r = Math.max(-bound, Math.min(bound, plane[i]));
                } else {
                    r = Math.sqrt(d2[i]);
                }
                residual[rAt + i] = (float) r;
            }
            at += n;
            rAt += n;
        }
        out.cloud(new PointCloud("before", before, null, rgb));
        out.cloud(new PointCloud("after", after, null, rgb));
        boolean signed = res.get(0).fine().finalPairs().plane() != null;
        String label = (signed ? "signed distance to the reference surface" : "distance to the nearest reference point")
                + " (" + unit + ", clipped at " + String.format(Locale.ROOT, "%.3g", res.get(0).searchBound()) + ")";
        out.cloud(new PointCloud("residuals", residualXyz, null, null, residual, label));
    }

    private static void charts(Result.Builder out, List<PairRegistration.Outcome> res, String unit) {
        PairRegistration.Outcome first = res.get(0);
        if (first.global() != null) {
            energy(out, first.global());
        }
        icpChart(out, res, unit);
        // residual histogram of the first view: kept pairs and trimmed ones
        TrimmedIcp.Pairs p = first.fine().finalPairs();
        boolean[] keptMask = new boolean[p.nn().length];
        for (int i : p.kept()) {
            keptMask[i] = true;
        }
        double[] kept = new double[p.kept().length];
        List<Double> trimmed = new ArrayList<>();
        int a = 0;
        for (int i = 0; i < keptMask.length; i++) {
            double r = p.d2()[i] == Double.POSITIVE_INFINITY ? Double.NaN
                    : p.plane() != null ? Math.abs(p.plane()[i]) : Math.sqrt(p.d2()[i]);
            if (keptMask[i]) {
                kept[a++] = r;
            } else if (!Double.isNaN(r)) {
                trimmed.add(r);
            }
        }
        List<Series> series = new ArrayList<>();
        series.add(Series.indexed("kept", kept));
        if (!trimmed.isEmpty()) {
            series.add(Series.indexed("trimmed", trimmed.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        out.chart(new ChartSpec("residualHistogram", "Residuals after registration (view 1; unmatched points omitted)",
                "|residual| (" + unit + ")", "count", ChartSpec.Kind.HISTOGRAM, false, false, 60, series));
    }

    private static void energy(Result.Builder out, MpeGlobalRegistrar.Outcome g) {
        List<MpeDescent.Trace> stages = new ArrayList<>();
        List<String> names = new ArrayList<>();
        MpeGlobalRegistrar.Candidate best = g.candidates().get(g.bestStart());
        if (best.trace() != g.trace()) {
            stages.add(best.trace());
            names.add("start " + best.index() + " (screening)");
        }
        stages.add(g.trace());
        names.add("all pairs");
        for (int k = 0; k < g.anneal().size(); k++) {
            stages.add(g.anneal().get(k));
            names.add("anneal " + (k + 1));
        }
        int rows = 0;
        for (MpeDescent.Trace t : stages) {
            rows += t.energies().length;
        }
        double[] it = new double[rows];
        double[] e = new double[rows];
        double[] acc = new double[rows];
        double[] st = new double[rows];
        double[] sr = new double[rows];
        String[] stage = new String[rows];
        List<Series> energySeries = new ArrayList<>();
        List<Series> strideT = new ArrayList<>();
        List<Series> strideR = new ArrayList<>();
        int r = 0;
        int offset = 0;
        for (int s = 0; s < stages.size(); s++) {
            MpeDescent.Trace t = stages.get(s);
            int n = t.energies().length;
            double[] x = new double[n];
            double[] ys = new double[n];
            double[] yt = new double[n];
            double[] yr = new double[n];
            for (int i = 0; i < n; i++) {
                it[r] = offset + i;
                e[r] = t.energies()[i];
                acc[r] = t.accepted()[i] ? 1 : 0;
                st[r] = t.strideT()[i];
                sr[r] = Math.toDegrees(t.strideR()[i]);
                stage[r] = names.get(s);
                x[i] = offset + i;
                ys[i] = t.energies()[i];
                yt[i] = t.strideT()[i];
                yr[i] = Math.toDegrees(t.strideR()[i]);
                r++;
            }
            offset += n;
            energySeries.add(Series.of(names.get(s), x, ys));
            strideT.add(Series.of("translation stride, " + names.get(s), x, yt));
            strideR.add(Series.of("rotation stride (deg), " + names.get(s), x, yr));
        }
        out.table(Table.builder("energy").numeric("iteration", it).text("stage", stage).numeric("energy", e)
                .numeric("accepted", acc).numeric("strideT", st).numeric("strideR", "deg", sr).build());
        out.chart(ChartSpec.line("energyChart", "MPE energy per iteration (trial energies; first view)", "iteration",
                "energy E", energySeries.toArray(Series[]::new)));
        List<Series> strides = new ArrayList<>(strideT);
        strides.addAll(strideR);
        out.chart(ChartSpec.line("stridesChart", "MPE strides per iteration (first view)", "iteration",
                "stride (length units / deg)", strides.toArray(Series[]::new)).withLogAxes(false, true));
    }

    private static void icpChart(Result.Builder out, List<PairRegistration.Outcome> res, String unit) {
        List<Double> view = new ArrayList<>();
        List<Double> iter = new ArrayList<>();
        List<String> pass = new ArrayList<>();
        List<Double> rmse = new ArrayList<>();
        List<Double> xi = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < res.size(); k++) {
            PairRegistration.Outcome o = res.get(k);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            int offset = 0;
            TrimmedIcp.Outcome[] passes = {o.coarse(), o.fine()};
            String[] names = {"coarse", "fine"};
            for (int q = 0; q < 2; q++) {
                TrimmedIcp.Outcome t = passes[q];
                if (t == null) {
                    continue;
                }
                for (int i = 0; i < t.trimmedRmse().length; i++) {
                    view.add((double) (k + 1));
                    iter.add((double) (offset + i));
                    pass.add(names[q]);
                    rmse.add(t.trimmedRmse()[i]);
                    xi.add(t.overlap()[i]);
                    xs.add((double) (offset + i));
                    ys.add(t.trimmedRmse()[i]);
                }
                offset += t.trimmedRmse().length;
            }
            series.add(Series.of("view " + (k + 1), unbox(xs), unbox(ys)));
        }
        out.table(Table.builder("icp").numeric("view", unbox(view)).numeric("iteration", unbox(iter))
                .text("pass", pass.toArray(String[]::new)).numeric("trimmedRmse", unit, unbox(rmse))
                .numeric("overlap", unbox(xi)).build());
        boolean positive = rmse.stream().allMatch(v -> v > 0);
        ChartSpec c = ChartSpec.line("icpChart", "Trimmed ICP: trimmed RMSE per iteration (coarse then fine pass)",
                "iteration", "trimmed RMSE (" + unit + ")", series.toArray(Series[]::new));
        out.chart(positive ? c.withLogAxes(false, true) : c);
    }

    private static double[] unbox(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void copy(double[] src, float[] dst, int atPoint) {
        for (int i = 0; i < src.length; i++) {
            dst[3 * atPoint + i] = (float) src[i];
        }
    }

    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
