package org.quire.core.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.quire.api.Algorithm;
import org.quire.api.AlgorithmDescriptor;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.core.registry.Origin;
import org.quire.core.run.InputRecord;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunRequest;
import org.quire.core.run.RunStatus;

/** Shared test data for the writers: a small algorithm, outcomes and a fake chart renderer. */
final class OutputFixtures {

    static final Instant STARTED = Instant.parse("2025-11-28T10:00:00Z");
    static final Instant FINISHED = Instant.parse("2025-11-28T10:00:02.500Z");
    static final long NANOS = 1_250_000_000L;

    private OutputFixtures() {
    }

    @AlgorithmInfo(id = "test.walk", name = "Random walk", description = "A walk of <n> steps & more")
    @Input(name = "table", formats = "csv")
    static final class Walk implements Algorithm<Walk.Params> {
        record Params(@Param(defaultValue = "100", min = 1) int steps,
                @Param(defaultValue = "0.5", min = 0, max = 1) double rate,
                @Param(defaultValue = "x") String label,
                @Param(defaultValue = "false") boolean verbose) {
        }

        @Override
        public Class<Params> parameterType() {
            return Params.class;
        }

        @Override
        public Result run(Params p, List<InputFile> inputs, RunContext context) {
            return Result.empty();
        }
    }

    static AlgorithmDescriptor descriptor() {
        return new Walk().descriptor();
    }

    static Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("steps", 200);
        p.put("rate", 0.25);
        p.put("label", "a,b \"c\"");
        p.put("verbose", true);
        return p;
    }

    static RunOutcome outcome(RunStatus status, Result result, String message, List<String> warnings) {
        RunRequest request = new RunRequest("test.walk", Map.of("steps", "200"), List.of(Path.of("/data/a.csv")), 42L, 3);
        List<InputRecord> inputs = List.of(new InputRecord("table", Path.of("/data/a.csv"), 1234L,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        return new RunOutcome(request, descriptor(), new Origin("org.quire.testalgorithms", "0.1.0.v20251128-1000"), parameters(),
                inputs, status, message, warnings, result, STARTED, FINISHED, NANOS, null);
    }

    static RunOutcome ok(Result result) {
        return outcome(RunStatus.OK, result, "", List.of());
    }

    /** Writes "PNG:<name>:<w>x<h>" and "<svg>name w h</svg>" and records the calls. */
    static final class FakeCharts implements ChartRenderer {
        final List<String> calls = new ArrayList<>();

        static byte[] png(String name) {
            return ("PNG:" + name + ":900x560").getBytes(StandardCharsets.US_ASCII);
        }

        static byte[] svg(String name) {
            return ("<svg>" + name + " 900 560</svg>").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public synchronized void writePng(ChartSpec chart, int width, int height, OutputStream out) throws IOException {
            calls.add("png " + chart.name() + " " + width + "x" + height);
            out.write(("PNG:" + chart.name() + ":" + width + "x" + height).getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public synchronized void writeSvg(ChartSpec chart, int width, int height, OutputStream out) throws IOException {
            calls.add("svg " + chart.name() + " " + width + "x" + height);
            out.write(("<svg>" + chart.name() + " " + width + " " + height + "</svg>").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Names of the entries of a directory, sorted. */
    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Leftover temporary files of the atomic writer. */
    static List<String> temporaries(Path dir) throws IOException {
        return names(dir).stream().filter(n -> n.startsWith(".") && n.contains(".tmp-")).toList();
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
