package org.quire.core.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.quire.api.AlgorithmDescriptor;
import org.quire.api.InputSpec;
import org.quire.api.params.ParameterException;
import org.quire.api.params.ParameterSchema;
import org.quire.api.params.ParameterSpec;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.RegisteredAlgorithm;

/**
 * Checks a job against the available algorithms without running anything: each run's algorithm is known,
 * each fixed and swept parameter value is a known parameter with a valid value (and each sweep point binds
 * to the parameter record), the number and formats of inputs fit the algorithm's slots, and each input is a
 * readable file. Messages look like {@code job.yaml:7:20: runs[2].params.hurst: 1.5 is out of range (0, 1)}.
 * Stateless and thread-safe.
 */
public final class JobValidator {

    private JobValidator() {
    }

    /**
     * @return one message per problem, in file order per run; empty when the job can run
     */
    public static List<String> validate(JobSpec spec, AlgorithmRegistry registry) {
        List<String> messages = new ArrayList<>();
        for (JobEntry e : spec.entries()) {
            new EntryCheck(spec.file(), e, messages).run(registry);
        }
        return messages;
    }

    /** The checks of one entry. */
    private static final class EntryCheck {
        private final Path file;
        private final JobEntry entry;
        private final List<String> out;
        private final String run;

        EntryCheck(Path file, JobEntry entry, List<String> out) {
            this.file = file;
            this.entry = entry;
            this.out = out;
            this.run = "runs[" + entry.index() + "]";
        }

        void run(AlgorithmRegistry registry) {
            Optional<RegisteredAlgorithm> found = registry.find(entry.algorithm());
            if (found.isEmpty()) {
                List<String> known = registry.algorithms().stream().map(RegisteredAlgorithm::id).toList();
                report("algorithm", run + ".algorithm", "unknown algorithm '" + entry.algorithm() + "'; known: "
                        + (known.isEmpty() ? "(none)" : String.join(", ", known)));
                files();
                return;
            }
            AlgorithmDescriptor d = found.get().descriptor();
            boolean paramsOk = parameters(d.parameters());
            if (paramsOk) {
                bindings(d.parameters());
            }
            inputs(d);
        }

        /** Checks each fixed and swept value on its own; true when all are fine. */
        private boolean parameters(ParameterSchema schema) {
            int before = out.size();
            for (Map.Entry<String, String> p : entry.params().entrySet()) {
                String key = "params." + p.getKey();
                JobLocation at = entry.locate(key);
                String label = at.path().startsWith("defaults")
                        ? at.path() + " (for " + run + ", " + entry.algorithm() + ")"
                        : run + "." + key;
                check(schema, p.getKey(), p.getValue(), key, label);
            }
            for (Map.Entry<String, List<String>> s : entry.sweep().entrySet()) {
                String key = "sweep." + s.getKey();
                if (schema.find(s.getKey()).isEmpty()) {
                    report(key, run + "." + key, unknown(schema, s.getKey()));
                    continue;
                }
                for (int j = 0; j < s.getValue().size(); j++) {
                    check(schema, s.getKey(), s.getValue().get(j), key + "[" + j + "]", run + "." + key + "[" + j + "]");
                }
            }
            return out.size() == before;
        }

        private void check(ParameterSchema schema, String name, String value, String key, String label) {
            Optional<ParameterSpec> spec = schema.find(name);
            if (spec.isEmpty()) {
                report(key, label, unknown(schema, name));
                return;
            }
            try {
                spec.get().parse(value);
            } catch (ParameterException ex) {
                report(key, label, withoutName(ex));
            }
        }

        /** Binds every sweep point, which also runs the record's own checks across parameters. */
        private void bindings(ParameterSchema schema) {
            Set<String> seen = new LinkedHashSet<>();
            for (Map<String, String> point : entry.sweepPoints()) {
                Map<String, String> values = new LinkedHashMap<>(entry.params());
                values.putAll(point);
                try {
                    schema.bind(values);
                } catch (ParameterException ex) {
                    String where = point.isEmpty() ? run : run + " (sweep point " + point + ")";
                    if (seen.add(ex.getMessage())) {
                        report("", where, ex.getMessage());
                    }
                } catch (RuntimeException ex) {
                    report("", run, "parameters cannot be bound: " + ex);
                }
            }
        }

        private void inputs(AlgorithmDescriptor d) {
            List<Path> inputs = entry.inputs();
            int min = d.minInputs();
            int max = d.maxInputs();
            if (inputs.size() < min || inputs.size() > max) {
                report("inputs", run + ".inputs", "'" + d.id() + "' takes " + count(min, max) + ", got " + inputs.size()
                        + slots(d));
            }
            for (int j = 0; j < inputs.size(); j++) {
                Path p = inputs.get(j);
                String key = "inputs[" + j + "]";
                InputSpec slot = d.slotOf(j);
                String fileName = p.getFileName() == null ? p.toString() : p.getFileName().toString();
                if (slot != null && !slot.accepts(fileName)) {
                    report(key, run + "." + key, "'" + fileName + "' is not in a format of slot '" + slot.name() + "'; expected "
                            + String.join(" or ", slot.formats()));
                }
                file(j);
            }
        }

        /** Checks that every input is a readable file (when the algorithm is unknown). */
        private void files() {
            for (int j = 0; j < entry.inputs().size(); j++) {
                file(j);
            }
        }

        private void file(int j) {
            Path p = entry.inputs().get(j);
            String key = "inputs[" + j + "]";
            if (!Files.exists(p)) {
                report(key, run + "." + key, "file not found: " + p);
            } else if (Files.isDirectory(p)) {
                report(key, run + "." + key, p + " is a directory; expected a file");
            } else if (!Files.isReadable(p)) {
                report(key, run + "." + key, p + " cannot be read (permission denied)");
            }
        }

        private static String count(int min, int max) {
            if (min == max) {
                return "exactly " + min + (min == 1 ? " input file" : " input files");
            }
            if (max == Integer.MAX_VALUE) {
                return "at least " + min + (min == 1 ? " input file" : " input files");
            }
            return min + " to " + max + " input files";
        }

        private static String slots(AlgorithmDescriptor d) {
            if (d.inputs().isEmpty()) {
                return "";
            }
            StringBuilder sb = new StringBuilder(" (");
            for (int i = 0; i < d.inputs().size(); i++) {
                InputSpec s = d.inputs().get(i);
                sb.append(i == 0 ? "" : "; ").append("slot '").append(s.name()).append("': ")
                        .append(s.minCount() == s.maxCount() ? Integer.toString(s.minCount())
                                : s.minCount() + ".." + (s.maxCount() == Integer.MAX_VALUE ? "" : Integer.toString(s.maxCount())))
                        .append(s.formats().isEmpty() ? "" : " " + String.join("/", s.formats()));
            }
            return sb.append(')').toString();
        }

        private static String unknown(ParameterSchema schema, String name) {
            List<String> known = schema.parameters().stream().map(ParameterSpec::name).toList();
            return "unknown parameter '" + name + "'; known: " + (known.isEmpty() ? "(none)" : String.join(", ", known));
        }

        /** The exception's message without its leading {@code name: }, since the path already names the parameter. */
        private static String withoutName(ParameterException ex) {
            String m = ex.getMessage();
            String prefix = ex.parameter() + ": ";
            return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
        }

        private void report(String key, String label, String problem) {
            JobLocation at = key.isEmpty() ? entry.location() : entry.locate(key);
            out.add(at.prefix(file) + label + ": " + problem);
        }
    }
}
