package org.quire.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One input file given to a run.
 *
 * @param slot the {@link InputSpec#name()} of the slot it fills
 * @param path the file, absolute
 */
public record InputFile(String slot, Path path) {
    public InputFile {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(path, "path");
    }

    /** The file name without directories, for messages. */
    public String fileName() {
        Path f = path.getFileName();
        return f == null ? path.toString() : f.toString();
    }
}
