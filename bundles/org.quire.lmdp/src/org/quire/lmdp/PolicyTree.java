package org.quire.lmdp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.quire.api.result.Table;
import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.plan.BeliefTreePlanner;
import org.quire.lmdp.plan.Beliefs;

/**
 * The greedy policy of a {@link BeliefTreePlanner} as a nested value (one object per node: h, s, belief, action,
 * value, alpha, probability of reaching it from its parent, children per observation (reward, next)) and a flat
 * table, expanded breadth-first from the start states and capped at a number of nodes and {@link #MAX_DEPTH} steps.
 */
final class PolicyTree {
    /** Deepest step expanded (keeps the nested JSON well below the writer's depth limit). */
    static final int MAX_DEPTH = 20;

    record Built(List<Map<String, Object>> root, Table table, boolean truncated) {
    }

    private PolicyTree() {
    }

    private record Pending(BeliefTreePlanner.Node node, Map<String, Object> json, int id) {
    }

    static Built build(BeliefTreePlanner planner, int maxNodes) {
        Lmdp l = planner.model();
        List<Map<String, Object>> roots = new ArrayList<>();
        Deque<Pending> queue = new ArrayDeque<>();
        List<Integer> ids = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        List<Double> hs = new ArrayList<>();
        List<Double> ss = new ArrayList<>();
        List<Double> as = new ArrayList<>();
        List<Double> vs = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        List<String> bs = new ArrayList<>();
        int count = 0;
        boolean truncated = false;
        for (int s = 0; s < l.states(); s++) {
            double p = 0;
            for (int m = 0; m < l.contexts(); m++) {
                p += l.weight(m) * l.initial(m, s);
            }
            if (p <= 0) {
                continue;
            }
            if (count >= maxNodes) {
                truncated = true;
                break;
            }
            BeliefTreePlanner.Node n = planner.node(0, s, Beliefs.initial(l, s));
            Map<String, Object> json = json(n, p, Double.NaN);
            roots.add(json);
            queue.add(new Pending(n, json, count));
            record(ids, parents, hs, ss, as, vs, ps, bs, count, -1, n, p);
            count++;
        }
        while (!queue.isEmpty()) {
            Pending cur = queue.poll();
            BeliefTreePlanner.Node n = cur.node();
            if (n.h() + 1 >= l.horizon()) {
                continue;
            }
            if (n.h() + 1 >= MAX_DEPTH) {
                truncated = true;
                continue;
            }
            int a = n.action();
            // observation (reward, next) -> probability under the node's belief
            Map<Double, double[]> obs = new TreeMap<>();
            for (int m = 0; m < l.contexts(); m++) {
                double r = l.reward(m, n.s(), a);
                double[] probs = obs.computeIfAbsent(r, k -> new double[l.states()]);
                for (int next : l.successors(m, n.s(), a)) {
                    probs[next] += n.belief()[m] * l.transition(m, n.s(), a, next);
                }
            }
            List<Map<String, Object>> children = new ArrayList<>();
            for (Map.Entry<Double, double[]> e : obs.entrySet()) {
                for (int next = 0; next < l.states(); next++) {
                    double p = e.getValue()[next];
                    if (p <= 0) {
                        continue;
                    }
                    if (count >= maxNodes) {
                        truncated = true;
                        break;
                    }
                    double[] nb = Beliefs.update(l, n.belief(), n.s(), a, e.getKey(), next);
                    BeliefTreePlanner.Node child = planner.node(n.h() + 1, next, nb);
                    Map<String, Object> json = json(child, p, e.getKey());
                    children.add(json);
                    queue.add(new Pending(child, json, count));
                    record(ids, parents, hs, ss, as, vs, ps, bs, count, cur.id(), child, p);
                    count++;
                }
            }
            cur.json().put("children", children);
        }
        Table table = Table.builder("policy-tree").numeric("id", toArray(ids)).numeric("parent", toArray(parents))
                .numeric("h", hs.stream().mapToDouble(Double::doubleValue).toArray())
                .numeric("state", ss.stream().mapToDouble(Double::doubleValue).toArray())
                .numeric("action", as.stream().mapToDouble(Double::doubleValue).toArray())
                .numeric("value", vs.stream().mapToDouble(Double::doubleValue).toArray())
                .numeric("probability", ps.stream().mapToDouble(Double::doubleValue).toArray())
                .text("belief", bs.toArray(String[]::new)).build();
        return new Built(roots, table, truncated);
    }

    private static double[] toArray(List<Integer> l) {
        return l.stream().mapToDouble(Integer::doubleValue).toArray();
    }

    private static void record(List<Integer> ids, List<Integer> parents, List<Double> hs, List<Double> ss,
            List<Double> as, List<Double> vs, List<Double> ps, List<String> bs, int id, int parent,
            BeliefTreePlanner.Node n, double p) {
        ids.add(id);
        parents.add(parent);
        hs.add((double) n.h());
        ss.add((double) n.s());
        as.add((double) n.action());
        vs.add(n.value());
        ps.add(p);
        StringBuilder b = new StringBuilder();
        for (int m = 0; m < n.belief().length; m++) {
            b.append(m == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6g", n.belief()[m]));
        }
        bs.add(b.toString());
    }

    private static Map<String, Object> json(BeliefTreePlanner.Node n, double probability, double reward) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("h", n.h());
        j.put("s", n.s());
        if (!Double.isNaN(reward)) {
            j.put("reward", reward);
        }
        j.put("probability", probability);
        j.put("belief", n.belief().clone());
        j.put("action", n.action());
        j.put("value", n.value());
        j.put("alpha", n.alpha().clone());
        return j;
    }
}
