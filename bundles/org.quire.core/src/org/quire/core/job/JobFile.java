package org.quire.core.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.quire.core.job.LocatedTree.Field;
import org.quire.core.job.LocatedTree.ListNode;
import org.quire.core.job.LocatedTree.MapNode;
import org.quire.core.job.LocatedTree.Node;
import org.quire.core.job.LocatedTree.Scalar;
import org.quire.core.run.RunRequest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads job files, YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}):
 * <pre>
 * name: tour                  # optional; default: the file name without extension
 * defaults:                   # optional; applied to every run (a run's own values win)
 *   seed: 1                   # or seeds: [1, 2]
 *   threads: 2
 *   params: {steps: 100}
 * runs:                       # may be empty: a job that runs nothing
 *   - name: walk              # directory name; default: the algorithm id
 *     algorithm: test.walk    # required
 *     params: {steps: 200, label: x}   # scalars, kept as text exactly as written
 *     inputs: [data/a.csv]    # relative paths are resolved against the job file's directory
 *     seed: 42                # or seeds: [1, 2, 3]
 *     threads: 1
 *     sweep: {steps: [10, 100], rate: [0.1, 0.2]}   # cartesian product, in written order
 * </pre>
 * When no seed is given anywhere the seed is {@value #DEFAULT_SEED}; when no thread count is given it is
 * {@link RunRequest#defaultThreads()}. A parameter may not be both fixed and swept in one run; sweep values
 * and seeds must not repeat; the runs' directories (see {@link JobSpec}) must be unique ignoring case.
 * Every error is a {@link JobFileException} with the 1-based line and column of the offending node.
 * Stateless and thread-safe.
 */
public final class JobFile {

    /** The seed of runs for which the job file gives none. */
    public static final long DEFAULT_SEED = 1;

    /** Longest directory name a run may get. */
    static final int MAX_DIRECTORY_LENGTH = 200;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final List<String> TOP_KEYS = List.of("name", "defaults", "runs");
    private static final List<String> DEFAULT_KEYS = List.of("seed", "seeds", "threads", "params");
    private static final List<String> RUN_KEYS = List.of("name", "algorithm", "params", "inputs", "seed", "seeds", "threads", "sweep");

    private JobFile() {
    }

    /**
     * Reads and checks a job file (format only; {@link JobValidator} checks it against the algorithms).
     *
     * @param file the job file
     * @return the job, defaults applied
     * @throws JobFileException when the file cannot be read, is not valid YAML/JSON, or does not follow the format
     */
    public static JobSpec read(Path file) throws JobFileException {
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String lower = fileName.toLowerCase(Locale.ROOT);
        JsonFactory factory;
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            factory = new YAMLFactory();
        } else if (lower.endsWith(".json")) {
            factory = new JsonFactory();
        } else {
            throw new JobFileException(file, 0, 0, "unknown job file type; expected a .yaml, .yml or .json file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new JobFileException(file, 0, 0, "cannot read the job file: " + e, e);
        }
        Node root;
        try {
            JsonParser parser = factory.createParser(bytes);
            root = LocatedTree.parse(parser, file);
        } catch (IOException e) {
            throw new JobFileException(file, 0, 0, "cannot read the job file: " + e, e);
        }
        return new Reader(file, fileName).job(root);
    }

    /** Interprets the tree of one file. */
    private static final class Reader {
        private final Path file;
        private final String fileName;
        private final Path baseDir;

        Reader(Path file, String fileName) {
            this.file = file;
            this.fileName = fileName;
            Path parent = file.toAbsolutePath().normalize().getParent();
            this.baseDir = parent == null ? file.toAbsolutePath().getRoot() : parent;
        }

        JobSpec job(Node root) throws JobFileException {
            if (root == null) {
                throw new JobFileException(file, 1, 1, "the job file is empty; expected a mapping with a 'runs' list");
            }
            MapNode top = map(root, "(top level)");
            checkKeys(top, "", TOP_KEYS);
            String name = stem(fileName);
            Field nameField = top.fields.get("name");
            if (nameField != null) {
                name = text(nameField.value(), "name");
            }
            Defaults defaults = defaults(top.fields.get("defaults"));
            Field runsField = top.fields.get("runs");
            if (runsField == null) {
                throw error(top, "(top level)", "missing key 'runs' (the list of runs)");
            }
            ListNode runs = list(runsField.value(), "runs");
            List<JobEntry> entries = new ArrayList<>();
            for (int i = 0; i < runs.items.size(); i++) {
                entries.add(entry(i, runs.items.get(i), defaults));
            }
            checkDirectories(entries);
            return new JobSpec(file, name, entries);
        }

        private Defaults defaults(Field f) throws JobFileException {
            Defaults d = new Defaults();
            if (f == null) {
                return d;
            }
            MapNode m = map(f.value(), "defaults");
            checkKeys(m, "defaults.", DEFAULT_KEYS);
            seeds(m, "defaults.", d.seeds, d.locations);
            Field threads = m.fields.get("threads");
            if (threads != null) {
                d.threads = threads(threads.value(), "defaults.threads");
                d.locations.put("threads", at(threads.value(), "defaults.threads"));
            }
            Field params = m.fields.get("params");
            if (params != null) {
                params(map(params.value(), "defaults.params"), "defaults.params", d.params, d.locations);
            }
            return d;
        }

        private JobEntry entry(int i, Node node, Defaults defaults) throws JobFileException {
            String path = "runs[" + i + "]";
            MapNode m = map(node, path);
            checkKeys(m, path + ".", RUN_KEYS);
            Map<String, JobLocation> locations = new LinkedHashMap<>(defaults.locations);
            Field alg = m.fields.get("algorithm");
            if (alg == null) {
                throw error(m, path, "missing key 'algorithm' (the id of the algorithm to run)");
            }
            String algorithm = text(alg.value(), path + ".algorithm");
            locations.put("algorithm", at(alg.value(), path + ".algorithm"));
            String name = JobSpec.safe(algorithm);
            if (!NAME.matcher(name).matches()) {
                throw error(alg.value(), path + ".algorithm", "'" + algorithm + "' is not an algorithm id; expected one such as fbm.hurst");
            }
            Field nameField = m.fields.get("name");
            if (nameField != null) {
                name = text(nameField.value(), path + ".name");
                if (!NAME.matcher(name).matches()) {
                    throw error(nameField.value(), path + ".name", "'" + name + "' is not a usable directory name; use 1-100 letters, "
                            + "digits, '.', '_' or '-', starting with a letter or digit");
                }
                locations.put("name", at(nameField.value(), path + ".name"));
            }
            Map<String, String> params = new LinkedHashMap<>(defaults.params);
            Field paramsField = m.fields.get("params");
            if (paramsField != null) {
                params(map(paramsField.value(), path + ".params"), path + ".params", params, locations);
            }
            Map<String, List<String>> sweep = new LinkedHashMap<>();
            Field sweepField = m.fields.get("sweep");
            if (sweepField != null) {
                sweep(map(sweepField.value(), path + ".sweep"), path + ".sweep", paramsField, params, sweep, locations);
            }
            List<Path> inputs = new ArrayList<>();
            Field inputsField = m.fields.get("inputs");
            if (inputsField != null) {
                ListNode l = list(inputsField.value(), path + ".inputs");
                locations.put("inputs", at(l, path + ".inputs"));
                for (int j = 0; j < l.items.size(); j++) {
                    String p = path + ".inputs[" + j + "]";
                    String text = text(l.items.get(j), p);
                    if (text.isBlank()) {
                        throw error(l.items.get(j), p, "expected a file path, found empty text");
                    }
                    try {
                        inputs.add(baseDir.resolve(text).normalize());
                    } catch (java.nio.file.InvalidPathException e) {
                        throw error(l.items.get(j), p, "'" + text + "' is not a valid path: " + e.getReason());
                    }
                    locations.put("inputs[" + j + "]", at(l.items.get(j), p));
                }
            }
            List<Long> seeds = new ArrayList<>();
            Map<String, JobLocation> seedLocations = new LinkedHashMap<>();
            seeds(m, path + ".", seeds, seedLocations);
            if (seeds.isEmpty()) {
                seeds.addAll(defaults.seeds);
            } else {
                locations.keySet().removeIf(k -> k.equals("seed") || k.startsWith("seeds["));
                locations.putAll(seedLocations);
            }
            if (seeds.isEmpty()) {
                seeds.add(DEFAULT_SEED);
            }
            int threads = defaults.threads > 0 ? defaults.threads : RunRequest.defaultThreads();
            Field threadsField = m.fields.get("threads");
            if (threadsField != null) {
                threads = threads(threadsField.value(), path + ".threads");
                locations.put("threads", at(threadsField.value(), path + ".threads"));
            }
            return new JobEntry(i, name, algorithm, params, sweep, inputs, seeds, threads, at(m, path), locations);
        }

        private void params(MapNode m, String path, Map<String, String> into, Map<String, JobLocation> locations)
                throws JobFileException {
            for (Field f : m.fields.values()) {
                String p = path + "." + f.key();
                into.put(f.key(), value(f.value(), p));
                locations.put("params." + f.key(), at(f.value(), p));
            }
        }

        private void sweep(MapNode m, String path, Field ownParams, Map<String, String> params, Map<String, List<String>> into,
                Map<String, JobLocation> locations) throws JobFileException {
            if (m.fields.isEmpty()) {
                throw error(m, path, "expected at least one parameter to sweep");
            }
            MapNode own = ownParams == null ? null : (MapNode) ownParams.value();
            for (Field f : m.fields.values()) {
                String p = path + "." + f.key();
                if (own != null && own.fields.containsKey(f.key())) {
                    throw new JobFileException(file, f.line(), f.column(), p + ": '" + f.key()
                            + "' is both fixed in params and swept; remove it from one of them");
                }
                params.remove(f.key()); // a value from defaults is replaced by the sweep
                locations.remove("params." + f.key());
                ListNode values = list(f.value(), p);
                if (values.items.isEmpty()) {
                    throw error(values, p, "expected at least one value to sweep over");
                }
                locations.put("sweep." + f.key(), new JobLocation(p, f.line(), f.column()));
                List<String> texts = new ArrayList<>();
                Map<String, Node> seen = new HashMap<>();
                for (int j = 0; j < values.items.size(); j++) {
                    Node v = values.items.get(j);
                    String vp = p + "[" + j + "]";
                    String text = value(v, vp);
                    Node first = seen.putIfAbsent(text, v);
                    if (first != null) {
                        throw error(v, vp, "duplicate value '" + text + "' (first at line " + first.line + ", column " + first.column + ")");
                    }
                    texts.add(text);
                    locations.put("sweep." + f.key() + "[" + j + "]", at(v, vp));
                }
                into.put(f.key(), texts);
            }
        }

        /** Reads {@code seed} or {@code seeds} of a mapping into {@code into}; leaves it empty when neither is there. */
        private void seeds(MapNode m, String prefix, List<Long> into, Map<String, JobLocation> locations) throws JobFileException {
            Field seed = m.fields.get("seed");
            Field seeds = m.fields.get("seeds");
            if (seed != null && seeds != null) {
                Field later = seed.line() > seeds.line() || (seed.line() == seeds.line() && seed.column() > seeds.column()) ? seed : seeds;
                throw new JobFileException(file, later.line(), later.column(),
                        prefix + later.key() + ": give either 'seed' or 'seeds', not both");
            }
            if (seed != null) {
                into.add(integer(seed.value(), prefix + "seed"));
                locations.put("seed", at(seed.value(), prefix + "seed"));
            } else if (seeds != null) {
                ListNode l = list(seeds.value(), prefix + "seeds");
                if (l.items.isEmpty()) {
                    throw error(l, prefix + "seeds", "expected at least one seed");
                }
                Map<Long, Node> seen = new HashMap<>();
                for (int j = 0; j < l.items.size(); j++) {
                    String p = prefix + "seeds[" + j + "]";
                    long s = integer(l.items.get(j), p);
                    Node first = seen.putIfAbsent(s, l.items.get(j));
                    if (first != null) {
                        throw error(l.items.get(j), p, "duplicate seed " + s + " (first at line " + first.line + ", column "
                                + first.column + ")");
                    }
                    into.add(s);
                    locations.put("seeds[" + j + "]", at(l.items.get(j), p));
                }
            }
        }

        private void checkDirectories(List<JobEntry> entries) throws JobFileException {
            Map<String, JobEntry> seen = new HashMap<>();
            for (JobEntry e : entries) {
                for (JobRun r : JobSpec.expand(e)) {
                    if (r.directory().length() > MAX_DIRECTORY_LENGTH) {
                        throw error(e.location(), "runs[" + e.index() + "]", "directory name '" + r.directory() + "' is longer than "
                                + MAX_DIRECTORY_LENGTH + " characters; give the run a shorter name or sweep fewer parameters");
                    }
                    JobEntry first = seen.putIfAbsent(r.directory().toLowerCase(Locale.ROOT), e);
                    if (first != null) {
                        String by = first == e ? "by this run twice (sweep values that become equal in a directory name)"
                                : "by runs[" + first.index() + "] at line " + first.location().line() + ", column "
                                        + first.location().column();
                        throw error(e.location(), "runs[" + e.index() + "]", "directory '" + r.directory()
                                + "' is already used " + by + "; give this run a different 'name'");
                    }
                }
            }
        }

        private void checkKeys(MapNode m, String prefix, List<String> allowed) throws JobFileException {
            for (Field f : m.fields.values()) {
                if (!allowed.contains(f.key())) {
                    throw new JobFileException(file, f.line(), f.column(), prefix + f.key() + ": unknown key; expected one of "
                            + String.join(", ", allowed));
                }
            }
        }

        private MapNode map(Node n, String path) throws JobFileException {
            if (n instanceof MapNode m) {
                return m;
            }
            throw error(n, path, "expected a mapping, found " + n.describe());
        }

        private ListNode list(Node n, String path) throws JobFileException {
            if (n instanceof ListNode l) {
                return l;
            }
            throw error(n, path, "expected a list (e.g. [a, b]), found " + n.describe());
        }

        /** A non-null scalar as text. */
        private String text(Node n, String path) throws JobFileException {
            if (n instanceof Scalar s && !s.isNull()) {
                return s.text;
            }
            throw error(n, path, "expected text, found " + n.describe());
        }

        /** A parameter value: a number, boolean or text, as written. */
        private String value(Node n, String path) throws JobFileException {
            if (n instanceof Scalar s && !s.isNull()) {
                return s.text;
            }
            throw error(n, path, "expected a number, boolean or text, found " + n.describe());
        }

        private long integer(Node n, String path) throws JobFileException {
            if (n instanceof Scalar s && s.isInteger()) {
                try {
                    return Long.parseLong(s.text);
                } catch (NumberFormatException e) {
                    throw error(n, path, "expected a decimal integer that fits in 64 bits, found " + s.text);
                }
            }
            throw error(n, path, "expected an integer, found " + n.describe());
        }

        private int threads(Node n, String path) throws JobFileException {
            long t = integer(n, path);
            if (t < 1 || t > 65_536) {
                throw error(n, path, "expected a thread count from 1 to 65536, found " + t);
            }
            return (int) t;
        }

        private JobLocation at(Node n, String path) {
            return new JobLocation(path, n.line, n.column);
        }

        private JobFileException error(Node n, String path, String problem) {
            return new JobFileException(file, n.line, n.column, path + ": " + problem);
        }

        private JobFileException error(JobLocation l, String path, String problem) {
            return new JobFileException(file, l.line(), l.column(), path + ": " + problem);
        }

        private static String stem(String fileName) {
            int dot = fileName.lastIndexOf('.');
            return dot > 0 ? fileName.substring(0, dot) : fileName;
        }
    }

    /** What the {@code defaults} section gives. */
    private static final class Defaults {
        final List<Long> seeds = new ArrayList<>();
        final Map<String, String> params = new LinkedHashMap<>();
        final Map<String, JobLocation> locations = new LinkedHashMap<>();
        int threads;
    }
}
