package org.quire.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.quire.api.params.ParameterSchema;

/**
 * Everything a host needs to know about an algorithm without running it: identity, documentation,
 * inputs and the parameter schema. Immutable and thread-safe.
 *
 * @param id          stable id such as {@code fbm.hurst}
 * @param family      family name such as {@code fbm}
 * @param name        human-readable name
 * @param description what it computes
 * @param references  citations
 * @param headless    whether it runs without a display
 * @param inputs      input slots in order
 * @param parameters  the parameter schema derived from the algorithm's parameter record
 */
public record AlgorithmDescriptor(String id, String family, String name, String description,
        List<String> references, boolean headless, List<InputSpec> inputs, ParameterSchema parameters) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-zA-Z0-9_-]*)+");

    public AlgorithmDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("algorithm id '" + id
                    + "' must look like family.name (lower-case letters, digits, '-', '_', at least one dot)");
        }
        references = List.copyOf(references);
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(parameters, "parameters");
        for (int i = 0; i < inputs.size() - 1; i++) {
            if (inputs.get(i).maxCount() != 1 || inputs.get(i).minCount() == 0) {
                throw new IllegalArgumentException("algorithm '" + id + "': only the last input slot may be optional or repeated");
            }
        }
    }

    /**
     * Reads the descriptor of an algorithm class from its {@link AlgorithmInfo} and {@link Input}
     * annotations and the given parameter record type.
     *
     * @throws IllegalArgumentException when the annotation is missing or the schema is invalid, with the reason
     */
    public static AlgorithmDescriptor of(Class<?> algorithmClass, Class<? extends Record> parameterType) {
        AlgorithmInfo info = algorithmClass.getAnnotation(AlgorithmInfo.class);
        if (info == null) {
            throw new IllegalArgumentException(algorithmClass.getName() + " has no @AlgorithmInfo annotation");
        }
        String family = info.family().isEmpty() ? info.id().substring(0, Math.max(0, info.id().indexOf('.'))) : info.family();
        List<InputSpec> inputs = List.of(algorithmClass.getAnnotationsByType(Input.class)).stream().map(InputSpec::of).toList();
        return new AlgorithmDescriptor(info.id(), family, info.name(), info.description(), List.of(info.references()),
                info.headless(), inputs, ParameterSchema.of(parameterType));
    }

    /** Fewest input files a run needs. */
    public int minInputs() {
        return inputs.stream().mapToInt(InputSpec::minCount).sum();
    }

    /** Most input files a run takes ({@link Integer#MAX_VALUE} is possible). */
    public int maxInputs() {
        long sum = inputs.stream().mapToLong(InputSpec::maxCount).sum();
        return (int) Math.min(Integer.MAX_VALUE, sum);
    }

    /** The slot that the input at position {@code index} (0-based) fills, or null past the last slot. */
    public InputSpec slotOf(int index) {
        int seen = 0;
        for (InputSpec s : inputs) {
            seen += s.maxCount();
            if (index < seen || seen < 0) {
                return s;
            }
        }
        return null;
    }
}
