package org.quire.fbm.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.quire.api.Progress;
import org.quire.compute.RandomStreams;
import org.quire.nn.Activation;
import org.quire.nn.Adam;
import org.quire.nn.Mlp;
import org.quire.nn.ParameterIo;
import org.quire.nn.Tape;

/**
 * Fits dX = b_θ(X) dt + σ dB̂_H with a neural drift b_θ (2 tanh hidden layers), learned H, σ and observation noise by
 * Adam on the path-space ELBO of {@link PathElbo}, with a control network zero-initialised in its last layer (so
 * the first step has KL = 0). Units as in {@link FitScales}. Same seed, same numbers whatever the thread count
 * (the tape's products are deterministic; per-element random streams come from the seed).
 */
public final class NeuralFit {

    private static final int DRIFT_GRID = 101;
    private static final double SCALAR_RATE = 0.1;

    private final PathData data;
    private final NeuralFitSettings settings;
    private final FitScales scales;
    private final MlpDrift drift;
    private final PathElbo elbo;
    private final RandomStreams streams;

    /**
     * @param streams the run's random streams (stream 0: network initialisation; child 1: training; child 2: evaluation)
     * @throws IllegalArgumentException when the paths are constant
     */
    public NeuralFit(PathData data, NeuralFitSettings settings, RandomStreams streams) {
        this(data, settings, streams, null);
    }

    /**
     * A fit whose H, σ and noise start from a parametric fit of the same data (null: H = 0.5, σ of a Brownian motion
     * with the data's increments, noise from the settings).
     *
     * @param warmStart a {@link FouFit} result for the same data and type, or null
     */
    public NeuralFit(PathData data, NeuralFitSettings settings, RandomStreams streams, FouFitResult warmStart) {
        this.data = data;
        this.settings = settings;
        this.scales = FitScales.of(data, settings.ouCount(), settings.gammaFactor());
        SplittableRandom init = streams.splittable(0);
        int w = settings.hidden();
        Mlp driftNet = new Mlp("drift", new int[] {1, w, w, 1}, Activation.TANH, true, init);
        // b = (value scale / T) · mlp((x − mean)/value scale): the zero-initialised output starts from b = 0
        drift = new MlpDrift(driftNet, scales.valueMean(), scales.valueScale(), scales.valueScale() / scales.horizon());
        int k = settings.ouCount();
        Mlp control = new Mlp("control", new int[] {PathElbo.CONTROL_FEATURES + k, w, w, 1}, Activation.TANH, true, init);
        double dt = scales.horizon() / (data.length() - 1);
        double hurst0 = warmStart == null ? 0.5 : Math.min(0.98, Math.max(0.02, warmStart.hurst()));
        double sigma0 = warmStart == null ? scales.sigmaScale() : warmStart.sigmaModel() * Math.pow(scales.unit(), hurst0);
        // the noise starts from the settings even after a warm start: the untrained control cannot track the data yet
        double noise0 = settings.noise() * scales.incrementScale();
        elbo = new PathElbo(new PathElbo.Setup(settings.type(), scales.grid(), scales.horizon(), scales.times(),
                data.values(), settings.substeps(), drift, control, controlScale(settings, scales, hurst0, sigma0, dt),
                ScalarParameter.hurst("hurst", hurst0, true),
                ScalarParameter.positive("sigma", sigma0, scales.sigmaScale(), true),
                ScalarParameter.positive("noise", noise0, scales.incrementScale(), settings.learnNoise()),
                scales.valueMean(), scales.valueScale(), scales.incrementScale()));
        this.streams = streams;
    }

    /**
     * Trains and evaluates.
     *
     * @param threads  threads for the tape's matrix products
     * @param progress one unit per Adam step; checked for cancellation
     */
    public NeuralFitResult fit(int threads, Progress progress) {
        // networks at the learning rate, the scalars (H, σ, noise) ten times slower: the bound is loose while the
        // control is still poor, and a fast H would chase that looseness
        List<org.quire.nn.Parameter> networks = new java.util.ArrayList<>(elbo.setup().control().parameters());
        networks.addAll(drift.parameters());
        List<org.quire.nn.Parameter> scalars = new java.util.ArrayList<>(elbo.parameters());
        scalars.removeAll(networks);
        Adam adam = new Adam(networks, settings.learningRate()).clipGradientNorm(100);
        Adam slow = new Adam(scalars, settings.learningRate() * SCALAR_RATE);
        Tape tape = new Tape(threads);
        int steps = settings.steps();
        int b = settings.batch();
        int paths = data.pathCount();
        double[] traceElbo = new double[steps];
        double[] traceHurst = new double[steps];
        RandomStreams training = streams.child(1);
        progress.begin("fitting the neural SDE by Adam on the path ELBO", steps);
        for (int s = 0; s < steps; s++) {
            tape.reset();
            int[] idx = new int[b];
            SplittableRandom[] rnd = new SplittableRandom[b];
            for (int e = 0; e < b; e++) {
                idx[e] = (int) (((long) s * b + e) % paths);
                rnd[e] = training.splittable((long) s * b + e);
            }
            traceHurst[s] = elbo.setup().hurst().value();
            PathElbo.Batch batch = elbo.simulate(tape, idx, rnd, true);
            var mean = tape.mean(batch.elbo());
            traceElbo[s] = mean.item() / (data.length() - 1);
            if (!Double.isFinite(traceElbo[s])) {
                throw new ArithmeticException("the ELBO is not finite at Adam step " + s + "; lower the learning rate");
            }
            tape.backward(tape.neg(mean));
            adam.step();
            slow.step();
            adam.zeroGrad();
            slow.zeroGrad();
            progress.worked(1);
            progress.message("step " + (s + 1) + "/" + steps + ": H=" + String.format(java.util.Locale.ROOT, "%.4f",
                    elbo.setup().hurst().value()));
        }
        return evaluate(tape, traceElbo, traceHurst);
    }

