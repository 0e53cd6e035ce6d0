package org.quire.examples.sinkhorn;

/**
 * The result of {@link OtSolver#solve}: the plan {@code P_ij = u_i K_ij v_j} (read entry by entry or densely), the
 * dual potentials, the costs, and the convergence record. Immutable after construction; the arrays of the solver
 * state are owned by it.
 */
public final class OtSolution {
    private final ScaledKernel s;
    private final OtSolver.Options options;
    private final double[] errors;
    private final int iterations;
    private final double marginalError;
    private final boolean converged;
    private final double transportCost;
    private final double entropicCost;
    private final double dual;
    private final int newtonSteps;
    private final long cgIterations;
    private final int fallbacks;
    private final long kernelPasses;

    OtSolution(ScaledKernel s, OtSolver.Options options, double[] errors, int iterations, double marginalError,
            boolean converged, double transportCost, double entropicCost, double dual, int newtonSteps,
            long cgIterations, int fallbacks, long kernelPasses) {
        this.s = s;
        this.options = options;
        this.errors = errors;
        this.iterations = iterations;
        this.marginalError = marginalError;
        this.converged = converged;
        this.transportCost = transportCost;
        this.entropicCost = entropicCost;
        this.dual = dual;
        this.newtonSteps = newtonSteps;
        this.cgIterations = cgIterations;
        this.fallbacks = fallbacks;
        this.kernelPasses = kernelPasses;
    }

    /** The settings used. */
    public OtSolver.Options options() {
        return options;
    }

    /** Number of sources. */
    public int n() {
        return s.n;
    }

    /** Number of targets. */
    public int m() {
        return s.m;
    }

    /** Plan entry P_ij (mass moved from source i to target j). */
    public double plan(int i, int j) {
        return s.plan(i, j);
    }

    /** The dense plan, row-major n &times; m (a new array). */
    public double[] plan() {
        double[] out = new double[s.n * s.m];
        for (int i = 0; i < s.n; i++) {
            for (int j = 0; j < s.m; j++) {
                out[i * s.m + j] = s.plan(i, j);
            }
        }
        return out;
    }

    /** The source potential f_i + eps log u_i (cost units), defined up to a constant shared with g. */
    public double f(int i) {
        return s.f[i] + s.eps * Math.log(s.u[i]);
    }

    /** The target potential g_j + eps log v_j (cost units). */
    public double g(int j) {
        return s.g[j] + s.eps * Math.log(s.v[j]);
    }

    /** {@code sum P_ij C_ij}, without the entropy term. */
    public double transportCost() {
        return transportCost;
    }

    /** The primal objective {@code sum P_ij C_ij + eps sum P_ij (log P_ij - 1)}. */
    public double entropicCost() {
        return entropicCost;
    }

    /** The dual objective at the returned potentials (equals {@link #entropicCost()} at convergence). */
    public double dualObjective() {
        return dual;
    }

    /** Iterations done (Sinkhorn iterations plus Newton steps). */
    public int iterations() {
        return iterations;
    }

    /** {@code |P 1 - a|_1 + |P^T 1 - b|_1} of the returned plan. */
    public double marginalError() {
        return marginalError;
    }

    /** The marginal error after iterations 1, 2, ... (a new array). */
    public double[] errorHistory() {
        return errors.clone();
    }

    /** Whether the marginal error reached the tolerance. */
    public boolean converged() {
        return converged;
    }

    /** Newton steps taken (SNS). */
    public int newtonSteps() {
        return newtonSteps;
    }

    /** Conjugate-gradient iterations over all Newton steps (SNS). */
    public long cgIterations() {
        return cgIterations;
    }

    /** Newton steps replaced by a Sinkhorn iteration because the line search failed (SNS). */
    public int fallbacks() {
        return fallbacks;
    }

    /** Dense passes over the n &times; m kernel, the unit of work of both methods. */
    public long kernelPasses() {
        return kernelPasses;
    }
}
