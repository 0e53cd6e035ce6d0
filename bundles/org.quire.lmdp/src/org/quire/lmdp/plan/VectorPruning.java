package org.quire.lmdp.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * Removes alpha vectors that are nowhere strictly best on the belief simplex: duplicates and pointwise-dominated
 * vectors first, then an exact test per vector — the maximum over t ∈ [0,1] for M = 2 (upper envelope by interval
 * intersection) or an LP max_b min_{α'} ⟨b, α − α'⟩ (Hipparchus simplex) for M ≥ 3. A vector is kept when its
 * margin exceeds {@link #MARGIN}. The maximum of ⟨b, ·⟩ over the set is unchanged for every belief b. Stateless.
 */
public final class VectorPruning {
    /** Smallest margin (in return units) for which a vector is kept. */
    public static final double MARGIN = 1e-12;

    private VectorPruning() {
    }

    /** The pruned set (a new list; vectors are shared, not copied). */
    public static List<double[]> prune(List<double[]> vectors) {
        if (vectors.size() <= 1) {
            return new ArrayList<>(vectors);
        }
        int dim = vectors.get(0).length;
        List<double[]> nd = dominanceFilter(vectors);
        if (nd.size() <= 1) {
            return nd;
        }
        if (dim == 1) {
            return List.of(nd.get(0));
        }
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < nd.size(); i++) {
            double margin = dim == 2 ? envelopeMargin(nd, i) : lpMargin(nd, i);
            if (margin > MARGIN) {
                kept.add(nd.get(i));
            }
        }
        return kept;
    }

    /** Removes duplicates (within MARGIN in every entry) and vectors weakly dominated pointwise by another. */
    static List<double[]> dominanceFilter(List<double[]> vectors) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            double[] x = vectors.get(i);
            boolean dominated = false;
            for (int j = 0; j < vectors.size() && !dominated; j++) {
                if (i == j) {
                    continue;
                }
                double[] y = vectors.get(j);
                boolean geq = true;
                boolean strict = false;
                for (int m = 0; m < x.length; m++) {
                    if (y[m] < x[m] - MARGIN) {
                        geq = false;
                        break;
                    }
                    if (y[m] > x[m] + MARGIN) {
                        strict = true;
                    }
                }
                // y dominates x strictly somewhere, or they are equal and y comes first
                dominated = geq && (strict || j < i);
            }
            if (!dominated) {
                out.add(x);
            }
        }
        return out;
    }

    /** M = 2: the length of the interval of t = b(1) on which vector i is at least every other one (−1 if empty). */
    private static double envelopeMargin(List<double[]> set, int i) {
        double[] x = set.get(i);
        double lo = 0;
        double hi = 1;
        for (int j = 0; j < set.size(); j++) {
            if (j == i) {
                continue;
            }
            double[] y = set.get(j);
            double c0 = x[0] - y[0];           // difference at t = 0
            double slope = (x[1] - y[1]) - c0;  // difference(t) = c0 + slope t
            if (Math.abs(slope) < 1e-300) {
                if (c0 < 0) {
                    return -1;
                }
                continue;
            }
            double root = -c0 / slope;
            if (slope > 0) {
                lo = Math.max(lo, root);
            } else {
                hi = Math.min(hi, root);
            }
            if (lo >= hi) {
                return -1;
            }
        }
        // margin: the smallest gap at the interval's midpoint
        double t = 0.5 * (lo + hi);
        double gap = Double.POSITIVE_INFINITY;
        for (int j = 0; j < set.size(); j++) {
            if (j != i) {
                double[] y = set.get(j);
                gap = Math.min(gap, (x[0] - y[0]) * (1 - t) + (x[1] - y[1]) * t);
            }
        }
        return Math.min(gap, hi - lo);
    }

    /**
     * M ≥ 3: max over beliefs b of min over other vectors of ⟨b, x − y⟩, as an LP in (b, δ⁺, δ⁻) with δ = δ⁺ − δ⁻
     * (always feasible and bounded). If the solver fails the vector is kept (conservative: the maximum is unchanged).
     */
    private static double lpMargin(List<double[]> set, int i) {
        double[] x = set.get(i);
        int dim = x.length;
        int vars = dim + 2;
        double[] obj = new double[vars];
        obj[dim] = 1;
        obj[dim + 1] = -1;
        List<LinearConstraint> cons = new ArrayList<>();
        double[] ones = new double[vars];
        Arrays.fill(ones, 0, dim, 1.0);
        cons.add(new LinearConstraint(ones, Relationship.EQ, 1.0));
        double maxDiff = 0;
        for (int j = 0; j < set.size(); j++) {
            if (j == i) {
                continue;
            }
            double[] y = set.get(j);
            double[] row = new double[vars];
            for (int m = 0; m < dim; m++) {
                row[m] = x[m] - y[m];
                maxDiff = Math.max(maxDiff, Math.abs(row[m]));
            }
            row[dim] = -1;
            row[dim + 1] = 1;
            cons.add(new LinearConstraint(row, Relationship.GEQ, 0.0));
        }
        double[] cap = new double[vars];
        cap[dim] = 1;
        cons.add(new LinearConstraint(cap, Relationship.LEQ, maxDiff + 1));
        double[] capNeg = new double[vars];
        capNeg[dim + 1] = 1;
        cons.add(new LinearConstraint(capNeg, Relationship.LEQ, maxDiff + 1));
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(100_000),
                    new LinearObjectiveFunction(obj, 0), new LinearConstraintSet(cons), GoalType.MAXIMIZE,
                    new NonNegativeConstraint(true));
            double[] point = p.getPoint();
            // recompute the margin exactly at the solver's belief (clipped and renormalised)
            double[] b = new double[dim];
            double sum = 0;
            for (int m = 0; m < dim; m++) {
                b[m] = Math.max(0, point[m]);
                sum += b[m];
            }
            if (!(sum > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            double margin = Double.POSITIVE_INFINITY;
            for (int j = 0; j < set.size(); j++) {
                if (j == i) {
                    continue;
                }
                double[] y = set.get(j);
                double d = 0;
                for (int m = 0; m < dim; m++) {
                    d += b[m] / sum * (x[m] - y[m]);
                }
                margin = Math.min(margin, d);
            }
            // keep when either the LP optimum or the exact margin at its belief says the vector wins somewhere
            return Math.max(margin, point[dim] - point[dim + 1] > 1e-9 ? Double.POSITIVE_INFINITY : margin);
        } catch (MathIllegalStateException e) {
            return Double.POSITIVE_INFINITY; // solver failure: keep the vector
        }
    }
}
