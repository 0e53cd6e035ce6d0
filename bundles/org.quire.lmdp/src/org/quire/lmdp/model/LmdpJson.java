package org.quire.lmdp.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quire.api.InputException;

/**
 * Reads and writes the LMDP JSON format of issue 4 (0-based states, actions, contexts):
 * <pre>{"states": S, "actions": A, "horizon": H,
 *  "contexts": [{"weight": w, "initial": [S], "transitions": [S][A][S], "rewards": [S][A]}, ...]}</pre>
 * Optional "name" is ignored on reading. Errors are {@link InputException}s with the JSON line and the offending
 * context, state and action. Stateless and thread-safe.
 */
public final class LmdpJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private LmdpJson() {
    }

    /** A parsed JSON value with the line it starts on. */
    private record Node(Object value, int line) {
    }

    /** Reads and validates an LMDP file. */
    public static Lmdp read(Path file) throws InputException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /** Parses LMDP JSON text; {@code file} is used in messages only (may be null). */
    public static Lmdp parse(String text, Path file) throws InputException {
        Node root;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InputException(file, 1, "the file is empty; expected a JSON object with states, actions, horizon, contexts");
            }
            root = readValue(p);
        } catch (JsonProcessingException e) {
            throw new InputException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot parse: " + e.getMessage(), e);
        }
        return new Reader(file).model(root);
    }

    private static Node readValue(JsonParser p) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        switch (t) {
        case START_OBJECT: {
            Map<String, Node> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                map.put(name, readValue(p));
            }
            return new Node(map, line);
        }
        case START_ARRAY: {
            List<Node> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(readValue(p));
            }
            return new Node(list, line);
        }
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
            return new Node(p.getDoubleValue(), line);
        case VALUE_STRING:
            return new Node(p.getText(), line);
        case VALUE_TRUE:
        case VALUE_FALSE:
            return new Node(p.getBooleanValue(), line);
        default:
            return new Node(null, line);
        }
    }

    /** Validation with line numbers. */
    private static final class Reader {
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        InputException error(Node at, String message) {
            return new InputException(file, at.line(), message);
        }

        @SuppressWarnings("unchecked")
        Map<String, Node> object(Node n, String what) throws InputException {
            if (!(n.value() instanceof Map)) {
                throw error(n, what + ": expected a JSON object");
            }
            return (Map<String, Node>) n.value();
        }

        @SuppressWarnings("unchecked")
        List<Node> array(Node n, int length, String what) throws InputException {
            if (!(n.value() instanceof List)) {
                throw error(n, what + ": expected an array of " + length + " entries");
            }
            List<Node> l = (List<Node>) n.value();
            if (l.size() != length) {
                throw error(n, what + ": expected " + length + " entries, found " + l.size());
            }
            return l;
        }

        Node field(Map<String, Node> obj, Node at, String name, String what) throws InputException {
            Node n = obj.get(name);
            if (n == null) {
                throw error(at, what + ": missing field \"" + name + "\"");
            }
            return n;
        }

        double number(Node n, String what) throws InputException {
            if (!(n.value() instanceof Double d)) {
                throw error(n, what + ": expected a number");
            }
            if (!Double.isFinite(d)) {
                throw error(n, what + ": expected a finite number, got " + d);
            }
            return d;
        }

        double nonNegative(Node n, String what) throws InputException {
            double d = number(n, what);
            if (d < 0) {
                throw error(n, what + ": must be >= 0, got " + d);
            }
            return d;
        }

        int positiveInt(Map<String, Node> obj, Node at, String name) throws InputException {
            Node n = field(obj, at, name, "top level");
            double d = number(n, "\"" + name + "\"");
            if (d < 1 || d != Math.rint(d) || d > 1_000_000) {
                throw error(n, "\"" + name + "\": expected a positive integer, got " + d);
            }
            return (int) d;
        }

        double[] distribution(Node n, int length, String what) throws InputException {
            List<Node> l = array(n, length, what);
            double[] row = new double[length];
            double sum = 0;
            for (int i = 0; i < length; i++) {
                row[i] = nonNegative(l.get(i), what + ", entry " + i);
                sum += row[i];
            }
            if (Math.abs(sum - 1) > Lmdp.SUM_TOLERANCE) {
                throw error(n, what + ": must sum to 1 within " + Lmdp.SUM_TOLERANCE + ", sums to " + sum);
            }
            return row;
        }

        Lmdp model(Node root) throws InputException {
            Map<String, Node> top = object(root, "top level");
            int states = positiveInt(top, root, "states");
            int actions = positiveInt(top, root, "actions");
            int horizon = positiveInt(top, root, "horizon");
            Node ctxNode = field(top, root, "contexts", "top level");
            if (!(ctxNode.value() instanceof List<?> ctxList) || ctxList.isEmpty()) {
                throw error(ctxNode, "\"contexts\": expected a non-empty array of context objects");
            }
            int contexts = ctxList.size();
            Lmdp.Builder b = Lmdp.builder(contexts, states, actions, horizon);
            double wsum = 0;
            for (int m = 0; m < contexts; m++) {
                Node cn = (Node) ctxList.get(m);
                String cw = "context " + m;
                Map<String, Node> c = object(cn, cw);
                double w = nonNegative(field(c, cn, "weight", cw), cw + ", weight");
                wsum += w;
                b.weight(m, w);
                b.initial(m, distribution(field(c, cn, "initial", cw), states, cw + ", initial"));
                List<Node> ts = array(field(c, cn, "transitions", cw), states, cw + ", transitions");
                List<Node> rs = array(field(c, cn, "rewards", cw), states, cw + ", rewards");
                for (int s = 0; s < states; s++) {
                    List<Node> tsa = array(ts.get(s), actions, cw + ", transitions of state " + s);
                    List<Node> rsa = array(rs.get(s), actions, cw + ", rewards of state " + s);
                    for (int a = 0; a < actions; a++) {
                        String where = cw + ", state " + s + ", action " + a;
                        b.transitions(m, s, a, distribution(tsa.get(a), states, where + ", transitions"));
                        b.reward(m, s, a, nonNegative(rsa.get(a), where + ", reward"));
                    }
                }
            }
            if (Math.abs(wsum - 1) > Lmdp.SUM_TOLERANCE) {
                throw error(ctxNode, "context weights must sum to 1 within " + Lmdp.SUM_TOLERANCE + ", they sum to " + wsum);
            }
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw error(root, e.getMessage());
            }
        }
    }

    /**
     * Warnings that do not prevent planning: currently one when an episode's return can exceed 1 (the horizon-free
     * setting assumes it cannot), with the maximal return from {@link Lmdp#maxReturn()}.
     */
    public static List<String> warnings(Lmdp lmdp) {
        List<String> w = new ArrayList<>();
        double max = lmdp.maxReturn();
        if (max > 1 + Lmdp.SUM_TOLERANCE) {
            w.add(String.format(Locale.ROOT,
                    "an episode's return can exceed 1: it reaches %.6g (max over contexts, actions and reachable successors); "
                            + "the horizon-free setting assumes returns in [0, 1]", max));
        }
        return w;
    }

    /** Writes the LMDP in the issue-4 format (pretty-printed, UTF-8). */
    public static void write(Lmdp lmdp, Path file) throws IOException {
        Files.writeString(file, toJson(lmdp), StandardCharsets.UTF_8);
    }

    /** The LMDP as JSON text in the issue-4 format; numbers are written with full precision. */
    public static String toJson(Lmdp lmdp) {
        StringWriter out = new StringWriter();
        try {
            write(lmdp, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void write(Lmdp l, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("states", l.states());
            g.writeNumberField("actions", l.actions());
            g.writeNumberField("horizon", l.horizon());
            g.writeRaw("\n");
            g.writeArrayFieldStart("contexts");
            for (int m = 0; m < l.contexts(); m++) {
                g.writeRaw("\n ");
                g.writeStartObject();
                g.writeNumberField("weight", l.weight(m));
                g.writeArrayFieldStart("initial");
                for (int s = 0; s < l.states(); s++) {
                    g.writeNumber(l.initial(m, s));
                }
                g.writeEndArray();
                g.writeRaw("\n  ");
                g.writeArrayFieldStart("transitions");
                for (int s = 0; s < l.states(); s++) {
                    g.writeRaw("\n   ");
                    g.writeStartArray();
                    for (int a = 0; a < l.actions(); a++) {
                        g.writeStartArray();
                        for (int n = 0; n < l.states(); n++) {
                            g.writeNumber(l.transition(m, s, a, n));
                        }
                        g.writeEndArray();
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeRaw("\n  ");
                g.writeArrayFieldStart("rewards");
                for (int s = 0; s < l.states(); s++) {
                    g.writeStartArray();
                    for (int a = 0; a < l.actions(); a++) {
                        g.writeNumber(l.reward(m, s, a));
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw("\n");
        }
    }
}
