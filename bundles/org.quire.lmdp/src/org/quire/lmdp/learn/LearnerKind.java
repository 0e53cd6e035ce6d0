package org.quire.lmdp.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.quire.lmdp.model.Lmdp;

/**
 * The learners of a study, with their stable ids (used in parameters, metric names and random streams: the
 * ordinal never changes, so a learner's numbers do not depend on which others run).
 */
public enum LearnerKind {
    /** Value-optimistic, Bernstein bonus on the variance of the next alpha entry (spec §1.3). */
    VALUE("value"),
    /** Model-optimistic, per-entry Bernstein sets, history-rectangular relaxation (spec §1.4). */
    MODEL("model"),
    /** L-UCRL-style: L1 (Weissman) confidence sets. */
    LUCRL("lucrl"),
    /** L-UCRL-style Hoeffding bonus (H − h)/H·√(ι/n). */
    HOEFFDING("hoeffding"),
    /** Exact plan on the true model (regret 0). */
    ORACLE("oracle"),
    /** Markov policy from pooled data. */
    MEMORYLESS("memoryless");

    private final String id;

    LearnerKind(String id) {
        this.id = id;
    }

    /** The id, e.g. {@code value}. */
    public String id() {
        return id;
    }

    /** A fresh learner of this kind for {@code truth} (only the oracle reads its transitions). */
    public Learner create(Lmdp truth, LearnSettings settings) {
        double iota = OptimisticBackup.iota(truth.contexts(), truth.states(), truth.actions(), settings.episodes(),
                truth.horizon(), settings.delta());
        return switch (this) {
            case VALUE -> new OptimisticLearner(truth,
                    (e, k) -> new ValueOptimisticBackup(e, k, iota, settings.c1(), settings.c2()), settings.smoothing());
            case MODEL -> new OptimisticLearner(truth,
                    (e, k) -> new ModelOptimisticBackup(e, k, iota, settings.c1(), settings.c2()), settings.smoothing());
            case LUCRL -> new OptimisticLearner(truth, (e, k) -> new L1OptimisticBackup(e, k, iota), settings.smoothing());
            case HOEFFDING -> new OptimisticLearner(truth, (e, k) -> new HoeffdingBackup(e, k, iota), settings.smoothing());
            case ORACLE -> new OracleLearner(truth);
            case MEMORYLESS -> new MemorylessLearner(truth, settings);
        };
    }

    /**
     * Parses a comma-separated list of ids (blank: all, in declaration order); duplicates are dropped.
     *
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public static List<LearnerKind> parseList(String text) {
        List<LearnerKind> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return List.of(values());
        }
        for (String part : text.split(",")) {
            String id = part.trim().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            LearnerKind kind = null;
            for (LearnerKind k : values()) {
                if (k.id.equals(id)) {
                    kind = k;
                }
            }
            if (kind == null) {
                throw new IllegalArgumentException("unknown learner '" + part.trim() + "'; known: " + ids());
            }
            if (!out.contains(kind)) {
                out.add(kind);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no learner given; known: " + ids());
        }
        return List.copyOf(out);
    }

    /** All ids, comma-separated. */
    public static String ids() {
        StringBuilder sb = new StringBuilder();
        for (LearnerKind k : values()) {
            sb.append(sb.length() == 0 ? "" : ",").append(k.id);
        }
        return sb.toString();
    }
}
