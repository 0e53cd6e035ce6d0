package org.quire.batch.cli;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.quire.api.AlgorithmDescriptor;
import org.quire.api.InputSpec;
import org.quire.api.params.ParameterSpec;
import org.quire.core.registry.RegisteredAlgorithm;
import org.quire.core.registry.RegistryProblem;

/**
 * Algorithm descriptors as JSON, for {@code quire list --json} and {@code quire describe --json}.
 * Parameter entries use JSON-Schema words ({@code type}, {@code minimum}, {@code exclusiveMinimum},
 * {@code default}, {@code enum}) so that other tools can check values without Quire.
 */
final class SchemaJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaJson() {
    }

    static ObjectNode listing(List<RegisteredAlgorithm> algorithms, List<RegistryProblem> problems) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("algorithms");
        algorithms.forEach(a -> list.add(algorithm(a)));
        ArrayNode probs = root.putArray("problems");
        for (RegistryProblem p : problems) {
            probs.addObject().put("source", p.source()).put("message", p.message());
        }
        return root;
    }

    static ObjectNode algorithm(RegisteredAlgorithm a) {
        AlgorithmDescriptor d = a.descriptor();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", d.id());
        n.put("family", d.family());
        n.put("name", d.name());
        n.put("description", d.description());
        ArrayNode refs = n.putArray("references");
        d.references().forEach(refs::add);
        n.put("headless", d.headless());
        n.putObject("origin").put("bundle", a.origin().bundle()).put("version", a.origin().version());
        ArrayNode inputs = n.putArray("inputs");
        for (InputSpec in : d.inputs()) {
            ObjectNode i = inputs.addObject();
            i.put("name", in.name());
            i.put("description", in.description());
            ArrayNode f = i.putArray("formats");
            in.formats().forEach(f::add);
            i.put("minCount", in.minCount());
            i.put("maxCount", in.maxCount());
        }
        ArrayNode params = n.putArray("parameters");
        for (ParameterSpec p : d.parameters().parameters()) {
            params.add(parameter(p));
        }
        return n;
    }

    static ObjectNode parameter(ParameterSpec p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", p.name());
        n.put("type", p.type().jsonName());
        n.put("javaType", p.type().name().toLowerCase(java.util.Locale.ROOT));
        n.put("label", p.label());
        n.put("description", p.description());
        if (!p.unit().isEmpty()) {
            n.put("unit", p.unit());
        }
        if (p.isNumeric()) {
            if (p.min() != Double.NEGATIVE_INFINITY) {
                putNumber(n, p.minExclusive() ? "exclusiveMinimum" : "minimum", p.min(), p);
            }
            if (p.max() != Double.POSITIVE_INFINITY) {
                putNumber(n, p.maxExclusive() ? "exclusiveMaximum" : "maximum", p.max(), p);
            }
        }
        Object def = p.parse(p.defaultText());
        if (def instanceof Integer i) {
            n.put("default", i);
        } else if (def instanceof Long l) {
            n.put("default", l);
        } else if (def instanceof Double d) {
            if (Double.isFinite(d)) {
                n.put("default", d);
            } else {
                n.put("default", p.defaultText());
            }
        } else if (def instanceof Boolean b) {
            n.put("default", b);
        } else {
            n.put("default", String.valueOf(def));
        }
        if (!p.choices().isEmpty()) {
            ArrayNode e = n.putArray("enum");
            p.choices().forEach(e::add);
        }
        return n;
    }

    private static void putNumber(ObjectNode n, String key, double v, ParameterSpec p) {
        if (p.type() != org.quire.api.params.ParameterType.REAL && v == Math.rint(v) && Math.abs(v) < 9.0e15) {
            n.put(key, (long) v);
        } else {
            n.put(key, v);
        }
    }
}
