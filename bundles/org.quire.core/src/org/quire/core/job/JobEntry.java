package org.quire.core.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a job file's {@code runs} list, with the job's defaults already applied. An entry expands
 * into one run per point of its sweep (cartesian product, first sweep parameter varying slowest) and seed.
 * Immutable.
 *
 * @param index     0-based position in {@code runs}
 * @param name      directory name (default: the algorithm id); letters, digits, '.', '_' and '-'
 * @param algorithm algorithm id as written
 * @param params    fixed parameter values as text, exactly as written (defaults first, then the entry's own)
 * @param sweep     swept parameters, each with its values as text, in written order; empty when none
 * @param inputs    input files, resolved against the job file's directory
 * @param seeds     the seeds, at least one (default {@code [1]})
 * @param threads   thread budget, &ge; 1
 * @param location  where the entry starts
 * @param locations where its parts were written, by key: {@code name}, {@code algorithm}, {@code params.<p>},
 *                  {@code sweep.<p>}, {@code sweep.<p>[j]}, {@code inputs}, {@code inputs[j]}, {@code seed},
 *                  {@code seeds[j]}, {@code threads} (values taken from {@code defaults} point there)
 */
public record JobEntry(int index, String name, String algorithm, Map<String, String> params, Map<String, List<String>> sweep,
        List<Path> inputs, List<Long> seeds, int threads, JobLocation location, Map<String, JobLocation> locations) {

    public JobEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(location, "location");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Map<String, List<String>> s = new LinkedHashMap<>();
        sweep.forEach((k, v) -> s.put(k, List.copyOf(v)));
        sweep = Collections.unmodifiableMap(s);
        inputs = List.copyOf(inputs);
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("runs[" + index + "]: at least one seed is needed");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("runs[" + index + "]: threads must be >= 1, got " + threads);
        }
        locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
    }

    /** Where the part {@code key} (see {@link #locations()}) was written, or the entry's own location. */
    public JobLocation locate(String key) {
        return locations.getOrDefault(key, location);
    }

    /** The sweep's points in order: each a map from swept parameter to value; one empty map without sweep. */
    public List<Map<String, String>> sweepPoints() {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> e : sweep.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>(points.size() * e.getValue().size());
            for (Map<String, String> p : points) {
                for (String v : e.getValue()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(e.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points.stream().map(Collections::unmodifiableMap).toList();
    }

    /** Number of runs this entry expands into. */
    public int runCount() {
        long n = seeds.size();
        for (List<String> v : sweep.values()) {
            n *= v.size();
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }
}
