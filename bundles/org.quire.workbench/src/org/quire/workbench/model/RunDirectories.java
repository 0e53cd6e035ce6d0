package org.quire.workbench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import org.quire.core.plugins.QuireHome;

/**
 * Where the workbench writes run directories: {@code <home>/runs/<yyyyMMdd-HHmmss>-<algorithm>},
 * with {@code -2}, {@code -3}, ... appended when two runs of one algorithm start in the same second.
 * The home is {@link QuireHome#directory()}. Thread-safe.
 */
public final class RunDirectories {

    /** System property that overrides the Quire home directory. */
    public static final String HOME_PROPERTY = QuireHome.HOME_PROPERTY;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;
    private final ZoneId zone;
    private final Set<Path> reserved = new HashSet<>();

    /**
     * @param home the Quire home; run directories go to its {@code runs} child
     * @param zone time zone of the time stamps in directory names
     */
    public RunDirectories(Path home, ZoneId zone) {
        this.root = Objects.requireNonNull(home, "home").resolve("runs");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Run directories under the Quire home ({@link QuireHome}), stamped in the system time zone. */
    public static RunDirectories fromSystem() {
        return new RunDirectories(QuireHome.directory().toAbsolutePath(), ZoneId.systemDefault());
    }

    /** The directory that holds the run directories. */
    public Path root() {
        return root;
    }

    /**
     * A fresh run directory path for a run of {@code algorithmId} started at {@code startedAt}. The
     * path does not exist yet and is not handed out twice; its parent is created.
     *
     * @throws IOException when the runs directory cannot be created
     */
    public Path allocate(Instant startedAt, String algorithmId) throws IOException {
        Files.createDirectories(root);
        String stem = STAMP.format(startedAt.atZone(zone)) + "-" + algorithmId;
        synchronized (reserved) {
            Path candidate = root.resolve(stem);
            for (int n = 2; reserved.contains(candidate) || Files.exists(candidate); n++) {
                candidate = root.resolve(stem + "-" + n);
            }
            reserved.add(candidate);
            return candidate;
        }
    }
}
