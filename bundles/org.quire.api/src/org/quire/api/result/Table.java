package org.quire.api.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named table stored by columns; each column is numeric or text and all have the same length.
 * Written as {@code <name>.csv}. Build with {@link #builder(String)}.
 *
 * @param name    file stem
 * @param columns the columns in order
 */
public record Table(String name, List<Column> columns) {

    /**
     * One column.
     *
     * @param name    header
     * @param unit    unit, empty when none
     * @param numbers values when numeric, else null
     * @param texts   values when text, else null
     */
    public record Column(String name, String unit, double[] numbers, String[] texts) {
        public Column {
            Objects.requireNonNull(name, "column name");
            unit = unit == null ? "" : unit;
            if ((numbers == null) == (texts == null)) {
                throw new IllegalArgumentException("column '" + name + "' must be numeric or text");
            }
            numbers = numbers == null ? null : numbers.clone();
            texts = texts == null ? null : texts.clone();
        }

        /** Whether the column holds numbers. */
        public boolean isNumeric() {
            return numbers != null;
        }

        /** Number of rows. */
        public int size() {
            return numbers != null ? numbers.length : texts.length;
        }

        /** The cell in row {@code row} as a number (numeric columns only). */
        public double number(int row) {
            return numbers[row];
        }

        /** The cell in row {@code row} as text (numbers formatted shortest round-trip). */
        public String text(int row) {
            return numbers != null ? Double.toString(numbers[row]) : texts[row];
        }

        @Override
        public double[] numbers() {
            return numbers == null ? null : numbers.clone();
        }

        @Override
        public String[] texts() {
            return texts == null ? null : texts.clone();
        }
    }

    public Table {
        Names.check("table", name);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + name + "' has no columns");
        }
        int rows = columns.get(0).size();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("table '" + name + "': column '" + c.name() + "' has " + c.size()
                        + " rows, expected " + rows);
            }
        }
    }

    /** Number of rows. */
    public int rowCount() {
        return columns.get(0).size();
    }

    /** A builder for a table called {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects columns. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Adds a numeric column. */
        public Builder numeric(String column, String unit, double[] values) {
            columns.add(new Column(column, unit, values, null));
            return this;
        }

        /** Adds a numeric column without unit. */
        public Builder numeric(String column, double[] values) {
            return numeric(column, "", values);
        }

        /** Adds a text column. */
        public Builder text(String column, String[] values) {
            columns.add(new Column(column, "", null, values));
            return this;
        }

        /** The table. */
        public Table build() {
            return new Table(name, columns);
        }
    }
}
