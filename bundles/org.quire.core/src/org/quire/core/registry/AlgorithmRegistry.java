package org.quire.core.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.quire.api.Algorithm;
import org.quire.api.AlgorithmDescriptor;
import org.quire.api.AlgorithmInfo;
import org.quire.core.internal.Failures;

/**
 * The algorithms available to run, by id, and the problems met reading them. Plain Java: the OSGi
 * whiteboard feeds it through a Declarative Services component, tests and plain-jar hosts call
 * {@link #add} directly.
 *
 * <p>Thread-safe: changes are serialised and publish an immutable snapshot, so readers never block
 * and always see a consistent state. When two algorithms share an id the first added wins and the
 * second is recorded as a {@link RegistryProblem}; if the first is removed, the second takes its
 * place. Subscribers are notified after every change, in the thread that made it.
 */
public class AlgorithmRegistry {

    private static final System.Logger LOG = System.getLogger(AlgorithmRegistry.class.getName());

    private final Object lock = new Object();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot = Snapshot.of(List.of());

    /**
     * Adds an algorithm, reading its {@link Algorithm#descriptor() descriptor} once. Adding the same
     * instance again changes nothing.
     *
     * @param algorithm the algorithm instance
     * @param origin    the bundle (and version) providing it
     * @return the registration, or null when the descriptor could not be read or the id is already
     *         taken (both recorded in {@link #problems()})
     */
    public RegisteredAlgorithm add(Algorithm<?> algorithm, Origin origin) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(origin, "origin");
        Entry entry = read(algorithm, origin);
        RegisteredAlgorithm active;
        synchronized (lock) {
            Snapshot current = snapshot;
            if (current.indexOf(algorithm) >= 0) {
                return current.activeRegistrationOf(algorithm);
            }
            List<Entry> entries = new ArrayList<>(current.entries());
            entries.add(entry);
            snapshot = Snapshot.of(entries);
            active = snapshot.activeRegistrationOf(algorithm);
        }
        notifySubscribers();
        return active;
    }

    /**
     * Removes an algorithm instance (compared by identity) and the problems recorded for it. An
     * algorithm whose id it shadowed becomes available. Unknown instances are ignored.
     */
    public void remove(Algorithm<?> algorithm) {
        if (algorithm == null) {
            return;
        }
        synchronized (lock) {
            Snapshot current = snapshot;
            int index = current.indexOf(algorithm);
            if (index < 0) {
                return;
            }
            List<Entry> entries = new ArrayList<>(current.entries());
            entries.remove(index);
            snapshot = Snapshot.of(entries);
        }
        notifySubscribers();
    }

    /** The available algorithms, sorted by id; an immutable snapshot. */
    public List<RegisteredAlgorithm> algorithms() {
        return snapshot.sorted();
    }

    /** The algorithm with exactly this id, if available. */
    public Optional<RegisteredAlgorithm> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(snapshot.byId().get(id));
    }

    /**
     * Problems with the algorithms currently added, in the order they were added, followed by
     * {@linkplain #hostProblems() problems the host found} (components that failed to activate, for
     * instance); an immutable snapshot.
     */
    public List<RegistryProblem> problems() {
        List<RegistryProblem> host = hostProblems();
        if (host.isEmpty()) {
            return snapshot.problems();
        }
        List<RegistryProblem> all = new ArrayList<>(snapshot.problems());
        all.addAll(host);
        return List.copyOf(all);
    }

    /**
     * The problem that keeps the algorithm with this id out of the registry, if one is known: its
     * class declares the id but its descriptor could not be read, its component failed to activate,
     * or another algorithm already holds the id.
     */
    public Optional<RegistryProblem> problemFor(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return problems().stream().filter(p -> p.algorithmId().equals(id)).findFirst();
    }

    /**
     * Problems found by the host outside {@link #add}: the OSGi registry reports Declarative
     * Services components of type {@code Algorithm} that failed to activate. Read on every call to
     * {@link #problems()}; none in plain Java.
     */
    protected List<RegistryProblem> hostProblems() {
        return List.of();
    }

    /**
     * Calls {@code onChange} after every change (add or remove, including one that only records a
     * problem), in the thread that made the change. Exceptions it throws are logged and ignored.
     *
     * @return closing it ends the subscription
     */
    public AutoCloseable subscribe(Runnable onChange) {
        Subscription s = new Subscription(Objects.requireNonNull(onChange, "onChange"));
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    private static Entry read(Algorithm<?> algorithm, Origin origin) {
        try {
            Class<?> type = algorithm.parameterType();
            if (type == null) {
                return new Entry(algorithm, origin, null, "parameterType() returned null; expected the parameter record class");
            }
            if (!type.isRecord()) {
                return new Entry(algorithm, origin, null, "invalid parameter schema: parameter type " + type.getName()
                        + " is not a record (parameters must be a record whose components carry @Param)");
            }
            AlgorithmDescriptor d = algorithm.descriptor();
            if (d == null) {
                return new Entry(algorithm, origin, null, "descriptor() returned null");
            }
            return new Entry(algorithm, origin, new RegisteredAlgorithm(d, algorithm, origin), null);
        } catch (ThreadDeath death) {
            throw death;
        } catch (RuntimeException | Error e) {
            boolean schema = e instanceof IllegalArgumentException;
            return new Entry(algorithm, origin, null, (schema ? "invalid parameter schema or descriptor: " : "descriptor could not be read: ")
                    + Failures.describe(e));
        }
    }

    /** The id an algorithm class declares in {@link AlgorithmInfo}, or empty; never runs plugin code. */
    public static String declaredId(Class<?> type) {
        try {
            AlgorithmInfo info = type == null ? null : type.getAnnotation(AlgorithmInfo.class);
            return info == null ? "" : info.id();
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    private void notifySubscribers() {
        for (Subscription s : subscriptions) {
            try {
                s.onChange().run();
            } catch (ThreadDeath death) {
                throw death;
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.WARNING, "algorithm registry subscriber " + s.onChange() + " failed", e);
            }
        }
    }

    /** One subscription; its own identity, so the same Runnable may subscribe twice. */
    private record Subscription(Runnable onChange) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** One add() call: the registration, or the reason there is none. */
    private record Entry(Algorithm<?> algorithm, Origin origin, RegisteredAlgorithm registration, String failure) {
        String source() {
            return origin.bundle() + " " + origin.version() + " (class " + algorithm.getClass().getName() + ")";
        }
    }

    /** An immutable state: entries in order of addition, and what follows from them. */
    private record Snapshot(List<Entry> entries, Map<String, RegisteredAlgorithm> byId, List<RegisteredAlgorithm> sorted,
            List<RegistryProblem> problems) {

        static Snapshot of(List<Entry> entries) {
            Map<String, RegisteredAlgorithm> byId = new TreeMap<>();
            Map<String, Entry> owners = new TreeMap<>();
            List<RegistryProblem> problems = new ArrayList<>();
            for (Entry e : entries) {
                if (e.registration() == null) {
                    problems.add(new RegistryProblem(e.source(), e.failure(), e.origin().bundle(), declaredId(e.algorithm().getClass())));
                    continue;
                }
                String id = e.registration().id();
                Entry owner = owners.get(id);
                if (owner == null) {
                    owners.put(id, e);
                    byId.put(id, e.registration());
                } else {
                    problems.add(new RegistryProblem(e.source(), "duplicate algorithm id '" + id + "': already provided by "
                            + owner.source() + "; this one from " + e.source() + " is ignored", e.origin().bundle(), ""));
                }
            }
            return new Snapshot(List.copyOf(entries), Collections.unmodifiableMap(byId), List.copyOf(byId.values()),
                    List.copyOf(problems));
        }

        int indexOf(Algorithm<?> algorithm) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).algorithm() == algorithm) {
                    return i;
                }
            }
            return -1;
        }

        RegisteredAlgorithm activeRegistrationOf(Algorithm<?> algorithm) {
            for (RegisteredAlgorithm r : sorted) {
                if (r.algorithm() == algorithm) {
                    return r;
                }
            }
            return null;
        }
    }
}
