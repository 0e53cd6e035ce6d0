package org.quire.sem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quire.api.InputException;

/**
 * Reads a mixed graph from a file, by extension:
 * <ul>
 * <li>{@code .json}: {@code {"nodes": n, "directed": [[i, j], ...], "bidirected": [[i, j], ...], "names": [...]}}
 * with 1-based vertices (or vertex names when {@code names} is given); {@code nodes} may be omitted when
 * {@code names} is given or the largest vertex is meant.</li>
 * <li>{@code .txt}, {@code .graph}: the edge list {@code 1->2; 2->3; 3->1; 1<->4}; statements are separated by
 * {@code ;} or line breaks, {@code #} starts a comment, {@code i<-j} is accepted for j&rarr;i; vertices are 1-based
 * numbers, or names (then numbered in order of first appearance); an optional statement {@code nodes: 5} (or
 * {@code nodes: X Y Z}, listing names in order) adds isolated vertices.</li>
 * </ul>
 * Errors are {@link InputException}s naming the file, the line and the bad edge (self-loop, vertex out of range,
 * repeated edge, malformed entry). Stateless.
 */
public final class GraphReader {
    private GraphReader() {
    }

    /** File extensions accepted (lower case, no dot). */
    public static final String[] FORMATS = {"json", "txt", "graph"};

