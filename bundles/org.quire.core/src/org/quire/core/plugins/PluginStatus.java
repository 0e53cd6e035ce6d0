package org.quire.core.plugins;

import java.util.Objects;

/**
 * What happened to one plugin jar in the plugins folder. Immutable.
 *
 * @param file         the jar's file name
 * @param symbolicName the bundle symbolic name, or empty when the jar is not a bundle
 * @param version      the bundle version, or empty when the jar is not a bundle
 * @param state        how far it got
 * @param problem      what stands in the way, in words (empty when {@link State#ACTIVE})
 */
public record PluginStatus(String file, String symbolicName, String version, State state, String problem) {

    /** How far a plugin jar got when it was loaded. */
    public enum State {
        /** Resolved and started: its components are available. */
        ACTIVE("active"),
        /** Found on disk but not loaded in this process (no OSGi framework, e.g. in plain-Java tests). */
        INSTALLED("installed"),
        /** A bundle whose requirements are not met; {@code problem} names the missing ones. */
        UNRESOLVED("does not resolve"),
        /** Resolved, but starting it failed (its activator threw, for instance). */
        FAILED("failed to start"),
        /** Not an OSGi bundle (no manifest, no Bundle-SymbolicName, or not a readable jar). */
        INVALID("not a bundle"),
        /** Another jar in the folder, or Quire itself, already provides this symbolic name. */
        DUPLICATE("duplicate");

        private final String words;

        State(String words) {
            this.words = words;
        }

        /** Lower-case words for listings, e.g. {@code does not resolve}. */
        public String words() {
            return words;
        }
    }

    public PluginStatus {
        Objects.requireNonNull(file, "file");
        symbolicName = symbolicName == null ? "" : symbolicName;
        version = version == null ? "" : version;
        Objects.requireNonNull(state, "state");
        problem = problem == null ? "" : problem;
    }

    /** Symbolic name and version, e.g. {@code org.example.ot 1.0.0}, or empty when the jar is not a bundle. */
    public String bundle() {
        return symbolicName.isEmpty() ? "" : symbolicName + " " + version;
    }

    /** Whether it resolved and started. */
    public boolean active() {
        return state == State.ACTIVE;
    }

    /** Whether it is usable or could be (active, or merely not loaded in a framework-less process). */
    public boolean healthy() {
        return state == State.ACTIVE || state == State.INSTALLED;
    }
}
