package org.quire.nn;

import java.util.Arrays;

/**
 * A dense, mutable, row-major matrix of doubles: element (r, c) is {@code data()[r * cols() + c]}. Rows are
 * batch entries and columns features. Not thread-safe for concurrent writes.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    /** A {@code rows x cols} matrix of zeros; both sizes &ge; 0. */
    public Matrix(int rows, int cols) {
        this(rows, cols, new double[checkedSize(rows, cols)]);
    }

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A matrix backed by {@code data} (not copied); {@code data.length} must be {@code rows * cols}. */
    public static Matrix wrap(int rows, int cols, double[] data) {
        int size = checkedSize(rows, cols);
        if (data.length != size) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected rows*cols = " + rows + "*" + cols + " = " + size);
        }
        return new Matrix(rows, cols, data);
    }

    /** A copy of the rectangular array {@code values} (values[r][c]); at least one row. */
    public static Matrix of(double[][] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values has no rows");
        }
        int cols = values[0].length;
        Matrix m = new Matrix(values.length, cols);
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("values[" + r + "] has " + values[r].length + " columns, expected " + cols);
            }
            System.arraycopy(values[r], 0, m.data, r * cols, cols);
        }
        return m;
    }

    /** An {@code n x 1} column holding a copy of {@code values}. */
    public static Matrix column(double... values) {
        return new Matrix(values.length, 1, values.clone());
    }

    /** A {@code 1 x n} row holding a copy of {@code values}. */
    public static Matrix row(double... values) {
        return new Matrix(1, values.length, values.clone());
    }

    /** A {@code rows x cols} matrix with every element {@code value}. */
    public static Matrix filled(int rows, int cols, double value) {
        Matrix m = new Matrix(rows, cols);
        Arrays.fill(m.data, value);
        return m;
    }

    /** Number of rows (batch size). */
    public int rows() {
        return rows;
    }

    /** Number of columns (features). */
    public int cols() {
        return cols;
    }

    /** {@code rows * cols}. */
    public int size() {
        return data.length;
    }

    /** The live backing array, row-major. */
    public double[] data() {
        return data;
    }

    /** Element (r, c). */
    public double get(int r, int c) {
        return data[index(r, c)];
    }

    /** Sets element (r, c). */
    public void set(int r, int c, double value) {
        data[index(r, c)] = value;
    }

    /** A deep copy. */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** The elements as a new {@code double[rows][cols]}. */
    public double[][] toArray() {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * cols, out[r], 0, cols);
        }
        return out;
    }

    private int index(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("(" + r + ", " + c + ") outside a " + rows + "x" + cols + " matrix");
        }
        return r * cols + c;
    }

    static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix size must be >= 0, was " + rows + "x" + cols);
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix " + rows + "x" + cols + " is too large");
        }
        return (int) size;
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + "x" + cols + "]";
    }
}
