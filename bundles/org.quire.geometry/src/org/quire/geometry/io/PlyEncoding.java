package org.quire.geometry.io;

/** The body encodings of PLY files. */
public enum PlyEncoding {
    /** Text, one element per line. */
    ASCII("ascii"),
    /** Binary, little endian (the common choice). */
    BINARY_LITTLE_ENDIAN("binary_little_endian"),
    /** Binary, big endian. */
    BINARY_BIG_ENDIAN("binary_big_endian");

    final String headerName;

    PlyEncoding(String headerName) {
        this.headerName = headerName;
    }
}
