package org.quire.api.params;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameter schema of an algorithm, read from its annotated parameter record: the components
 * in declaration order, each with a {@link ParameterSpec}. Binds text values (from a form, the
 * command line or a job file) to a record instance, checking types, ranges and choices.
 * Immutable and thread-safe.
 */
public final class ParameterSchema {

    private final Class<? extends Record> recordType;
    private final List<ParameterSpec> parameters;
    private final List<Class<?>> javaTypes;

    private ParameterSchema(Class<? extends Record> recordType, List<ParameterSpec> parameters, List<Class<?>> javaTypes) {
        this.recordType = recordType;
        this.parameters = List.copyOf(parameters);
        this.javaTypes = List.copyOf(javaTypes);
    }

    /**
     * Reads the schema of a parameter record.
     *
     * @throws IllegalArgumentException naming the component when a component lacks {@link Param}, has an
     *         unsupported type, or its default is not a valid value
     */
    public static ParameterSchema of(Class<? extends Record> recordType) {
        Objects.requireNonNull(recordType, "parameter record type");
        List<ParameterSpec> specs = new ArrayList<>();
        List<Class<?>> types = new ArrayList<>();
        for (RecordComponent c : recordType.getRecordComponents()) {
            Param p = c.getAnnotation(Param.class);
            String where = recordType.getName() + "." + c.getName();
            if (p == null) {
                throw new IllegalArgumentException(where + " has no @Param annotation");
            }
            Class<?> t = c.getType();
            ParameterType type = typeOf(t, where);
            List<String> choices = type == ParameterType.CHOICE
                    ? Arrays.stream(t.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList()
                    : List.of(p.choices());
            if (!choices.isEmpty() && type != ParameterType.TEXT && type != ParameterType.CHOICE) {
                throw new IllegalArgumentException(where + ": choices are only for String parameters");
            }
            if (p.min() > p.max() || Double.isNaN(p.min()) || Double.isNaN(p.max())) {
                throw new IllegalArgumentException(where + ": min " + p.min() + " is greater than max " + p.max());
            }
            ParameterSpec spec = new ParameterSpec(c.getName(), type, p.label().isEmpty() ? c.getName() : p.label(),
                    p.description(), p.unit(), p.min(), p.max(), p.minExclusive(), p.maxExclusive(), p.defaultValue(), choices);
            try {
                spec.parse(p.defaultValue());
            } catch (ParameterException e) {
                throw new IllegalArgumentException(where + ": invalid default: " + e.getMessage(), e);
            }
            specs.add(spec);
            types.add(t);
        }
        return new ParameterSchema(recordType, specs, types);
    }

    private static ParameterType typeOf(Class<?> t, String where) {
        if (t == int.class) {
            return ParameterType.INTEGER;
        } else if (t == long.class) {
            return ParameterType.LONG;
        } else if (t == double.class) {
            return ParameterType.REAL;
        } else if (t == boolean.class) {
            return ParameterType.BOOLEAN;
        } else if (t == String.class) {
            return ParameterType.TEXT;
        } else if (t.isEnum()) {
            return ParameterType.CHOICE;
        }
        throw new IllegalArgumentException(where + ": unsupported parameter type " + t.getName()
                + " (use int, long, double, boolean, String or an enum)");
    }

    /** The record class. */
    public Class<? extends Record> recordType() {
        return recordType;
    }

    /** The parameters in declaration order. */
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    /** The parameter with this name, if any. */
    public Optional<ParameterSpec> find(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Defaults as text, in declaration order. */
    public Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        parameters.forEach(p -> m.put(p.name(), p.defaultText()));
        return m;
    }

    /**
     * Builds a record from text values; missing parameters take their defaults.
     *
     * @param values name to text value; unknown names are rejected
     * @return the record instance
     * @throws ParameterException naming the first bad parameter and what was expected; an unknown name
     *         lists the known ones
     */
    public Record bind(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (find(key).isEmpty()) {
                throw new ParameterException(key, "unknown parameter; known: "
                        + (parameters.isEmpty() ? "(none)" : String.join(", ", parameters.stream().map(ParameterSpec::name).toList())));
            }
        }
        Object[] args = new Object[parameters.size()];
        for (int i = 0; i < args.length; i++) {
            ParameterSpec p = parameters.get(i);
            String text = values.getOrDefault(p.name(), p.defaultText());
            Object v = p.parse(text);
            Class<?> t = javaTypes.get(i);
            if (t.isEnum()) {
                v = enumConstant(t, (String) v);
            }
            args[i] = v;
        }
        try {
            Constructor<? extends Record> ctor = recordType.getDeclaredConstructor(javaTypes.toArray(Class<?>[]::new));
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ParameterException pe) {
                throw pe;
            }
            throw new ParameterException(recordType.getSimpleName(), String.valueOf(cause.getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + recordType.getName() + ": " + e, e);
        }
    }

    private static Object enumConstant(Class<?> t, String name) {
        for (Object c : t.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return c;
            }
        }
        throw new IllegalStateException(name);
    }

    /**
     * The values of a record of this schema as text, in declaration order (what provenance records and
     * what {@link #bind(Map)} reads back to an equal record).
     */
    public Map<String, String> toText(Record record) {
        if (!recordType.isInstance(record)) {
            throw new IllegalArgumentException("not a " + recordType.getName() + ": " + record);
        }
        Map<String, String> m = new LinkedHashMap<>();
        RecordComponent[] comps = recordType.getRecordComponents();
        for (int i = 0; i < comps.length; i++) {
            try {
                var acc = comps[i].getAccessor();
                acc.setAccessible(true);
                m.put(comps[i].getName(), parameters.get(i).format(acc.invoke(record)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    /**
     * Typed values of a record, in declaration order: numbers as {@code Integer}/{@code Long}/{@code Double},
     * booleans, and strings (enums by name). For JSON provenance.
     */
    public Map<String, Object> toValues(Record record) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, String> text = toText(record);
        for (ParameterSpec p : parameters) {
            m.put(p.name(), p.parse(text.get(p.name())));
        }
        return m;
    }
}
