// Quire side of bench/sinkhorn: runs the plugin's solver classes (org.quire.examples.sinkhorn.OtSolver) on the
// benchmark inputs directly on the classpath (not through the product). SPDX-License-Identifier: EPL-2.0
import java.nio.file.Path;
import java.util.Locale;
import org.quire.api.Progress;
import org.quire.examples.sinkhorn.OtProblem;
import org.quire.examples.sinkhorn.OtSolution;
import org.quire.examples.sinkhorn.OtSolver;
import org.quire.examples.sinkhorn.WeightedPoints;

/**
 * Usage: SinkhornBench inputDir tolerance threads repeats n1,n2,... reg1,reg2,... ; prints one TSV row per run with
 * the best wall time and the best process CPU time (all JVM threads) of the repeats.
 */
public final class SinkhornBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        double tol = Double.parseDouble(args[1]);
        int threads = Integer.parseInt(args[2]);
        int repeats = Integer.parseInt(args[3]);
        System.out.println("n\treg\tmethod\titerations\tnewton\tcg\tpasses\tmarginalError\ttransportCost\tseconds\tcpu");
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        boolean warm = false;
        for (String ns : args[4].split(",")) {
            int n = Integer.parseInt(ns);
            WeightedPoints x = WeightedPoints.read(dir.resolve("n" + n + "_source.csv"));
            WeightedPoints y = WeightedPoints.read(dir.resolve("n" + n + "_target.csv"));
            OtProblem p = new OtProblem(OtProblem.normalised(x.weights()), OtProblem.normalised(y.weights()),
                    OtProblem.squaredEuclidean(x.xyz(), y.xyz(), x.dim()));
            for (String rs : args[5].split(",")) {
                double reg = Double.parseDouble(rs);
                for (OtSolver.Method m : OtSolver.Method.values()) {
                    OtSolver.Options o = OtSolver.Options.of(m, reg).withTolerance(tol).withMaxIterations(100_000);
                    if (!warm) {   // JIT warm-up on the first problem, both methods, three times each, not timed
                        for (int w = 0; w < 3; w++) {
                            for (OtSolver.Method wm : OtSolver.Method.values()) {
                                OtSolver.solve(p, OtSolver.Options.of(wm, reg).withTolerance(tol), threads,
                                        Progress.none());
                            }
                        }
                        warm = true;
                    }
                    double best = Double.POSITIVE_INFINITY;
                    double bestCpu = Double.POSITIVE_INFINITY;
                    OtSolution s = null;
                    for (int r = 0; r < repeats; r++) {
                        long c0 = os.getProcessCpuTime();
                        long t0 = System.nanoTime();
                        s = OtSolver.solve(p, o, threads, Progress.none());
                        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                        bestCpu = Math.min(bestCpu, (os.getProcessCpuTime() - c0) / 1e9);
                    }
                    System.out.printf(Locale.ROOT, "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%.3e\t%.12f\t%.4f\t%.4f%n", n, rs,
                            m.name().toLowerCase(Locale.ROOT), s.iterations(), s.newtonSteps(), s.cgIterations(),
                            s.kernelPasses(), s.marginalError(), s.transportCost(), best, bestCpu);
                }
            }
        }
    }
}
