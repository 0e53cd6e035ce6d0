package org.quire.api.params;

/** The value types a parameter may have. */
public enum ParameterType {
    /** {@code int}. */
    INTEGER,
    /** {@code long}. */
    LONG,
    /** {@code double}; accepts decimal and scientific notation, not NaN. */
    REAL,
    /** {@code boolean}; {@code true} or {@code false}. */
    BOOLEAN,
    /** {@code String}, possibly restricted to choices. */
    TEXT,
    /** An enum; the choices are its constant names. */
    CHOICE;

    /** The JSON-schema-like type name used in {@code quire list --json}. */
    public String jsonName() {
        return switch (this) {
            case INTEGER, LONG -> "integer";
            case REAL -> "number";
            case BOOLEAN -> "boolean";
            case TEXT, CHOICE -> "string";
        };
    }
}
