package org.quire.bench.lmdp;

import java.util.List;

import burlap.mdp.core.state.State;
import burlap.statehashing.HashableState;

/**
 * Hidden POMDP state (context m, LMDP state s, index k of the reward received on entering s) — immutable; hashes
 * itself so BURLAP's {@code ReflectiveHashableStateFactory} can enumerate it.
 */
final class HiddenState implements State, HashableState {

    private static final List<Object> KEYS = List.of("m", "s", "k");

    final int m;
    final int s;
    final int k;

    HiddenState(int m, int s, int k) {
        this.m = m;
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
            case "m" -> m;
            case "s" -> s;
            case "k" -> k;
            default -> throw new IllegalArgumentException("unknown hidden-state variable " + key + "; expected m, s or k");
        };
    }

    @Override
    public State copy() {
        return this;
    }

    @Override
    public State s() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HiddenState h && h.m == m && h.s == s && h.k == k;
    }

    @Override
    public int hashCode() {
        return (m * 31 + s) * 31 + k;
    }

    @Override
    public String toString() {
        return "(m=" + m + ", s=" + s + ", k=" + k + ")";
    }
}
