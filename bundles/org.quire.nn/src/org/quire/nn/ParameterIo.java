package org.quire.nn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saves and loads parameter values in a JSON-able form:
 * <pre>{"format":"quire-nn-parameters","version":1,
 *  "parameters":[{"name":"drift.0.weight","rows":3,"cols":64,"data":[...row-major...]}, ...]}</pre>
 * The map form uses only {@link LinkedHashMap}, {@link List}, {@link String}, {@link Integer} and {@link Double}
 * (non-finite values as the strings "NaN", "Infinity", "-Infinity"), so it can be handed to any JSON library; the
 * text form is the same structure, with doubles written so they read back exactly. Stateless and thread-safe.
 */
public final class ParameterIo {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "quire-nn-parameters";
    /** The value of the {@code version} field. */
    public static final int VERSION = 1;

    private ParameterIo() {
    }

    /** The values of {@code params} in map form. */
    public static Map<String, Object> toMap(List<Parameter> params) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        List<Object> list = new ArrayList<>();
        for (Parameter p : params) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", p.name());
            entry.put("rows", p.rows());
            entry.put("cols", p.cols());
            double[] d = p.value().data();
            List<Object> data = new ArrayList<>(d.length);
            for (double x : d) {
                data.add(Double.isFinite(x) ? (Object) x : (Object) Double.toString(x));
            }
            entry.put("data", data);
            list.add(entry);
        }
        root.put("parameters", list);
        return root;
    }

    /**
     * Copies the values in {@code map} (the {@link #toMap(List)} form) into {@code params}, matched by name. Every
     * parameter must be present with its shape; extra entries are an error too. Nothing is changed on error.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static void load(List<Parameter> params, Map<String, ?> map) {
        Object format = map.get("format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format: expected \"" + FORMAT + "\", found " + format);
        }
        Object version = map.get("version");
        if (!(version instanceof Number) || ((Number) version).intValue() != VERSION) {
            throw new IllegalArgumentException("version: expected " + VERSION + ", found " + version);
        }
        Object list = map.get("parameters");
        if (!(list instanceof List)) {
            throw new IllegalArgumentException("parameters: expected a list, found " + list);
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        List<?> entries = (List<?>) list;
        for (int i = 0; i < entries.size(); i++) {
            String where = "parameters[" + i + "]";
            if (!(entries.get(i) instanceof Map)) {
                throw new IllegalArgumentException(where + ": expected an object");
            }
            Map<?, ?> e = (Map<?, ?>) entries.get(i);
            Object name = e.get("name");
            if (!(name instanceof String)) {
                throw new IllegalArgumentException(where + ".name: expected a string, found " + name);
            }
            int rows = integer(e.get("rows"), where + ".rows");
            int cols = integer(e.get("cols"), where + ".cols");
            Object data = e.get("data");
            if (!(data instanceof List)) {
                throw new IllegalArgumentException(where + ".data: expected a list of numbers");
            }
            List<?> d = (List<?>) data;
            if ((long) rows * cols != d.size()) {
                throw new IllegalArgumentException(where + ".data: " + d.size() + " values for " + rows + "x" + cols);
            }
            double[] v = new double[d.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = number(d.get(j), where + ".data[" + j + "]");
            }
            if (values.put((String) name, v) != null) {
                throw new IllegalArgumentException(where + ".name: duplicate parameter " + name);
            }
            Parameter p = find(params, (String) name);
            if (p == null) {
                throw new IllegalArgumentException(where + ".name: no parameter called " + name + " in the model");
            }
            if (p.rows() != rows || p.cols() != cols) {
                throw new IllegalArgumentException(where + ": " + name + " is " + rows + "x" + cols + " in the file but "
                        + p.rows() + "x" + p.cols() + " in the model");
            }
        }
        Set<String> seen = new HashSet<>();
        for (Parameter p : params) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("model has two parameters called " + p.name());
            }
            if (!values.containsKey(p.name())) {
                throw new IllegalArgumentException("parameters: missing " + p.name());
            }
        }
        for (Parameter p : params) {
            double[] v = values.get(p.name());
            System.arraycopy(v, 0, p.value().data(), 0, v.length);
        }
    }

    /** The values of {@code params} as JSON text. */
    public static String toJson(List<Parameter> params) {
        StringBuilder sb = new StringBuilder();
        Json.write(toMap(params), sb);
        return sb.toString();
    }

    /** {@link #load(List, Map)} from JSON text. */
    public static void loadJson(List<Parameter> params, String json) {
        Object root = Json.parse(json);
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException("expected a JSON object at the top level");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> map = (Map<String, ?>) root;
        load(params, map);
    }

    private static Parameter find(List<Parameter> params, String name) {
        for (Parameter p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    private static int integer(Object o, String where) {
        if (o instanceof Number) {
            double d = ((Number) o).doubleValue();
            if (d == Math.rint(d) && d >= 0 && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw new IllegalArgumentException(where + ": expected a non-negative integer, found " + o);
    }

    private static double number(Object o, String where) {
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        if ("NaN".equals(o)) {
            return Double.NaN;
        }
        if ("Infinity".equals(o)) {
            return Double.POSITIVE_INFINITY;
        }
        if ("-Infinity".equals(o)) {
            return Double.NEGATIVE_INFINITY;
        }
        throw new IllegalArgumentException(where + ": expected a number, found " + o);
    }
}
