package org.quire.surface.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.quire.api.InputException;
import org.quire.api.result.Table;
import org.quire.nn.Parameter;
import org.quire.surface.csp.CspModel;
import org.quire.surface.csp.CspNetwork;
import org.quire.surface.csp.Normalisation;

/**
 * The model file of the surface family: since the result model has no "file" item, {@code surface.fit} writes its
 * model as a table (so the platform writes {@code model.csv}) with columns {@code tensor,row,col,value}, one row per
 * scalar, numbers in shortest round-trip form so that the weights read back bit for bit. Tensors:
 * <ul>
 * <li>{@code quire-csp-model} (1×1): the format version, {@value #VERSION};</li>
 * <li>{@code normalisation} (1×4): centre x, y, z and scale (world units per normalised unit);</li>
 * <li>{@code residual} (1×1): 1 when the network predicts {@code f(x) − x};</li>
 * <li>{@code csp.<l>.weight} ({@code in × out}) and {@code csp.<l>.bias} ({@code 1 × out}) for each layer l;</li>
 * <li>{@code source.samples} (n×3): points on the source surface in normalised coordinates (for Chamfer distances);</li>
 * <li>{@code source:<description>} (1×1, value 0): what the model was trained on.</li>
 * </ul>
 * Stateless.
 */
public final class ModelTable {

    /** Format version written and understood. */
    public static final int VERSION = 1;
    /** Name of the tensor that marks the format. */
    public static final String MARKER = "quire-csp-model";

    private ModelTable() {
    }

