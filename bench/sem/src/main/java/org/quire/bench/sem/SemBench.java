package org.quire.bench.sem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.quire.api.Progress;
import org.quire.sem.GraphReader;
import org.quire.sem.MixedGraph;
import org.quire.sem.VanishingIdealExplorer;

/**
 * Quire's vanishing-ideal scan against Macaulay2's Lambda-elimination on the graphs of graphs.tsv, in one run.
 * For each graph: Quire (one thread, warm JVM, median of 5 runs; thread cpu time and wall time) up to the graph's
 * degree bound, then M2 (cut at the
 * timeout) on the same graph, which also checks that Quire's generators generate M2's ideal up to that degree.
 * Prints the minimal-generator counts per degree of both, the times and the ratio M2 cpu / Quire cpu (cpu against cpu:
 * wall times on a shared machine mostly measure the load); exits 1 when a
 * count per degree or the ideal check disagrees on a graph M2 finished.
 */
public final class SemBench {
    private SemBench() {
    }

    private record Row(String id, MixedGraph g, int maxDeg, String desc) {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Path template = Path.of(args[2]).toAbsolutePath();
        int timeout = Integer.parseInt(args[3]);
        Files.createDirectories(work);
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(base.resolve("graphs.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            rows.add(new Row(f[0], GraphReader.read(base.resolve(f[2])), Integer.parseInt(f[1]), f[3]));
        }
        // warm-up: every graph three times (JIT), not timed
        for (int k = 0; k < 3; k++) {
            for (Row r : rows) {
                scan(r);
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%-19s %2s %2s %2s %3s | %-22s | %-22s | %5s %5s | %10s %10s %10s %10s %8s%n", "graph", "n", "D",
                "B", "deg", "Quire gens per degree", "M2 gens per degree", "same", "ideal", "Quire cpu", "Quire wall",
                "M2 cpu ms", "M2 wall ms", "M2/Quire");
        boolean ok = true;
        for (Row r : rows) {
            double[] t = new double[5];
            double[] w = new double[5];
            VanishingIdealExplorer.Outcome out = null;
            for (int k = 0; k < t.length; k++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                out = scan(r);
                w[k] = (System.nanoTime() - t0) / 1e6;
                t[k] = (cpu.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            Arrays.sort(t);
            Arrays.sort(w);
            double quireMs = t[2];
            double quireWall = w[2];
            Map<Integer, Integer> quire = new TreeMap<>();
            List<String> gens = new ArrayList<>();
            String[] names = r.g().sigmaNames();
            for (VanishingIdealExplorer.Generator gen : out.generators()) {
                quire.merge(gen.degree(), 1, Integer::sum);
                gens.add(gen.polynomial().format(names).replaceAll("s_(\\d+)_(\\d+)", "s_($1,$2)"));
            }
            M2 m2 = runM2(r, gens, work, template, timeout);
            String m2Counts;
            String same;
            String ideal;
            if (m2.finished) {
                Map<Integer, Integer> low = new TreeMap<>();
                m2.degrees.forEach((d, c) -> {
                    if (d <= r.maxDeg()) {
                        low.put(d, c);
                    }
                });
                boolean eq = low.equals(quire) && out.complete();
                same = eq ? "yes" : "NO";
                ideal = m2.check ? "yes" : "NO";
                ok &= eq && m2.check;
                m2Counts = show(m2.degrees);
            } else {
                same = "-";
                ideal = "-";
                m2Counts = "timeout > " + timeout + " s";
            }
            String ratio = m2.finished ? String.format(Locale.ROOT, "%.1f", m2.cpuMs / quireMs) : ">" + String.format(Locale.ROOT, "%.0f", timeout * 1000.0 / quireMs);
            System.out.printf(Locale.ROOT, "%-19s %2d %2d %2d %3d | %-22s | %-22s | %5s %5s | %10.1f %10.1f %10s %10.0f %8s%n", r.id(), r.g().n(),
                    r.g().directedCount(), r.g().bidirectedCount(), r.maxDeg(), show(quire) + (out.complete() ? "" : " PARTIAL"),
                    m2Counts, same, ideal, quireMs, quireWall, m2.finished ? String.format(Locale.ROOT, "%.1f", m2.cpuMs) : "-", m2.wallMs, ratio);
        }
        System.out.println(ok ? "ALL AGREE" : "DISAGREEMENT (see rows marked NO)");
        System.exit(ok ? 0 : 1);
    }

    private static VanishingIdealExplorer.Outcome scan(Row r) {
        return new VanishingIdealExplorer(r.g(), VanishingIdealExplorer.Options.defaults(r.maxDeg()),
                k -> new SplittableRandom(0x5E11L * 31 + k)).run(1, Progress.none());
    }

    private static String show(Map<Integer, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((d, c) -> sb.append(sb.length() > 0 ? " " : "").append("d").append(d).append(":").append(c));
        return sb.toString();
    }

    private static final class M2 {
        boolean finished;
        double cpuMs;
        double wallMs;
        Map<Integer, Integer> degrees = new TreeMap<>();
        boolean check;
    }

    private static M2 runM2(Row r, List<String> gens, Path work, Path template, int timeout) throws IOException, InterruptedException {
        MixedGraph g = r.g();
        StringBuilder sb = new StringBuilder();
        sb.append("n = ").append(g.n()).append(";\nD = {");
        for (int k = 0; k < g.directedCount(); k++) {
            int[] e = g.directedEdge(k);
            sb.append(k > 0 ? "," : "").append("{").append(e[0] + 1).append(",").append(e[1] + 1).append("}");
        }
        sb.append("};\nB = {");
        for (int k = 0; k < g.bidirectedCount(); k++) {
            int[] e = g.bidirectedEdge(k);
            sb.append(k > 0 ? "," : "").append("{").append(e[0] + 1).append(",").append(e[1] + 1).append("}");
        }
        sb.append("};\nmaxDeg = ").append(r.maxDeg()).append(";\nquireGens = {");
        for (int k = 0; k < gens.size(); k++) {
            sb.append(k > 0 ? ",\n" : "\n").append('"').append(gens.get(k)).append('"');
        }
        sb.append("};\nload \"").append(template).append("\";\n");
        Path script = work.resolve(r.id() + ".m2");
        Files.writeString(script, sb.toString());
        Path log = work.resolve(r.id() + ".m2.out");
        ProcessBuilder pb = new ProcessBuilder("M2", "--script", script.toAbsolutePath().toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        M2 m = new M2();
        boolean done = p.waitFor(timeout, TimeUnit.SECONDS);
        m.wallMs = (System.nanoTime() - t0) / 1e6;
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
            return m;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("M2CPU ")) {
                m.cpuMs = Double.parseDouble(line.substring(6).trim()) * 1000;
                m.finished = true;
            } else if (line.startsWith("M2DEGREES ")) {
                String s = line.substring(10).replaceAll("[{}\\s]", "");
                if (!s.isEmpty()) {
                    for (String d : s.split(",")) {
                        m.degrees.merge(Integer.parseInt(d), 1, Integer::sum);
                    }
                }
            } else if (line.startsWith("M2CHECK ")) {
                m.check = line.substring(8).trim().equals("true");
            }
        }
        return m;
    }
}