    /** Reads the graph in {@code file}; the format follows the extension ({@code .json}, else edge-list text). */
    public static MixedGraph read(Path file) throws InputException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot read the file: " + e.getMessage(), e);
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? readJson(file, text) : readText(file, text);
    }

    /** An edge as written, with its line, before validation. */
    private record RawEdge(String a, String b, boolean bidirected, long line) {
        String show() {
            return a + (bidirected ? "<->" : "->") + b;
        }
    }

    /** Parses the JSON form; {@code file} only names the source in messages. */
    public static MixedGraph readJson(Path file, String text) throws InputException {
        Integer nodes = null;
        List<String> names = null;
        List<RawEdge> edges = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(file, line(p), "expected a JSON object {\"nodes\": n, \"directed\": [...], \"bidirected\": [...]}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "nodes" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT) {
                            throw new InputException(file, line(p), "\"nodes\" must be a positive integer");
                        }
                        nodes = p.getIntValue();
                    }
                    case "names", "vertices" -> {
                        if (t == JsonToken.VALUE_NUMBER_INT && field.equals("vertices")) {
                            nodes = p.getIntValue();
                            break;
                        }
                        if (t != JsonToken.START_ARRAY) {
                            throw new InputException(file, line(p), "\"" + field + "\" must be an array of vertex names");
                        }
                        names = new ArrayList<>();
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() != JsonToken.VALUE_STRING && p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                                throw new InputException(file, line(p), "\"" + field + "\" must hold strings");
                            }
                            names.add(p.getText());
                        }
                    }
                    case "directed", "bidirected" -> {
                        boolean bid = field.equals("bidirected");
                        if (t != JsonToken.START_ARRAY) {
                            throw new InputException(file, line(p), "\"" + field + "\" must be an array of pairs [i, j]");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            long ln = line(p);
                            if (p.currentToken() != JsonToken.START_ARRAY) {
                                throw new InputException(file, ln, "\"" + field + "\": expected a pair [i, j], found " + p.getText());
                            }
                            List<String> pair = new ArrayList<>();
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                JsonToken v = p.currentToken();
                                if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_STRING) {
                                    throw new InputException(file, line(p), "\"" + field + "\": a vertex must be an integer 1..n or a name, found " + p.getText());
                                }
                                pair.add(p.getText());
                            }
                            if (pair.size() != 2) {
                                throw new InputException(file, ln, "\"" + field + "\": an edge is a pair [i, j], found " + pair.size() + " entries " + pair);
                            }
                            edges.add(new RawEdge(pair.get(0), pair.get(1), bid, ln));
                        }
                    }
                    default -> throw new InputException(file, line(p), "unknown field \"" + field
                            + "\" (expected nodes, names, directed, bidirected)");
                }
            }
        } catch (JsonProcessingException e) {
            throw new InputException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(file, 0, "cannot parse: " + e.getMessage(), e);
        }
        return build(file, nodes, names, edges);
    }

    private static long line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** Parses the edge-list text; {@code file} only names the source in messages. */
    public static MixedGraph readText(Path file, String text) throws InputException {
        Integer nodes = null;
        List<String> declared = null;
        long declaredLine = 0;
        List<RawEdge> edges = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int li = 0; li < lines.length; li++) {
            long ln = li + 1;
            String l = lines[li];
            int hash = l.indexOf('#');
            if (hash >= 0) {
                l = l.substring(0, hash);
            }
            for (String st : l.split(";")) {
                String s = st.trim();
                if (s.isEmpty()) {
                    continue;
                }
                String lower = s.toLowerCase(Locale.ROOT);
                if (lower.startsWith("nodes") && (s.length() == 5 || ":= ".indexOf(s.charAt(5)) >= 0)) {
                    String rest = s.substring(5).replaceFirst("^\\s*[:=]?\\s*", "").trim();
                    if (rest.matches("\\d+")) {
                        nodes = Integer.parseInt(rest);
                    } else if (!rest.isEmpty()) {
                        declared = List.of(rest.split("[\\s,]+"));
                        declaredLine = ln;
                    } else {
                        throw new InputException(file, ln, "'" + s + "': expected 'nodes: n' or 'nodes: name name ...'");
                    }
                    continue;
                }
                String[] ab;
                boolean bid = false;
                boolean reverse = false;
                if (s.contains("<->")) {
                    ab = s.split("<->", -1);
                    bid = true;
                } else if (s.contains("->")) {
                    ab = s.split("->", -1);
                } else if (s.contains("<-")) {
                    ab = s.split("<-", -1);
                    reverse = true;
                } else {
                    throw new InputException(file, ln, "'" + s + "' is not an edge (expected i->j or i<->j)");
                }
                if (ab.length != 2 || ab[0].isBlank() || ab[1].isBlank()) {
                    throw new InputException(file, ln, "'" + s + "': an edge joins exactly two vertices (write one edge per statement)");
                }
                String a = ab[0].trim();
                String b = ab[1].trim();
                for (String v : new String[] {a, b}) {
                    if (!v.matches("[A-Za-z0-9_.]+")) {
                        throw new InputException(file, ln, "'" + s + "': bad vertex '" + v + "' (letters, digits, _ and . only)");
                    }
                }
                edges.add(reverse ? new RawEdge(b, a, false, ln) : new RawEdge(a, b, bid, ln));
            }
        }
        boolean named = declared != null;
        for (RawEdge e : edges) {
            named |= !e.a().matches("\\d+") || !e.b().matches("\\d+");
        }
        List<String> names = null;
        if (named) {
            if (nodes != null) {
                throw new InputException(file, 0, "vertices have names: list them with 'nodes: name name ...', not a count");
            }
            LinkedHashMap<String, Integer> order = new LinkedHashMap<>();
            if (declared != null) {
                for (String v : declared) {
                    if (order.putIfAbsent(v, order.size()) != null) {
                        throw new InputException(file, declaredLine, "vertex '" + v + "' listed twice in 'nodes:'");
                    }
                }
            }
            for (RawEdge e : edges) {
                if (declared != null && (!order.containsKey(e.a()) || !order.containsKey(e.b()))) {
                    String bad = order.containsKey(e.a()) ? e.b() : e.a();
                    throw new InputException(file, e.line(), "edge " + e.show() + ": vertex '" + bad + "' is not among the declared nodes " + declared);
                }
                order.putIfAbsent(e.a(), order.size());
                order.putIfAbsent(e.b(), order.size());
            }
            names = new ArrayList<>(order.keySet());
        }
        return build(file, nodes, names, edges);
    }

    private static MixedGraph build(Path file, Integer nodes, List<String> names, List<RawEdge> edges)
            throws InputException {
        Map<String, Integer> byName = new HashMap<>();
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                if (byName.put(names.get(i), i) != null) {
                    throw new InputException(file, 0, "vertex name '" + names.get(i) + "' appears twice");
                }
            }
            if (nodes != null && nodes != names.size()) {
                throw new InputException(file, 0, "\"nodes\" is " + nodes + " but " + names.size() + " names are given");
            }
        }
        int n;
        if (nodes != null) {
            n = nodes;
        } else if (names != null) {
            n = names.size();
        } else {
            n = 0;
            for (RawEdge e : edges) {
                n = Math.max(n, Math.max(parseVertex(e.a()), parseVertex(e.b())));
            }
        }
        if (n < 1 || n > 16) {
            throw new InputException(file, 0, "a graph needs 1..16 vertices, got " + n);
        }
        List<int[]> d = new ArrayList<>();
        List<int[]> b = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (RawEdge e : edges) {
            int i = vertex(file, e, e.a(), n, byName);
            int j = vertex(file, e, e.b(), n, byName);
            if (i == j) {
                throw new InputException(file, e.line(), "edge " + e.show() + ": self-loop (a vertex cannot be joined to itself)");
            }
            String key = e.bidirected() ? Math.min(i, j) + "<->" + Math.max(i, j) : i + "->" + j;
            Long first = seen.putIfAbsent(key, e.line());
            if (first != null) {
                throw new InputException(file, e.line(), "edge " + e.show() + " repeats an edge given before"
                        + (first > 0 ? " on line " + first : ""));
            }
            (e.bidirected() ? b : d).add(new int[] {i, j});
        }
        try {
            return new MixedGraph(n, names == null ? null : names.toArray(String[]::new), d, b);
        } catch (IllegalArgumentException ex) {
            throw new InputException(file, 0, ex.getMessage(), ex);
        }
    }

    private static int parseVertex(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int vertex(Path file, RawEdge e, String v, int n, Map<String, Integer> byName) throws InputException {
        if (!byName.isEmpty()) {
            Integer i = byName.get(v);
            if (i != null) {
                return i;
            }
        }
        int k;
        try {
            k = Integer.parseInt(v);
        } catch (NumberFormatException ex) {
            throw new InputException(file, e.line(), "edge " + e.show() + ": unknown vertex '" + v + "'"
                    + (byName.isEmpty() ? " (vertices are 1.." + n + ")" : " (not among the names)"));
        }
        if (k < 1 || k > n) {
            throw new InputException(file, e.line(), "edge " + e.show() + ": vertex " + k + " out of range 1.." + n);
        }
        return k - 1;
    }
}
