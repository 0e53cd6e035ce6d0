package org.quire.api.result;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file the algorithm writes verbatim into the run directory as {@code <name>.<extension>}: a trained model, a
 * generated instance, a 4&times;4 transform as text. For tabular or pictorial data prefer {@link Table},
 * {@link Image} and the other items, which the viewers understand. Since 1.1.
 *
 * @param name        file stem (unique among the result's file items)
 * @param extension   1-10 lower-case letters or digits, without the dot, e.g. {@code json}, {@code txt}
 * @param content     the bytes, written as they are
 * @param description one line for the report, e.g. "trained CSP network (load with surface.predict)"; may be empty
 */
public record ResultFile(String name, String extension, byte[] content, String description) {
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");

    public ResultFile {
        Names.check("file", name);
        if (extension == null || !EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("file '" + name + "': extension '" + extension
                    + "' must be 1-10 lower-case letters or digits without the dot");
        }
        if (content == null) {
            throw new IllegalArgumentException("file '" + name + "': content is null");
        }
        content = content.clone();
        description = description == null ? "" : description;
    }

    /** A UTF-8 text file. */
    public static ResultFile text(String name, String extension, String text, String description) {
        return new ResultFile(name, extension.toLowerCase(Locale.ROOT), text.getBytes(StandardCharsets.UTF_8), description);
    }

    /** The file name in the run directory, {@code <name>.<extension>}. */
    public String fileName() {
        return name + "." + extension;
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
