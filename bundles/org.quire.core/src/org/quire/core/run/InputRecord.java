package org.quire.core.run;

import java.nio.file.Path;

/**
 * Provenance of one input file.
 *
 * @param slot   input slot name
 * @param path   absolute path
 * @param bytes  size in bytes
 * @param sha256 lower-case hex SHA-256 of the content
 */
public record InputRecord(String slot, Path path, long bytes, String sha256) {
}
