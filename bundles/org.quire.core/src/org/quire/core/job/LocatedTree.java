package org.quire.core.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML or JSON document as a tree that remembers where each node and key was written (1-based line
 * and column from Jackson's token locations). Scalars keep their text exactly as written. Duplicate keys
 * are rejected at the second occurrence. Not thread-safe while parsing; the tree is immutable.
 */
final class LocatedTree {

    private LocatedTree() {
    }

    /** A node: a mapping, a list or a scalar, with the position of its first token. */
    abstract static sealed class Node permits MapNode, ListNode, Scalar {
        final int line;
        final int column;

        Node(JsonLocation at) {
            this.line = at.getLineNr();
            this.column = at.getColumnNr();
        }

        /** What the node is, for messages: "a mapping", "a list", "text 'x'", "the number 3", "null", ... */
        abstract String describe();
    }

    /** One key of a mapping with its position and value. */
    record Field(String key, int line, int column, Node value) {
    }

    /** A mapping; keys in written order. */
    static final class MapNode extends Node {
        final Map<String, Field> fields;

        MapNode(JsonLocation at, Map<String, Field> fields) {
            super(at);
            this.fields = Collections.unmodifiableMap(fields);
        }

        @Override
        String describe() {
            return "a mapping";
        }
    }

    /** A list. */
    static final class ListNode extends Node {
        final List<Node> items;

        ListNode(JsonLocation at, List<Node> items) {
            super(at);
            this.items = List.copyOf(items);
        }

        @Override
        String describe() {
            return "a list";
        }
    }

    /** A scalar: its token kind and its text as written (without quotes). */
    static final class Scalar extends Node {
        final JsonToken token;
        final String text;

        Scalar(JsonLocation at, JsonToken token, String text) {
            super(at);
            this.token = token;
            this.text = text;
        }

        boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        boolean isInteger() {
            return token == JsonToken.VALUE_NUMBER_INT;
        }

        @Override
        String describe() {
            return switch (token) {
                case VALUE_NULL -> "null (no value)";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + text;
                case VALUE_TRUE, VALUE_FALSE -> "the boolean " + text;
                default -> "text '" + text + "'";
            };
        }
    }

    /**
     * Reads one document.
     *
     * @param parser a fresh parser over the whole file
     * @param file   for messages
     * @return the root node, or null when the document is empty
     * @throws JobFileException on a syntax error (with its position), a duplicate key, or a second document
     */
    static Node parse(JsonParser parser, Path file) throws JobFileException {
        try (JsonParser p = parser) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            Node root = node(p, file);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new JobFileException(file, at.getLineNr(), at.getColumnNr(),
                        "unexpected content after the end of the job (a job file holds a single document)");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            throw new JobFileException(file, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static Node node(JsonParser p, Path file) throws IOException, JobFileException {
        JsonLocation at = p.currentTokenLocation();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Field> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = p.currentTokenLocation();
                    String key = p.currentName();
                    Field earlier = fields.get(key);
                    if (earlier != null) {
                        throw new JobFileException(file, keyAt.getLineNr(), keyAt.getColumnNr(),
                                "duplicate key '" + key + "' (first at line " + earlier.line() + ", column " + earlier.column() + ")");
                    }
                    p.nextToken();
                    fields.put(key, new Field(key, keyAt.getLineNr(), keyAt.getColumnNr(), node(p, file)));
                }
                return new MapNode(at, fields);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, file));
                }
                return new ListNode(at, items);
            }
            default:
                return new Scalar(at, t, p.getText());
        }
    }

    /** A syntax error at the position the parser reports (for YAML: the problem's mark). */
    static JobFileException syntaxError(Path file, JsonProcessingException e) {
        if (e instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            Mark m = y.getProblemMark();
            StringBuilder msg = new StringBuilder(y.getProblem() == null ? "invalid YAML" : y.getProblem().strip());
            Mark c = y.getContextMark();
            if (y.getContext() != null && c != null) {
                msg.append(" (").append(y.getContext().strip()).append(" at line ").append(c.getLine() + 1).append(", column ")
                        .append(c.getColumn() + 1).append(')');
            }
            return new JobFileException(file, m.getLine() + 1, m.getColumn() + 1, "invalid YAML: " + msg, e);
        }
        JsonLocation at = e.getLocation();
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().strip();
        String kind = file.getFileName() != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? "invalid JSON: " : "invalid YAML: ";
        if (at == null || at.getLineNr() < 1) {
            return new JobFileException(file, 0, 0, kind + what, e);
        }
        return new JobFileException(file, at.getLineNr(), Math.max(1, at.getColumnNr()), kind + what, e);
    }
}
