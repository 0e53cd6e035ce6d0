package org.quire.core.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Reading throwables: finding a type in a cause chain and describing a failure in one line. Stateless. */
public final class Failures {

    private Failures() {
    }

    /**
     * The first throwable of type {@code type} in the cause chain of {@code t} (starting with
     * {@code t} itself), or null. Cycles in the chain are tolerated.
     */
    public static <T extends Throwable> T find(Throwable t, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable x = t; x != null && seen.add(x); x = x.getCause()) {
            if (type.isInstance(x)) {
                return type.cast(x);
            }
        }
        return null;
    }

    /**
     * {@code <ExceptionClass>: <message>} for the first throwable in the cause chain that has a
     * message of its own (a wrapper whose message is just its cause's {@code toString()} is
     * skipped), or the class name of the innermost cause when none has one. Class names are simple
     * names (the full name for anonymous or local classes).
     */
    public static String describe(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable innermost = t;
        for (Throwable x = t; x != null && seen.add(x); x = x.getCause()) {
            String m = x.getMessage();
            Throwable cause = x.getCause();
            if (m != null && !m.isBlank() && (cause == null || !m.equals(cause.toString()))) {
                return name(x) + ": " + m;
            }
            innermost = x;
        }
        return name(innermost);
    }

    private static String name(Throwable t) {
        String simple = t.getClass().getSimpleName();
        return simple.isEmpty() ? t.getClass().getName() : simple;
    }
}