    private NeuralFitResult evaluate(Tape tape, double[] traceElbo, double[] traceHurst) {
        int paths = data.pathCount();
        int samples = settings.evaluationSamples();
        RandomStreams evaluation = streams.child(2);
        int bands = Math.min(FouFit.BAND_PATHS, paths);
        int n = data.length();
        double[][] mean = new double[bands][n];
        double[][] sd = new double[bands][n];
        double sum = 0;
        double sum2 = 0;
        double klSum = 0;
        for (int p = 0; p < paths; p++) {
            tape.reset();
            int[] idx = new int[samples];
            SplittableRandom[] rnd = new SplittableRandom[samples];
            for (int e = 0; e < samples; e++) {
                idx[e] = p;
                rnd[e] = evaluation.splittable((long) p * samples + e);
            }
            PathElbo.Batch batch = elbo.simulate(tape, idx, rnd, true);
            double m = 0;
            double m2 = 0;
            for (int e = 0; e < samples; e++) {
                double v = batch.elbo().get(e, 0);
                m += v;
                m2 += v * v;
                klSum += batch.kl().get(e, 0);
            }
            m /= samples;
            sum += m;
            sum2 += (m2 / samples - m * m) / (samples - 1);
            if (p < bands) {
                for (int i = 0; i < n; i++) {
                    double a = 0;
                    double a2 = 0;
                    for (int e = 0; e < samples; e++) {
                        double x = batch.x()[e][i];
                        a += x;
                        a2 += x * x;
                    }
                    a /= samples;
                    mean[p][i] = a;
                    sd[p][i] = Math.sqrt(Math.max(0, (a2 / samples - a * a) * samples / (samples - 1)));
                }
            }
        }
        double h = elbo.setup().hurst().value();
        double sigmaModel = elbo.setup().sigma().value() * Math.pow(scales.unit(), -h);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < paths; p++) {
            for (int i = 0; i < n; i++) {
                lo = Math.min(lo, data.value(p, i));
                hi = Math.max(hi, data.value(p, i));
            }
        }
        double[] gx = new double[DRIFT_GRID];
        for (int i = 0; i < DRIFT_GRID; i++) {
            gx[i] = lo + (hi - lo) * i / (DRIFT_GRID - 1);
        }
        double[] gb = drift.evaluate(gx);
        for (int i = 0; i < gb.length; i++) {
            gb[i] /= scales.unit();
        }
        Map<String, Object> networks = new LinkedHashMap<>();
        networks.put("drift", ParameterIo.toMap(drift.mlp().parameters()));
        networks.put("control", ParameterIo.toMap(elbo.setup().control().parameters()));
        networks.put("driftInput", "(x - " + scales.valueMean() + ") / " + scales.valueScale());
        networks.put("driftOutputScale", scales.valueScale() / scales.horizon() / scales.unit());
        return new NeuralFitResult(h, sigmaModel / FouFit.normalisation(settings.type(), h), sigmaModel,
                elbo.setup().noise().value(), sum, Math.sqrt(sum2), klSum / (paths * (double) samples),
                scales.observations(), gx, gb, traceElbo, traceHurst, mean, sd, networks);
    }

    /**
     * The control's output scale: a unit MLP output moves X over one mean interval Δ by about one increment scale,
     * σ Σ_k ω_k (1 − e^{−γ_k Δ})/γ_k · u = s_Δ (so a control that cancels the feature "next observation minus
     * its prediction" has weights of order one and is learned quickly).
     */
    static double controlScale(NeuralFitSettings settings, FitScales scales, double hurst, double sigma, double dt) {
        double[] omega = org.quire.fbm.math.MarkovApproximation.optimal(settings.type(), hurst, scales.horizon(),
                scales.grid()).omega();
        double response = 0;
        for (int k = 0; k < omega.length; k++) {
            double g = scales.grid().gamma(k);
            response += omega[k] * -Math.expm1(-g * dt) / g;
        }
        response = Math.abs(sigma * response);
        return response > 0 && Double.isFinite(response) ? scales.incrementScale() / response : 1 / Math.sqrt(dt);
    }

    /** The ELBO engine (for tests). */
    PathElbo elbo() {
        return elbo;
    }

    /** The parameters trained (for tests). */
    List<org.quire.nn.Parameter> parameters() {
        return elbo.parameters();
    }
}
