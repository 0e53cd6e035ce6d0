package org.quire.core.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts result values, metrics and parameters to Jackson trees and writes them as pretty,
 * deterministic JSON (objects indented by two spaces with {@code "\n"} line ends, arrays on one line,
 * so that vectors and matrices stay readable). Non-finite numbers become {@code null}. Stateless and
 * thread-safe.
 */
final class JsonValues {

    /** Nesting depth beyond which a value is rejected (guards against cyclic lists and maps). */
    static final int MAX_DEPTH = 64;

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private static final ObjectWriter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(new DefaultPrettyPrinter.FixedSpaceIndenter());
        PRETTY = MAPPER.writer(printer);
    }

    private JsonValues() {
    }

    /** A new empty object node. */
    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new empty array node. */
    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A number node, or null for NaN and infinities. */
    static JsonNode number(double v) {
        return Double.isFinite(v) ? NODES.numberNode(v) : NODES.nullNode();
    }

    /** Metrics as an object, in their order; NaN and infinities as null. */
    static ObjectNode metrics(Map<String, Double> metrics) {
        ObjectNode o = object();
        metrics.forEach((k, v) -> o.set(k, v == null ? NODES.nullNode() : number(v)));
        return o;
    }

    /**
     * Converts a value of the kinds allowed in {@link org.quire.api.result.Result#values()}: null,
     * Boolean, Number, String, arrays (primitive or of these), Lists, Maps with String keys, and records
     * (as objects of their components).
     *
     * @param path where the value sits, for the error message, e.g. {@code values.transform}
     * @throws IOException naming the path and the offending type when a value is not allowed
     */
    static JsonNode toNode(String path, Object value) throws IOException {
        return toNode(path, value, 0);
    }

    private static JsonNode toNode(String path, Object v, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException(path + ": nested deeper than " + MAX_DEPTH + " levels (is a list or map inside itself?)");
        }
        if (v == null) {
            return NODES.nullNode();
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof String s) {
            return NODES.textNode(s);
        } else if (v instanceof Number n) {
            return numberNode(n);
        } else if (v.getClass().isArray()) {
            ArrayNode a = array();
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                a.add(toNode(path + "[" + i + "]", Array.get(v, i), depth + 1));
            }
            return a;
        } else if (v instanceof List<?> list) {
            ArrayNode a = array();
            int i = 0;
            for (Object item : list) {
                a.add(toNode(path + "[" + i++ + "]", item, depth + 1));
            }
            return a;
        } else if (v instanceof Map<?, ?> map) {
            ObjectNode o = object();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IOException(path + ": map key " + e.getKey() + " is a "
                            + (e.getKey() == null ? "null" : e.getKey().getClass().getName()) + "; only String keys are allowed");
                }
                o.set(key, toNode(path + "." + key, e.getValue(), depth + 1));
            }
            return o;
        } else if (v instanceof Record r) {
            ObjectNode o = object();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object cv;
                try {
                    var accessor = c.getAccessor();
                    accessor.setAccessible(true);
                    cv = accessor.invoke(r);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IOException(path + "." + c.getName() + ": cannot read record component: " + e, e);
                }
                o.set(c.getName(), toNode(path + "." + c.getName(), cv, depth + 1));
            }
            return o;
        }
        throw new IOException(path + ": unsupported value type " + v.getClass().getName()
                + " (allowed: null, Boolean, Number, String, arrays, List, Map with String keys, records)");
    }

    private static JsonNode numberNode(Number n) {
        if (n instanceof Double d) {
            return number(d);
        } else if (n instanceof Float f) {
            return Float.isFinite(f) ? NODES.numberNode(f) : NODES.nullNode();
        } else if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return NODES.numberNode(n.intValue());
        } else if (n instanceof Long l) {
            return NODES.numberNode(l);
        } else if (n instanceof BigInteger b) {
            return NODES.numberNode(b);
        } else if (n instanceof BigDecimal b) {
            return NODES.numberNode(b);
        } else if (n instanceof java.util.concurrent.atomic.AtomicInteger || n instanceof java.util.concurrent.atomic.AtomicLong) {
            return NODES.numberNode(n.longValue());
        }
        return number(n.doubleValue());
    }

    /** Writes a tree as pretty JSON followed by a newline; does not close the stream. */
    static void write(JsonNode node, OutputStream out) throws IOException {
        PRETTY.writeValue(out, node);
        out.write('\n');
    }

    /** A tree as pretty JSON text (no trailing newline). */
    static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads JSON (for cleaning up after an earlier run). */
    static JsonNode read(byte[] json) throws IOException {
        return MAPPER.readTree(json);
    }
}
