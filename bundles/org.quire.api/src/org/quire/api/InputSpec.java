package org.quire.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One input slot of an algorithm, as declared by {@link Input}.
 *
 * @param name        slot name
 * @param description what the file holds
 * @param formats     accepted extensions (lower case, no dot); empty accepts any
 * @param minCount    fewest files, &ge; 0
 * @param maxCount    most files, &ge; max(1, minCount)
 */
public record InputSpec(String name, String description, List<String> formats, int minCount, int maxCount) {
    public InputSpec {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        formats = List.copyOf(formats);
        if (minCount < 0 || maxCount < Math.max(1, minCount)) {
            throw new IllegalArgumentException("input '" + name + "': need 0 <= minCount <= maxCount, maxCount >= 1");
        }
    }

    static InputSpec of(Input in) {
        return new InputSpec(in.name(), in.description(),
                List.of(in.formats()).stream().map(f -> f.toLowerCase(Locale.ROOT)).toList(),
                in.minCount(), in.maxCount());
    }

    /** Whether a file name has one of the accepted extensions (case-insensitive); always true when none are declared. */
    public boolean accepts(String fileName) {
        if (formats.isEmpty()) {
            return true;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        return formats.stream().anyMatch(f -> lower.endsWith("." + f));
    }
}
