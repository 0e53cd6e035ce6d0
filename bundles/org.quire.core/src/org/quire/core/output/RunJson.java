package org.quire.core.output;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.quire.api.AlgorithmDescriptor;
import org.quire.api.result.Result;
import org.quire.core.run.InputRecord;
import org.quire.core.run.RunOutcome;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON documents of a run directory: {@code run.json} (provenance) and
 * {@code results.json} (metrics and values). Stateless and thread-safe.
 */
final class RunJson {

    private RunJson() {
    }

    /**
     * The provenance document:
     * <pre>
     * {"quire": {"version"}, "algorithm": {"id", "name", "family", "bundle", "bundleVersion"}, "status", "message",
     *  "parameters": {...}, "seed", "threads", "inputs": [{"slot", "path", "bytes", "sha256"}],
     *  "startedAt", "finishedAt", "algorithmElapsedSeconds", "warnings": [...],
     *  "host": {"java", "os", "processors"}, "files": [...]}
     * </pre>
     * Times are ISO-8601 UTC ({@link Instant#toString()}), null when unknown.
     *
     * @param files names of the files written into the directory, in writing order
     * @throws IOException when a parameter value cannot be represented in JSON
     */
    static ObjectNode provenance(RunOutcome outcome, List<String> files) throws IOException {
        ObjectNode root = JsonValues.object();
        root.putObject("quire").put("version", QuireVersion.get());
        ObjectNode alg = root.putObject("algorithm");
        AlgorithmDescriptor d = outcome.descriptor();
        alg.put("id", algorithmId(outcome));
        alg.put("name", d == null ? null : d.name());
        alg.put("family", d == null ? null : d.family());
        alg.put("bundle", outcome.origin() == null ? null : outcome.origin().bundle());
        alg.put("bundleVersion", outcome.origin() == null ? null : outcome.origin().version());
        root.put("status", outcome.status().jsonName());
        root.put("message", outcome.message());
        ObjectNode params = root.putObject("parameters");
        for (Map.Entry<String, Object> e : outcome.parameters().entrySet()) {
            params.set(e.getKey(), JsonValues.toNode("parameters." + e.getKey(), e.getValue()));
        }
        if (outcome.request() != null) {
            root.put("seed", outcome.request().seed());
            root.put("threads", outcome.request().threads());
        } else {
            root.putNull("seed");
            root.putNull("threads");
        }
        ArrayNode inputs = root.putArray("inputs");
        for (InputRecord in : outcome.inputs()) {
            ObjectNode o = inputs.addObject();
            o.put("slot", in.slot());
            o.put("path", in.path() == null ? null : in.path().toString());
            o.put("bytes", in.bytes());
            o.put("sha256", in.sha256());
        }
        root.put("startedAt", time(outcome.startedAt()));
        root.put("finishedAt", time(outcome.finishedAt()));
        root.put("algorithmElapsedSeconds", outcome.algorithmNanos() / 1e9);
        ArrayNode warnings = root.putArray("warnings");
        outcome.warnings().forEach(warnings::add);
        ObjectNode host = root.putObject("host");
        host.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        host.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        host.put("processors", Runtime.getRuntime().availableProcessors());
        ArrayNode f = root.putArray("files");
        files.forEach(f::add);
        return root;
    }

    /**
     * The results document, only for statuses with a result:
     * {@code {"algorithm": id, "status": "ok"|"warnings", "metrics": {name: number|null}, "values": {name: JSON}}}.
     *
     * @throws IOException naming the value when a value is of an unsupported type
     */
    static ObjectNode results(RunOutcome outcome, Result result) throws IOException {
        ObjectNode root = JsonValues.object();
        root.put("algorithm", algorithmId(outcome));
        root.put("status", outcome.status().jsonName());
        root.set("metrics", JsonValues.metrics(result.metrics()));
        ObjectNode values = root.putObject("values");
        for (Map.Entry<String, Object> e : result.values().entrySet()) {
            values.set(e.getKey(), JsonValues.toNode("values." + e.getKey(), e.getValue()));
        }
        return root;
    }

    /** The algorithm id from the descriptor, else from the request. */
    static String algorithmId(RunOutcome outcome) {
        if (outcome.descriptor() != null) {
            return outcome.descriptor().id();
        }
        return outcome.request() == null ? null : outcome.request().algorithmId();
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
