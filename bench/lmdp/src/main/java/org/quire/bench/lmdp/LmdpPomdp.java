package org.quire.bench.lmdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quire.lmdp.model.Lmdp;

import burlap.behavior.singleagent.auxiliary.StateEnumerator;
import burlap.mdp.core.action.Action;
import burlap.mdp.core.action.UniversalActionType;
import burlap.mdp.core.state.State;
import burlap.mdp.singleagent.environment.EnvironmentOutcome;
import burlap.mdp.singleagent.model.FullModel;
import burlap.mdp.singleagent.model.TransitionProb;
import burlap.mdp.singleagent.pomdp.PODomain;
import burlap.mdp.singleagent.pomdp.beliefstate.TabularBeliefState;
import burlap.mdp.singleagent.pomdp.observations.DiscreteObservationFunction;
import burlap.mdp.singleagent.pomdp.observations.ObservationProbability;
import burlap.statehashing.ReflectiveHashableStateFactory;

/**
 * An LMDP as a BURLAP POMDP. Hidden state (m, s, k), k the index of the last reward among the instance's distinct
 * reward values (BURLAP observations depend only on the state reached, so the reward must be carried in it);
 * observation (s, k); action a moves (m, s, k) to (m, s', index of R_m(s, a)) with P_m(s' | s, a) and reward
 * R_m(s, a), which BURLAP's belief MDP turns into the expected reward under the belief. Not thread-safe.
 */
final class LmdpPomdp {

    private final Lmdp lmdp;
    private final double[] rewardValues;
    private final int[][][] rewardIndex;
    private final PODomain domain;
    private final StateEnumerator enumerator;

    LmdpPomdp(Lmdp lmdp) {
        this.lmdp = lmdp;
        int contexts = lmdp.contexts();
        int states = lmdp.states();
        int actions = lmdp.actions();
        Map<Double, Integer> distinct = new LinkedHashMap<>();
        distinct.put(0.0, 0); // the reward index of start states
        rewardIndex = new int[contexts][states][actions];
        for (int m = 0; m < contexts; m++) {
            for (int s = 0; s < states; s++) {
                for (int a = 0; a < actions; a++) {
                    double r = lmdp.reward(m, s, a) + 0.0; // folds -0.0 into 0.0
                    rewardIndex[m][s][a] = distinct.computeIfAbsent(r, x -> distinct.size());
                }
            }
        }
        rewardValues = distinct.keySet().stream().mapToDouble(Double::doubleValue).toArray();

        domain = new PODomain();
        Map<String, Integer> actionIds = new LinkedHashMap<>();
        for (int a = 0; a < actions; a++) {
            domain.addActionType(new UniversalActionType("a" + a));
            actionIds.put("a" + a, a);
        }
        domain.setModel(new Model(actionIds));
        domain.setObservationFunction(new Observations());
        enumerator = new StateEnumerator(domain, new ReflectiveHashableStateFactory());
        for (int m = 0; m < contexts; m++) {
            for (int s = 0; s < states; s++) {
                for (int k = 0; k < rewardValues.length; k++) {
                    enumerator.getEnumeratedID(new HiddenState(m, s, k));
                }
            }
        }
        domain.setStateEnumerator(enumerator);
    }

    PODomain domain() {
        return domain;
    }

    /** Probability that the episode starts in {@code s}: Σ_m w_m ν_m(s). */
    double startProbability(int s) {
        double p = 0;
        for (int m = 0; m < lmdp.contexts(); m++) {
            p += lmdp.weight(m) * lmdp.initial(m, s);
        }
        return p;
    }

    /** Belief after observing the start state s (needs startProbability(s) &gt; 0): w_m ν_m(s) / Σ over (m, s, 0). */
    TabularBeliefState initialBelief(int s) {
        double total = startProbability(s);
        TabularBeliefState belief = new TabularBeliefState(domain, enumerator);
        for (int m = 0; m < lmdp.contexts(); m++) {
            double p = lmdp.weight(m) * lmdp.initial(m, s);
            if (p > 0) {
                belief.setBelief(enumerator.getEnumeratedID(new HiddenState(m, s, 0)), p / total);
            }
        }
        return belief;
    }

    /** Hidden dynamics: context fixed, LMDP transition, deterministic reward recorded in the next hidden state. */
    private final class Model implements FullModel {

        private final Map<String, Integer> actionIds;

        Model(Map<String, Integer> actionIds) {
            this.actionIds = actionIds;
        }

        @Override
        public List<TransitionProb> transitions(State state, Action action) {
            HiddenState h = (HiddenState) state;
            int a = actionIds.get(action.actionName());
            double r = lmdp.reward(h.m, h.s, a);
            int k = rewardIndex[h.m][h.s][a];
            int[] next = lmdp.successors(h.m, h.s, a);
            List<TransitionProb> out = new ArrayList<>(next.length);
            for (int sn : next) {
                out.add(new TransitionProb(lmdp.transition(h.m, h.s, a, sn),
                        new EnvironmentOutcome(state, action, new HiddenState(h.m, sn, k), r, false)));
            }
            return out;
        }

        @Override
        public EnvironmentOutcome sample(State state, Action action) {
            return FullModel.Helper.sampleByEnumeration(this, state, action);
        }

        @Override
        public boolean terminal(State state) {
            return false;
        }
    }

    /** Deterministic observation of the reached hidden state with the context removed. */
    private final class Observations implements DiscreteObservationFunction {

        @Override
        public List<State> allObservations() {
            List<State> all = new ArrayList<>(lmdp.states() * rewardValues.length);
            for (int s = 0; s < lmdp.states(); s++) {
                for (int k = 0; k < rewardValues.length; k++) {
                    all.add(new Observation(s, k));
                }
            }
            return all;
        }

        @Override
        public List<ObservationProbability> probabilities(State state, Action action) {
            return List.of(new ObservationProbability(sample(state, action), 1.0));
        }

        @Override
        public double probability(State observation, State state, Action action) {
            Observation o = (Observation) observation;
            HiddenState h = (HiddenState) state;
            return o.s == h.s && o.k == h.k ? 1.0 : 0.0;
        }

        @Override
        public State sample(State state, Action action) {
            HiddenState h = (HiddenState) state;
            return new Observation(h.s, h.k);
        }
    }
}
