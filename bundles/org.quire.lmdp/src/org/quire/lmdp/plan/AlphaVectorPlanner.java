package org.quire.lmdp.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quire.lmdp.model.Lmdp;

/**
 * Exact backward alpha-vector backups (a mixed-observability POMDP with hidden context, observed state, observation
 * (reward, s')). Γ_H(s) = {0}; for each (h, s, a) the set is R(s,a) ⊕ (cross-sum over observations o = (r, s') of the
 * projections x[m] = [R_m(s,a) = r] P_m(s'|s,a) g[m], g ∈ Γ_{h+1}(s')), pruned after every cross-sum (incremental
 * pruning, {@link VectorPruning}); Γ_h(s) is the pruned union over actions. The value is
 * Σ_s max_{α ∈ Γ_0(s)} Σ_m w_m ν_m(s) α[m]. Throws {@link IllegalStateException} when a set would exceed the vector
 * cap. Thread-confined.
 */
public final class AlphaVectorPlanner {
    /** Default cap on the vectors of one (h, s) set and of one unpruned cross-sum. */
    public static final int DEFAULT_MAX_VECTORS = 20_000;

    private final Lmdp l;
    private final int maxVectors;
    private List<List<double[]>> sets; // index h*S+s
    private int totalVectors;

    /** A planner for {@code model} with the given vector cap. */
    public AlphaVectorPlanner(Lmdp model, int maxVectors) {
        this.l = model;
        this.maxVectors = maxVectors;
    }

    /** A planner with {@link #DEFAULT_MAX_VECTORS}. */
    public AlphaVectorPlanner(Lmdp model) {
        this(model, DEFAULT_MAX_VECTORS);
    }

    /** Runs the backups (once) and returns the optimal value. */
    public double value() {
        solve();
        double total = 0;
        for (int s = 0; s < l.states(); s++) {
            double[] b = new double[l.contexts()];
            boolean any = false;
            for (int m = 0; m < b.length; m++) {
                b[m] = l.weight(m) * l.initial(m, s);
                any |= b[m] > 0;
            }
            if (any) {
                total += best(0, s, b);
            }
        }
        return total;
    }

    /** max_{α ∈ Γ_h(s)} ⟨b, α⟩ for an (unnormalised) belief weight vector b. */
    public double best(int h, int s, double[] b) {
        solve();
        double best = Double.NEGATIVE_INFINITY;
        for (double[] alpha : sets.get(h * l.states() + s)) {
            double v = 0;
            for (int m = 0; m < b.length; m++) {
                v += b[m] * alpha[m];
            }
            best = Math.max(best, v);
        }
        return best;
    }

    /** The pruned set Γ_h(s) (copies). */
    public List<double[]> vectors(int h, int s) {
        solve();
        List<double[]> out = new ArrayList<>();
        for (double[] v : sets.get(h * l.states() + s)) {
            out.add(v.clone());
        }
        return out;
    }

    /** Total number of vectors over all (h, s) sets after pruning. */
    public int vectorCount() {
        solve();
        return totalVectors;
    }

    private void solve() {
        if (sets != null) {
            return;
        }
        int hh = l.horizon();
        int ss = l.states();
        int mm = l.contexts();
        List<List<double[]>> result = new ArrayList<>(hh * ss);
        for (int i = 0; i < hh * ss; i++) {
            result.add(null);
        }
        int total = 0;
        for (int h = hh - 1; h >= 0; h--) {
            for (int s = 0; s < ss; s++) {
                List<double[]> union = new ArrayList<>();
                for (int a = 0; a < l.actions(); a++) {
                    double[] r = new double[mm];
                    for (int m = 0; m < mm; m++) {
                        r[m] = l.reward(m, s, a);
                    }
                    List<double[]> acc = new ArrayList<>();
                    acc.add(r);
                    if (h + 1 < hh) {
                        for (List<double[]> proj : projections(h, s, a, result)) {
                            acc = VectorPruning.prune(crossSum(acc, proj, h, s));
                        }
                    }
                    union.addAll(acc);
                }
                List<double[]> pruned = VectorPruning.prune(union);
                if (pruned.size() > maxVectors) {
                    throw cap(h, s, pruned.size());
                }
                result.set(h * ss + s, pruned);
                total += pruned.size();
            }
        }
        sets = result;
        totalVectors = total;
    }

    private List<List<double[]>> projections(int h, int s, int a, List<List<double[]>> result) {
        int mm = l.contexts();
        int ss = l.states();
        Map<Double, boolean[]> groups = new LinkedHashMap<>();
        for (int m = 0; m < mm; m++) {
            groups.computeIfAbsent(l.reward(m, s, a), k -> new boolean[mm])[m] = true;
        }
        List<List<double[]>> out = new ArrayList<>();
        for (boolean[] group : groups.values()) {
            for (int n = 0; n < ss; n++) {
                boolean reach = false;
                for (int m = 0; m < mm; m++) {
                    reach |= group[m] && l.transition(m, s, a, n) > 0;
                }
                if (!reach) {
                    continue;
                }
                List<double[]> proj = new ArrayList<>();
                for (double[] g : result.get((h + 1) * ss + n)) {
                    double[] x = new double[mm];
                    for (int m = 0; m < mm; m++) {
                        x[m] = group[m] ? l.transition(m, s, a, n) * g[m] : 0;
                    }
                    proj.add(x);
                }
                out.add(VectorPruning.prune(proj));
            }
        }
        return out;
    }

    private List<double[]> crossSum(List<double[]> x, List<double[]> y, int h, int s) {
        long size = (long) x.size() * y.size();
        if (size > maxVectors) {
            throw cap(h, s, size);
        }
        List<double[]> out = new ArrayList<>((int) size);
        for (double[] u : x) {
            for (double[] v : y) {
                double[] z = new double[u.length];
                for (int m = 0; m < z.length; m++) {
                    z[m] = u[m] + v[m];
                }
                out.add(z);
            }
        }
        return out;
    }

    private IllegalStateException cap(int h, int s, long size) {
        return new IllegalStateException("alpha-vector set at step " + h + ", state " + s + " would hold " + size
                + " vectors, above the cap of " + maxVectors + "; use the belief-tree planner or a smaller instance");
    }
}
