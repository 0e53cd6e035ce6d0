package org.quire.geometry.io;

/** The DATA encodings of PCD files. */
public enum PcdEncoding {
    /** Text, one point per line. */
    ASCII,
    /** Little endian binary, point after point. */
    BINARY,
    /** LZF-compressed little endian binary, field after field. */
    BINARY_COMPRESSED
}
