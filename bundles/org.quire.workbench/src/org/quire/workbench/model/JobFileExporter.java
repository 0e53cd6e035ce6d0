package org.quire.workbench.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.quire.core.run.RunRequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Writes a run as a YAML job file that {@code quire run --job FILE --out DIR} reruns: one entry with
 * the algorithm, every parameter as quoted text (exactly as the form had it), absolute input paths,
 * the seed and the thread count. Comment lines may head the file. Stateless and thread-safe.
 *
 * <pre>
 * # comment
 * name: "workbench-run-3"
 * runs:
 * - name: "test.walk"
 *   algorithm: "test.walk"
 *   params:
 *     steps: "200"
 *   inputs:
 *   - "/data/a.csv"
 *   seed: 1
 *   threads: 2
 * </pre>
 */
public final class JobFileExporter {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private JobFileExporter() {
    }

    /**
     * The job file text.
     *
     * @param request  the run
     * @param jobName  the job's name: 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit
     * @param comments lines written as {@code # } comments at the top (no line breaks inside)
     * @throws IllegalArgumentException when the name does not qualify or a comment contains a line break
     */
    public static String toYaml(RunRequest request, String jobName, List<String> comments) {
        Objects.requireNonNull(request, "request");
        if (jobName == null || !NAME.matcher(jobName).matches()) {
            throw new IllegalArgumentException("job name '" + jobName
                    + "' must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        StringBuilder text = new StringBuilder();
        for (String c : comments) {
            if (c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("comment line contains a line break: " + c);
            }
            text.append("# ").append(c).append('\n');
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode job = nodes.objectNode();
        job.put("name", jobName);
        ArrayNode runs = job.putArray("runs");
        ObjectNode run = runs.addObject();
        run.put("name", NAME.matcher(request.algorithmId()).matches() ? request.algorithmId() : "run");
        run.put("algorithm", request.algorithmId());
        ObjectNode params = run.putObject("params");
        request.parameters().forEach(params::put);
        if (!request.inputs().isEmpty()) {
            ArrayNode inputs = run.putArray("inputs");
            request.inputs().forEach(p -> inputs.add(p.toAbsolutePath().normalize().toString()));
        }
        run.put("seed", request.seed());
        run.put("threads", request.threads());
        try {
            text.append(YAML.writeValueAsString(job));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write YAML: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /**
     * Writes the job file (UTF-8) through a temporary file renamed into place.
     *
     * @throws IOException naming the file when it cannot be written
     */
    public static void write(RunRequest request, String jobName, List<String> comments, Path file) throws IOException {
        String text = toYaml(request, jobName, comments);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write job file " + target + ": " + e.getMessage(), e);
        }
    }
}
