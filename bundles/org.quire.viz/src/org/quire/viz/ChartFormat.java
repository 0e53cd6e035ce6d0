package org.quire.viz;

import java.util.Locale;

/** The image formats charts are written in. */
public enum ChartFormat {
    /** Portable Network Graphics, a raster image. */
    PNG("png", "image/png"),
    /** Scalable Vector Graphics, a standalone UTF-8 XML document; text stays text. */
    SVG("svg", "image/svg+xml");

    private final String extension;
    private final String mediaType;

    ChartFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** File name extension without the dot, lower case: {@code png} or {@code svg}. */
    public String extension() {
        return extension;
    }

    /** The media (MIME) type. */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The format a file name ends in, ignoring case.
     *
     * @throws IllegalArgumentException when the name ends in neither {@code .png} nor {@code .svg}
     */
    public static ChartFormat ofFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (ChartFormat format : values()) {
            if (lower.endsWith("." + format.extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException("'" + fileName + "': expected a file name ending in .png or .svg");
    }
}
