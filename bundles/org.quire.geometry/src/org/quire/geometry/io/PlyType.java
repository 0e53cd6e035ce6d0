package org.quire.geometry.io;

import java.util.Locale;

/** The scalar types of PLY properties with their sizes in bytes. */
enum PlyType {
    CHAR(1, true), UCHAR(1, true), SHORT(2, true), USHORT(2, true), INT(4, true), UINT(4, true), FLOAT(4, false),
    DOUBLE(8, false);

    final int size;
    final boolean integral;

    PlyType(int size, boolean integral) {
        this.size = size;
        this.integral = integral;
    }

    /** The type for a PLY type name (both the classic and the sized spellings), or null. */
    static PlyType parse(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
        case "char": case "int8": return CHAR;
        case "uchar": case "uint8": return UCHAR;
        case "short": case "int16": return SHORT;
        case "ushort": case "uint16": return USHORT;
        case "int": case "int32": return INT;
        case "uint": case "uint32": return UINT;
        case "float": case "float32": return FLOAT;
        case "double": case "float64": return DOUBLE;
        default: return null;
        }
    }

    /** The classic PLY spelling. */
    String plyName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
