package org.quire.fbm.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.quire.fbm.math.FbmType;
import org.quire.fbm.math.GammaGrid;
import org.quire.fbm.math.MarkovApproximation;
import org.quire.nn.Matrix;
import org.quire.nn.Mlp;
import org.quire.nn.Parameter;
import org.quire.nn.Tape;
import org.quire.nn.Tensor;

/**
 * The path-space ELBO of the paper (spec §1.5–1.6) on an {@code org.quire.nn} tape, one posterior path per batch
 * element: the control u_φ(t, X, Y, next observation, its drift-free prior prediction) shifts the shared Brownian motion,
 * dY_k = (−γ_k Y_k + u) dt + dW, dX = b(X) dt + σ Σ_k ω_k(H) dY_k, and
 * ELBO = Σ_{i≥1} log N(o_i | X(t_i), s²) − ½∫u² dt with X(t_0) ~ N(o_0, s²) and Y(t_0) from the type's initial law
 * (no KL term: these are the prior's laws). Y moves by the exact OU step with u held over each sub-step
 * ({@link OuStepNoise}); X by Euler in its drift and the exact Y increments; noise is reparameterised, so gradients
 * reach φ, the drift, σ, s and H. ω(H) enters as a custom tape operation with dω/dH from
 * {@link MarkovApproximation#omegaDerivative()}. Times are in the model's internal unit. Not thread-safe.
 */
public final class PathElbo {

    /** Number of control inputs besides the K scaled OU states. */
    public static final int CONTROL_FEATURES = 5;

    /**
     * Everything the ELBO needs.
     *
     * @param type          MA-fBM type
     * @param grid          OU speeds (internal time unit)
     * @param omegaHorizon  horizon T of the ω optimisation
     * @param times         observation times (internal unit), strictly increasing
     * @param values        observed paths, one row per path
     * @param substeps      sub-steps per observation interval
     * @param drift         prior drift
     * @param control       control MLP with {@link #CONTROL_FEATURES} + K inputs and 1 output
     * @param controlScale  the control is controlScale · MLP output
     * @param hurst         Hurst index
     * @param sigma         diffusion coefficient σ
     * @param noise         observation noise s
     * @param center        centre of the values (feature scaling)
     * @param valueScale    scale of the values (feature scaling)
     * @param incrementScale scale of the increments (feature scaling)
     */
    public record Setup(FbmType type, GammaGrid grid, double omegaHorizon, double[] times, double[][] values, int substeps,
            DriftModel drift, Mlp control, double controlScale, ScalarParameter hurst, ScalarParameter sigma,
            ScalarParameter noise, double center, double valueScale, double incrementScale) {

        public Setup {
            if (control.inputSize() != CONTROL_FEATURES + grid.size() || control.outputSize() != 1) {
                throw new IllegalArgumentException("the control MLP must map " + (CONTROL_FEATURES + grid.size())
                        + " inputs to 1 output");
            }
            if (substeps < 1 || times.length < 2) {
                throw new IllegalArgumentException("need substeps >= 1 and at least 2 observation times");
            }
        }
    }

    /**
     * One batch of posterior paths.
     *
     * @param elbo          per-element ELBO (B×1)
     * @param logLikelihood per-element Σ_i log N(o_i | X(t_i), s²) (B×1)
     * @param kl            per-element ½∫u² dt (B×1)
     * @param x             simulated X at the observation times, B rows
     * @param logWeight     per-element −∫u dW − ½∫u² dt with dW the simulated Brownian increments: the log
     *                      Radon–Nikodym density of the measure shifted by u against the simulated one
     */
    public record Batch(Tensor elbo, Tensor logLikelihood, Tensor kl, double[][] x, double[] logWeight) {
    }

    private final Setup setup;
    private final int k;
    private final double[] gamma;
    private final double[][] initialFactor;
    private final Map<Double, OuStepNoise> noiseCache = new HashMap<>();
    private final double meanInterval;

