package org.quire.core.output;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent, minimal PLY reader for the tests: ASCII header, binary little-endian body with
 * scalar properties of type float, uchar and int, and list properties of type {@code list uchar int}.
 */
final class TestPlyReader {

    /** One property: scalar type, or list count/item types. */
    record Property(String name, String type, String countType, String itemType) {
        boolean isList() {
            return countType != null;
        }
    }

    /** One element with its properties and, per property, the values (Double for scalars, int[] for lists). */
    record Element(String name, int count, List<Property> properties, Map<String, List<Object>> values) {
    }

    final String format;
    final List<String> headerLines = new ArrayList<>();
    final Map<String, Element> elements = new LinkedHashMap<>();

    TestPlyReader(byte[] file) {
        String marker = "end_header\n";
        int end = indexOf(file, marker.getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IllegalArgumentException("no end_header");
        }
        String header = new String(file, 0, end, StandardCharsets.US_ASCII);
        String fmt = null;
        List<Element> order = new ArrayList<>();
        Element current = null;
        for (String line : header.split("\n")) {
            headerLines.add(line);
            String[] t = line.trim().split("\\s+");
            switch (t[0]) {
                case "format" -> fmt = t[1] + " " + t[2];
                case "element" -> {
                    current = new Element(t[1], Integer.parseInt(t[2]), new ArrayList<>(), new LinkedHashMap<>());
                    order.add(current);
                }
                case "property" -> {
                    Property p = t[1].equals("list") ? new Property(t[4], null, t[2], t[3]) : new Property(t[2], t[1], null, null);
                    current.properties().add(p);
                    current.values().put(p.name(), new ArrayList<>());
                }
                default -> {
                    // ply, comment
                }
            }
        }
        this.format = fmt;
        if (!"binary_little_endian 1.0".equals(fmt)) {
            throw new IllegalArgumentException("format " + fmt);
        }
        ByteBuffer body = ByteBuffer.wrap(file, end + marker.length(), file.length - end - marker.length()).order(ByteOrder.LITTLE_ENDIAN);
        for (Element e : order) {
            for (int i = 0; i < e.count(); i++) {
                for (Property p : e.properties()) {
                    if (p.isList()) {
                        int n = (int) read(body, p.countType());
                        int[] items = new int[n];
                        for (int k = 0; k < n; k++) {
                            items[k] = (int) read(body, p.itemType());
                        }
                        e.values().get(p.name()).add(items);
                    } else {
                        e.values().get(p.name()).add(read(body, p.type()));
                    }
                }
            }
            elements.put(e.name(), e);
        }
        if (body.hasRemaining()) {
            throw new IllegalArgumentException(body.remaining() + " bytes after the last element");
        }
    }

    private static double read(ByteBuffer b, String type) {
        return switch (type) {
            case "float" -> b.getFloat();
            case "uchar" -> b.get() & 0xFF;
            case "int" -> b.getInt();
            default -> throw new IllegalArgumentException("type " + type);
        };
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A scalar property's values as floats. */
    float[] floats(String element, String property) {
        List<Object> v = elements.get(element).values().get(property);
        float[] out = new float[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (double) (Double) v.get(i);
        }
        return out;
    }

    /** A scalar property's values as ints. */
    int[] ints(String element, String property) {
        List<Object> v = elements.get(element).values().get(property);
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) (double) (Double) v.get(i);
        }
        return out;
    }
}
