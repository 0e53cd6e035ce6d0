package org.quire.bench.lmdp;

import java.util.List;

import burlap.mdp.core.state.State;

/** POMDP observation (LMDP state s, index k of the reward just received) — immutable; the context is not part of it. */
final class Observation implements State {

    private static final List<Object> KEYS = List.of("s", "k");

    final int s;
    final int k;

    Observation(int s, int k) {
        this.s = s;
        this.k = k;
    }

    @Override
    public List<Object> variableKeys() {
        return KEYS;
    }

    @Override
    public Object get(Object key) {
        return switch ((String) key) {
            case "s" -> s;
            case "k" -> k;
            default -> throw new IllegalArgumentException("unknown observation variable " + key + "; expected s or k");
        };
    }

    @Override
    public State copy() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observation x && x.s == s && x.k == k;
    }

    @Override
    public int hashCode() {
        return s * 31 + k;
    }

    @Override
    public String toString() {
        return "(s=" + s + ", k=" + k + ")";
    }
}