    public PathElbo(Setup setup) {
        this.setup = setup;
        this.gamma = setup.grid().gammas();
        this.k = gamma.length;
        double[] t = setup.times();
        meanInterval = (t[t.length - 1] - t[0]) / (t.length - 1);
        initialFactor = new double[k][k];
        if (setup.type() == FbmType.TYPE_I) {
            double[][] s = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    s[i][j] = 1.0 / (gamma[i] + gamma[j]);
                }
            }
            EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(s, false));
            RealMatrix v = eig.getV();
            double[] lambda = eig.getEigenvalues();
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    initialFactor[i][j] = v.getEntry(i, j) * Math.sqrt(Math.max(0, lambda[j]));
                }
            }
        }
    }

    /** The trainable parameters: control, drift, and the learned scalars. */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>(setup.control().parameters());
        out.addAll(setup.drift().parameters());
        for (ScalarParameter s : List.of(setup.hurst(), setup.sigma(), setup.noise())) {
            if (s.learned()) {
                out.add(s.raw());
            }
        }
        return out;
    }

    public Setup setup() {
        return setup;
    }

    /**
     * Records one batch on {@code tape}.
     *
     * @param paths        the observed path of each batch element
     * @param randoms      one stream per batch element (consumed in time order)
     * @param applyControl false: simulate the prior P (the control is evaluated only for {@link Batch#logWeight()})
     */
    public Batch simulate(Tape tape, int[] paths, SplittableRandom[] randoms, boolean applyControl) {
        int b = paths.length;
        double[] times = setup.times();
        double[][] values = setup.values();
        int n = times.length;
        Tensor hurst = setup.hurst().tensor(tape);
        Tensor omega = omega(tape, hurst);
        Tensor sigma = setup.sigma().tensor(tape);
        Tensor noise = setup.noise().tensor(tape);
        Matrix o0 = new Matrix(b, 1);
        Matrix eps = new Matrix(b, 1);
        Matrix y0 = new Matrix(b, k);
        double[] z = new double[k];
        for (int e = 0; e < b; e++) {
            o0.set(e, 0, values[paths[e]][0]);
            eps.set(e, 0, StandardNormal.next(randoms[e]));
            if (setup.type() == FbmType.TYPE_I) {
                for (int i = 0; i < k; i++) {
                    z[i] = StandardNormal.next(randoms[e]);
                }
                for (int i = 0; i < k; i++) {
                    double s = 0;
                    for (int j = 0; j < k; j++) {
                        s += initialFactor[i][j] * z[j];
                    }
                    y0.set(e, i, s);
                }
            }
        }
        Tensor x = tape.add(tape.constant(o0), tape.mul(noise, tape.constant(eps)));
        Tensor y = tape.constant(y0);
        Matrix ouScale = new Matrix(1, k);
        for (int i = 0; i < k; i++) {
            ouScale.set(0, i, Math.sqrt(2 * gamma[i]));
        }
        Tensor ouScaleT = tape.constant(ouScale);
        Tensor kl = tape.constant(b, 1, 0);
        Tensor squares = tape.constant(b, 1, 0);
        double[][] xs = new double[b][n];
        double[] logWeight = new double[b];
        for (int e = 0; e < b; e++) {
            xs[e][0] = x.get(e, 0);
        }
        double horizon = times[n - 1] - times[0];
        double[] w = new double[k + 1];
        for (int obs = 1; obs < n; obs++) {
            double h = (times[obs] - times[obs - 1]) / setup.substeps();
            OuStepNoise step = noiseCache.computeIfAbsent(h, dt -> new OuStepNoise(gamma, dt));
            Matrix oNext = new Matrix(b, 1);
            for (int e = 0; e < b; e++) {
                oNext.set(e, 0, values[paths[e]][obs]);
            }
            Tensor oNextT = tape.constant(oNext);
            Matrix decay = new Matrix(1, k);
            Matrix gain = new Matrix(1, k);
            for (int i = 0; i < k; i++) {
                decay.set(0, i, step.decay(i) - 1);
                gain.set(0, i, step.gain(i));
            }
            Tensor decayT = tape.constant(decay);
            Tensor gainT = tape.constant(gain);
            for (int s = 0; s < setup.substeps(); s++) {
                double t = times[obs - 1] + s * h;
                Matrix ahead = new Matrix(1, k);
                for (int i = 0; i < k; i++) {
                    ahead.set(0, i, Math.expm1(-gamma[i] * (times[obs] - t)));
                }
                // the next observation minus its drift-free prior prediction x + σ Σ ω_k (e^{−γ_k(t_next − t)} − 1) Y_k
                Tensor predicted = tape.add(x, tape.mul(tape.matmul(tape.mul(y, tape.constant(ahead)), omega), sigma));
                Tensor features = tape.concatCols(
                        tape.scale(tape.sub(oNextT, predicted), 1 / setup.incrementScale()),
                        tape.constant(b, 1, (t - times[0]) / horizon),
                        tape.scale(tape.addScalar(x, -setup.center()), 1 / setup.valueScale()),
                        tape.scale(tape.sub(oNextT, x), 1 / setup.incrementScale()),
                        tape.constant(b, 1, (times[obs] - t) / meanInterval),
                        tape.mul(y, ouScaleT));
                Tensor u = tape.scale(setup.control().forward(tape, features), setup.controlScale());
                Matrix noiseDraw = new Matrix(b, k);
                for (int e = 0; e < b; e++) {
                    step.sample(randoms[e], w);
                    double ue = u.get(e, 0);
                    logWeight[e] += -ue * w[0] - 0.5 * ue * ue * h;
                    for (int i = 0; i < k; i++) {
                        noiseDraw.set(e, i, w[i + 1]);
                    }
                }
                Tensor dy = tape.add(tape.mul(y, decayT), tape.constant(noiseDraw));
                if (applyControl) {
                    dy = tape.add(dy, tape.mul(u, gainT));
                    kl = tape.add(kl, tape.scale(tape.square(u), 0.5 * h));
                }
                Tensor db = tape.matmul(dy, omega);
                x = tape.add(x, tape.add(tape.scale(setup.drift().drift(tape, x), h), tape.mul(db, sigma)));
                y = tape.add(y, dy);
            }
            squares = tape.add(squares, tape.square(tape.sub(oNextT, x)));
            for (int e = 0; e < b; e++) {
                xs[e][obs] = x.get(e, 0);
            }
        }
        int m = n - 1;
        Tensor logLik = tape.sub(tape.scalar(-0.5 * m * Math.log(2 * Math.PI)),
                tape.add(tape.scale(tape.log(noise), m), tape.div(squares, tape.scale(tape.square(noise), 2))));
        Tensor elbo = tape.sub(logLik, kl);
        return new Batch(elbo, logLik, kl, xs, logWeight);
    }

    /** ω(H) as a K×1 tensor; its gradient flows to H through dω/dH. */
    private Tensor omega(Tape tape, Tensor hurst) {
        double h = hurst.item();
        MarkovApproximation ma = MarkovApproximation.optimal(setup.type(), h, setup.omegaHorizon(), setup.grid());
        Matrix value = Matrix.column(ma.omega());
        if (!setup.hurst().learned()) {
            return tape.constant(value);
        }
        double[] derivative = ma.omegaDerivative();
        return tape.custom(value, (outputGrad, inputGrads) -> {
            if (inputGrads[0] != null) {
                double s = 0;
                for (int i = 0; i < derivative.length; i++) {
                    s += outputGrad.get(i, 0) * derivative[i];
                }
                inputGrads[0].data()[0] += s;
            }
        }, hurst);
    }
}