    /** The model as a table called {@code name}. */
    public static Table toTable(String name, CspModel model) {
        List<String> tensor = new ArrayList<>();
        List<double[]> cells = new ArrayList<>();
        add(tensor, cells, MARKER, 1, 1, new double[] {VERSION});
        Normalisation n = model.normalisation();
        add(tensor, cells, "normalisation", 1, 4, new double[] {n.cx(), n.cy(), n.cz(), n.scale()});
        add(tensor, cells, "residual", 1, 1, new double[] {model.network().residual() ? 1 : 0});
        for (Parameter p : model.network().parameters()) {
            add(tensor, cells, p.name(), p.rows(), p.cols(), p.value().data());
        }
        double[] s = model.sourceSamples();
        if (s.length > 0) {
            add(tensor, cells, "source.samples", s.length / 3, 3, s);
        }
        add(tensor, cells, "source:" + model.source(), 1, 1, new double[] {0});
        int rows = tensor.size();
        double[] r = new double[rows];
        double[] c = new double[rows];
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            r[i] = cells.get(i)[0];
            c[i] = cells.get(i)[1];
            v[i] = cells.get(i)[2];
        }
        return Table.builder(name).text("tensor", tensor.toArray(String[]::new)).numeric("row", r).numeric("col", c)
                .numeric("value", v).build();
    }

    private static void add(List<String> tensor, List<double[]> cells, String name, int rows, int cols, double[] data) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                tensor.add(name);
                cells.add(new double[] {i, j, data[i * cols + j]});
            }
        }
    }

    /**
     * Reads a model file written from {@link #toTable}.
     *
     * @throws InputException naming the file and line when the header, a tensor or a shape is wrong
     */
    public static CspModel read(Path file) throws InputException {
        List<Csv.Row> rows = Csv.read(file);
        if (rows.isEmpty()) {
            throw new InputException(file, 0, "empty file: expected a model written by surface.fit (tensor,row,col,value)");
        }
        List<String> header = rows.get(0).fields();
        int ct = Csv.column(header, "tensor");
        int cr = Csv.column(header, "row");
        int cc = Csv.column(header, "col");
        int cv = Csv.column(header, "value");
        if (ct < 0 || cr < 0 || cc < 0 || cv < 0) {
            throw new InputException(file, rows.get(0).line(), "header " + header
                    + " is not a model's: expected tensor,row,col,value (the model.csv written by surface.fit)");
        }
        Map<String, List<double[]>> tensors = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        String source = "";
        for (int i = 1; i < rows.size(); i++) {
            Csv.Row row = rows.get(i);
            if (ct >= row.fields().size()) {
                throw new InputException(file, row.line(), "missing column 'tensor'");
            }
            String name = row.fields().get(ct);
            if (name.startsWith("source:")) {
                source = name.substring("source:".length());
                continue;
            }
            double r = Csv.number(file, row, cr, "row");
            double c = Csv.number(file, row, cc, "col");
            double v = Csv.number(file, row, cv, "value");
            tensors.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {r, c, v, row.line()});
            firstLine.putIfAbsent(name, row.line());
        }
        double[] version = dense(file, tensors, firstLine, MARKER, 1, 1);
        if (version == null) {
            throw new InputException(file, 0, "no '" + MARKER + "' tensor: not a model written by surface.fit");
        }
        if (version[0] != VERSION) {
            throw new InputException(file, firstLine.get(MARKER), "model format version " + version[0] + ", expected " + VERSION);
        }
        double[] norm = require(file, tensors, firstLine, "normalisation", 1, 4);
        double[] residual = require(file, tensors, firstLine, "residual", 1, 1);
        List<double[]> w0 = tensors.get(CspNetwork.NAME + ".0.weight");
        if (w0 == null) {
            throw new InputException(file, 0, "missing tensor '" + CspNetwork.NAME + ".0.weight'");
        }
        int width = 0;
        for (double[] e : w0) {
            width = Math.max(width, (int) e[1] + 1);
        }
        int layers = 0;
        while (tensors.containsKey(CspNetwork.NAME + "." + layers + ".weight")) {
            layers++;
        }
        if (layers < 2) {
            throw new InputException(file, 0, "the network needs at least 2 layers, found " + layers);
        }
        CspNetwork net = new CspNetwork(width, layers - 1, residual[0] != 0, new SplittableRandom(0));
        for (Parameter p : net.parameters()) {
            double[] data = require(file, tensors, firstLine, p.name(), p.rows(), p.cols());
            System.arraycopy(data, 0, p.value().data(), 0, data.length);
        }
        for (String name : tensors.keySet()) {
            boolean known = name.equals(MARKER) || name.equals("normalisation") || name.equals("residual")
                    || name.equals("source.samples") || net.parameters().stream().anyMatch(p -> p.name().equals(name));
            if (!known) {
                throw new InputException(file, firstLine.get(name), "unexpected tensor '" + name + "' for a network of "
                        + (layers - 1) + " hidden layers of width " + width);
            }
        }
        double[] samples = new double[0];
        List<double[]> s = tensors.get("source.samples");
        if (s != null) {
            samples = require(file, tensors, firstLine, "source.samples", s.size() / 3, 3);
        }
        Normalisation normalisation;
        try {
            normalisation = new Normalisation(norm[0], norm[1], norm[2], norm[3]);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, firstLine.get("normalisation"), e.getMessage());
        }
        return new CspModel(net, normalisation, samples, source);
    }

    private static double[] require(Path file, Map<String, List<double[]>> tensors, Map<String, Long> lines, String name,
            int rows, int cols) throws InputException {
        double[] d = dense(file, tensors, lines, name, rows, cols);
        if (d == null) {
            throw new InputException(file, 0, "missing tensor '" + name + "' (" + rows + "x" + cols + ")");
        }
        return d;
    }

    private static double[] dense(Path file, Map<String, List<double[]>> tensors, Map<String, Long> lines, String name,
            int rows, int cols) throws InputException {
        List<double[]> entries = tensors.get(name);
        if (entries == null) {
            return null;
        }
        if (entries.size() != rows * cols) {
            throw new InputException(file, lines.get(name), "tensor '" + name + "' has " + entries.size() + " values, expected "
                    + rows + "x" + cols);
        }
        double[] out = new double[rows * cols];
        boolean[] seen = new boolean[rows * cols];
        for (double[] e : entries) {
            int r = (int) e[0];
            int c = (int) e[1];
            if (r != e[0] || c != e[1] || r < 0 || r >= rows || c < 0 || c >= cols || seen[r * cols + c]) {
                throw new InputException(file, (long) e[3], "tensor '" + name + "': cell (" + e[0] + ", " + e[1]
                        + ") is outside " + rows + "x" + cols + " or repeated");
            }
            seen[r * cols + c] = true;
            out[r * cols + c] = e[2];
        }
        return out;
    }
}
