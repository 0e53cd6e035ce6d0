package org.quire.lmdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.params.ParameterException;
import org.quire.api.result.Result;
import org.quire.api.result.Table;
import org.quire.lmdp.model.Generators;
import org.quire.lmdp.model.Lmdp;
import org.quire.lmdp.model.LmdpJson;

/**
 * {@code lmdp.generate}: an instance of a family (random, hard, lock, tiger, bandit) in the issue-4 JSON format,
 * returned as the value {@code instance} (the JSON object) and as the table {@code instance} (one row per
 * (context, state, action, next) with the transition probability and the reward). Stateless.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "lmdp.generate", family = "lmdp", name = "Generate a latent MDP",
        description = "Generates a latent MDP instance (random Dirichlet, lower-bound-style hard, lock/horizon-stress, "
                + "tiger or context bandit) in the LMDP JSON format; the instance is the 'instance' value of the run.")
public final class GenerateAlgorithm implements Algorithm<GenerateAlgorithm.Params> {

    /**
     * Parameters.
     *
     * @param family        random, hard, lock, tiger or bandit
     * @param contexts      M (random, hard, lock, bandit)
     * @param states        S (random); decision states (hard); chain length L (lock)
     * @param actions       A (random, hard, lock, bandit)
     * @param horizon       H
     * @param degree        Γ, successors per (m, s, a) (random)
     * @param rewardDensity fraction of non-zero rewards (random)
     * @param q             base success probability (hard); advance probability p (lock)
     * @param epsilon       success gap of the secret action (hard)
     * @param accuracy      listening accuracy (tiger)
     * @param seed          instance seed (random, hard)
     */
    public record Params(
            @Param(label = "Family", defaultValue = "random", choices = {"random", "hard", "lock", "tiger", "bandit"},
                    description = "Instance family") String family,
            @Param(label = "Contexts", min = 1, max = 20, defaultValue = "2", description = "M") int contexts,
            @Param(label = "States", min = 1, max = 200, defaultValue = "3",
                    description = "S (random), decision states (hard), chain length L (lock)") int states,
            @Param(label = "Actions", min = 1, max = 50, defaultValue = "2", description = "A") int actions,
            @Param(label = "Horizon", min = 1, max = 1000, defaultValue = "4", description = "H") int horizon,
            @Param(label = "Degree", min = 1, max = 200, defaultValue = "2",
                    description = "Successors per (context, state, action), at most S (random)") int degree,
            @Param(label = "Reward density", min = 0, max = 1, defaultValue = "0.5",
                    description = "Fraction of (context, state, action) with a non-zero reward (random)") double rewardDensity,
            @Param(label = "q / p", min = 0, max = 1, defaultValue = "0.5",
                    description = "Base success probability (hard) or advance probability p in (0, 1] (lock)") double q,
            @Param(label = "Epsilon", min = 0, max = 1, defaultValue = "0.2",
                    description = "Extra success probability of the secret action (hard)") double epsilon,
            @Param(label = "Accuracy", min = 0, max = 1, defaultValue = "0.8",
                    description = "Listening accuracy (tiger)") double accuracy,
            @Param(label = "Seed", min = 0, defaultValue = "1", description = "Instance seed (random, hard)") long seed) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        Lmdp l;
        try {
            l = generate(p);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("family", e.getMessage());
        }
        for (String w : LmdpJson.warnings(l)) {
            ctx.log().warn(w);
        }
        Object json = new com.fasterxml.jackson.databind.ObjectMapper().readValue(LmdpJson.toJson(l), java.util.Map.class);
        return Result.builder().value("instance", json).table(table(l)).metric("contexts", l.contexts())
                .metric("states", l.states()).metric("actions", l.actions()).metric("horizon", l.horizon())
                .metric("maxDegree", l.maxDegree()).metric("maxReturn", l.maxReturn()).build();
    }

    /** The instance for the parameters. */
    static Lmdp generate(Params p) {
        return switch (p.family().toLowerCase(Locale.ROOT)) {
            case "random" -> Generators.random(p.contexts(), p.states(), p.actions(), p.horizon(), p.degree(),
                    p.rewardDensity(), p.seed());
            case "hard" -> Generators.hard(p.contexts(), p.states(), p.actions(), p.horizon(), p.q(), p.epsilon(), p.seed());
            case "lock" -> Generators.lock(p.contexts(), p.actions(), p.states(), p.q(), p.horizon());
            case "tiger" -> Generators.tiger(p.accuracy(), p.horizon());
            case "bandit" -> Generators.bandit(p.contexts(), p.actions(), p.horizon());
            default -> throw new IllegalArgumentException("family: expected random, hard, lock, tiger or bandit, got "
                    + p.family());
        };
    }

    private static Table table(Lmdp l) {
        List<double[]> rows = new ArrayList<>();
        for (int m = 0; m < l.contexts(); m++) {
            for (int s = 0; s < l.states(); s++) {
                for (int a = 0; a < l.actions(); a++) {
                    for (int n : l.successors(m, s, a)) {
                        rows.add(new double[] {m, s, a, n, l.transition(m, s, a, n), l.reward(m, s, a), l.weight(m),
                                l.initial(m, s)});
                    }
                }
            }
        }
        String[] names = {"context", "state", "action", "next", "probability", "reward", "weight", "initial"};
        Table.Builder t = Table.builder("instance");
        for (int c = 0; c < names.length; c++) {
            double[] col = new double[rows.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = rows.get(i)[c];
            }
            t.numeric(names[c], col);
        }
        return t.build();
    }
}
