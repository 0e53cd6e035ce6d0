package org.quire.core.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.quire.core.run.RunRequest;

/**
 * A job read from a job file: its name and its run entries, defaults applied. Immutable.
 *
 * <p>{@link #expand()} gives the runs in order: entries in written order; within an entry the sweep points
 * (cartesian product in the written order of the swept parameters, the first varying slowest), and for each
 * point the seeds in written order. A run's directory is the entry's name alone when the entry has no sweep
 * and a single seed, else the name followed by {@code -<param>_<value>} for each swept parameter and
 * {@code -seed_<seed>}, e.g. {@code walk-steps_10-rate_0.1-seed_1}; characters other than letters, digits,
 * '.', '_' and '-' in parameter names and values become '_'. {@link JobFile#read} guarantees that these
 * directories are unique (ignoring case).
 *
 * @param file    the job file as given
 * @param name    the job's name (default: the file name without extension)
 * @param entries the run entries in written order
 */
public record JobSpec(Path file, String name, List<JobEntry> entries) {

    public JobSpec {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
    }

    /** All runs, in order (see the class comment). */
    public List<JobRun> expand() {
        List<JobRun> runs = new ArrayList<>();
        for (JobEntry e : entries) {
            runs.addAll(expand(e));
        }
        return runs;
    }

    /** The runs of one entry, in order. */
    static List<JobRun> expand(JobEntry e) {
        List<JobRun> runs = new ArrayList<>(e.runCount());
        boolean suffixed = !e.sweep().isEmpty() || e.seeds().size() > 1;
        for (Map<String, String> point : e.sweepPoints()) {
            Map<String, String> params = new LinkedHashMap<>(e.params());
            params.putAll(point);
            for (long seed : e.seeds()) {
                String dir = suffixed ? directory(e.name(), point, seed) : e.name();
                RunRequest request = new RunRequest(e.algorithm(), params, e.inputs(), seed, e.threads());
                runs.add(new JobRun(dir, request, e.location().line(), e.location().column()));
            }
        }
        return runs;
    }

    /** {@code name-p1_v1-p2_v2-seed_s}, made file-system safe. */
    static String directory(String name, Map<String, String> point, long seed) {
        StringBuilder sb = new StringBuilder(name);
        point.forEach((k, v) -> sb.append('-').append(safe(k)).append('_').append(safe(v)));
        return sb.append("-seed_").append(seed).toString();
    }

    /** Replaces every character other than ASCII letters, digits, '.', '_' and '-' by '_'. */
    static String safe(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '-';
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }
}
