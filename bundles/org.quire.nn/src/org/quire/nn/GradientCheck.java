package org.quire.nn;

import java.util.Arrays;
import java.util.List;

/**
 * Compares reverse-mode gradients with central finite differences {@code (f(p+h) - f(p-h)) / 2h}, one parameter
 * element at a time. The relative error of an element is {@code |a - n| / max(|a|, |n|, floor)}. Costs two loss
 * evaluations per parameter element: for small networks. Leaves parameter values unchanged and the parameters'
 * gradients equal to the analytic gradient.
 */
public final class GradientCheck {

    private GradientCheck() {
    }

    /** Builds the scalar (1x1) loss on the given tape, using {@link Tape#param(Parameter)} for the parameters. */
    @FunctionalInterface
    public interface LossFunction {
        /** The loss recorded on {@code tape}. */
        Tensor loss(Tape tape);
    }

    /** The largest relative error, where it occurred ({@code name[r,c]}), and the two gradients there. */
    public record Result(double maxRelativeError, String worst, double analytic, double numeric) {
    }

    /** {@link #check(List, LossFunction, double, double)} with floor 1e-6. */
    public static Result check(List<Parameter> params, LossFunction f, double h) {
        return check(params, f, h, 1e-6);
    }

    /**
     * @param h     finite-difference step, &gt; 0 (1e-6 suits doubles of order 1)
     * @param floor smallest denominator of the relative error, &ge; 0 (guards gradients that are ~0)
     */
    public static Result check(List<Parameter> params, LossFunction f, double h, double floor) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("h must be > 0, was " + h);
        }
        Tape tape = new Tape();
        for (Parameter p : params) {
            p.zeroGrad();
        }
        tape.backward(f.loss(tape));
        tape.reset();
        double worstErr = -1;
        String worst = "";
        double worstA = 0;
        double worstN = 0;
        for (Parameter p : params) {
            double[] w = p.value().data();
            double[] g = Arrays.copyOf(p.grad().data(), w.length);
            for (int i = 0; i < w.length; i++) {
                double saved = w[i];
                w[i] = saved + h;
                double fp = evaluate(tape, f);
                w[i] = saved - h;
                double fm = evaluate(tape, f);
                w[i] = saved;
                double numeric = (fp - fm) / (2 * h);
                double analytic = g[i];
                double err = Math.abs(analytic - numeric) / Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), floor);
                if (Double.isNaN(err)) {
                    err = Double.POSITIVE_INFINITY;
                }
                if (err > worstErr) {
                    worstErr = err;
                    worst = p.name() + "[" + (i / p.cols()) + "," + (i % p.cols()) + "]";
                    worstA = analytic;
                    worstN = numeric;
                }
            }
        }
        return new Result(Math.max(worstErr, 0), worst, worstA, worstN);
    }

    private static double evaluate(Tape tape, LossFunction f) {
        Tensor loss = f.loss(tape);
        if (loss.rows() != 1 || loss.cols() != 1) {
            throw new IllegalArgumentException("loss must be 1x1, was " + loss.rows() + "x" + loss.cols());
        }
        double value = loss.item();
        tape.reset();
        return value;
    }
}
