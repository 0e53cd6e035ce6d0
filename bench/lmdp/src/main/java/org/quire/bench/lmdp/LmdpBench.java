package org.quire.bench.lmdp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.quire.api.InputException;
import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.model.LmdpJson;
import org.quire.lmdp.plan.BeliefTreePlanner;

/**
 * Quire's exact LMDP planner against BURLAP's exact POMDP planner on every *.json instance of a directory, in one
 * run: prints both optimal values, their difference (must be ≤ 1e-6), median times with the ratio BURLAP / Quire and
 * the number of belief-tree nodes each planner built (from one extra, untimed solve).
 * Exit code 0 when every instance agrees, 1 on a disagreement, 2 on bad input. Usage: LmdpBench instancesDir.
 */
public final class LmdpBench {

    private static final double TOLERANCE = 1e-6;
    /** Warm up for at least 20 runs and 3 s; time at least 9 runs and 2 s (up to 2001 runs). */
    private static final Timing.Plan QUIRE_TIMING = new Timing.Plan(20, 3000, 9, 2001, 2000);
    /** Warm up for at least 2 runs and 3 s; time at least 5 runs and 2 s (up to 201 runs). */
    private static final Timing.Plan BURLAP_TIMING = new Timing.Plan(2, 3000, 5, 201, 2000);

    private LmdpBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: LmdpBench <directory with LMDP *.json instances>");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
            System.err.println(args[0] + ": no *.json instances");
            System.exit(2);
        }
        List<Lmdp> models = new ArrayList<>();
        for (Path f : files) {
            try {
                Lmdp model = LmdpJson.read(f);
                for (String w : LmdpJson.warnings(model)) {
                    System.err.println(f + ": warning: " + w);
                }
                models.add(model);
            } catch (InputException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
        }
        System.out.println("single-threaded; per planner and instance: >= 3 s of warm-up runs, then the median wall time of"
                + " >= 9 (Quire) / >= 5 (BURLAP) runs and >= 2 s");
        System.out.printf(Locale.ROOT, "%-8s %2s %2s %2s %2s %-19s %-19s %-9s %12s %12s %8s %7s %7s%n", "instance", "M",
                "S", "A", "H", "Quire value", "BURLAP value", "|diff|", "Quire ms", "BURLAP ms", "ratio", "Q nodes",
                "B nodes");
        boolean allAgree = true;
        double minRatio = Double.POSITIVE_INFINITY;
        for (int i = 0; i < files.size(); i++) {
            Lmdp model = models.get(i);
            String name = files.get(i).getFileName().toString().replaceFirst("\\.json$", "");
            Timing.Result quire = Timing.median(() -> new BeliefTreePlanner(model, BeliefTreePlanner.exact(model))
                    .plan().value(), QUIRE_TIMING);
            Timing.Result burlap = Timing.median(() -> BurlapPlanner.value(model), BURLAP_TIMING);
            double diff = Math.abs(quire.value() - burlap.value());
            boolean agree = diff <= TOLERANCE;
            BeliefTreePlanner counted = new BeliefTreePlanner(model, BeliefTreePlanner.exact(model));
            counted.plan();
            int burlapNodes = BurlapPlanner.solve(model).nodes();
            allAgree &= agree;
            double ratio = burlap.medianMillis() / quire.medianMillis();
            minRatio = Math.min(minRatio, ratio);
            System.out.printf(Locale.ROOT, "%-8s %2d %2d %2d %2d %-19.15f %-19.15f %-9.2e %12.4f %12.4f %8.1f %7d %7d%s%n",
                    name, model.contexts(), model.states(), model.actions(), model.horizon(), quire.value(),
                    burlap.value(), diff, quire.medianMillis(), burlap.medianMillis(), ratio,
                    counted.nodeCount(), burlapNodes, agree ? "" : "  DISAGREE (tolerance " + TOLERANCE + ")");
        }
        System.out.printf(Locale.ROOT, "values %s within %.0e; minimum ratio BURLAP/Quire %.1f (acceptance: >= 10)%n",
                allAgree ? "agree" : "DO NOT agree", TOLERANCE, minRatio);
        System.exit(allAgree ? 0 : 1);
    }
}
