package org.quire.fbm.fit;

import org.quire.nn.Matrix;
import org.quire.nn.Parameter;
import org.quire.nn.Tape;
import org.quire.nn.Tensor;

/**
 * A constrained scalar of the variational fit held as an unconstrained 1×1 {@link Parameter}: a Hurst index
 * H = 0.01 + 0.98·sigmoid(raw), or a positive value scale·softplus(raw); learned or fixed. Not thread-safe.
 */
public final class ScalarParameter {

    /** How the raw value maps to the constrained one. */
    public enum Kind {
        /** H = 0.01 + 0.98·sigmoid(raw) in (0.01, 0.99). */
        HURST,
        /** scale·softplus(raw) &gt; 0. */
        POSITIVE
    }

    private final Parameter raw;
    private final Kind kind;
    private final double scale;
    private final boolean learned;

    private ScalarParameter(String name, Kind kind, double scale, double value, boolean learned) {
        this.kind = kind;
        this.scale = scale;
        this.learned = learned;
        double r = kind == Kind.HURST ? Math.log((value - 0.01) / (0.99 - value)) : FouFit.softplusInverse(value / scale);
        this.raw = new Parameter(name, Matrix.filled(1, 1, r));
    }

    /** A Hurst index starting at (or fixed to) {@code value} in (0.01, 0.99). */
    public static ScalarParameter hurst(String name, double value, boolean learned) {
        if (!(value > 0.01 && value < 0.99)) {
            throw new IllegalArgumentException(name + ": H must be in (0.01, 0.99), got " + value);
        }
        return new ScalarParameter(name, Kind.HURST, 1, value, learned);
    }

    /** A positive value starting at (or fixed to) {@code value} &gt; 0, parameterised as scale·softplus(raw). */
    public static ScalarParameter positive(String name, double value, double scale, boolean learned) {
        if (!(value > 0) || !(scale > 0)) {
            throw new IllegalArgumentException(name + ": value and scale must be > 0, got " + value + ", " + scale);
        }
        return new ScalarParameter(name, Kind.POSITIVE, scale, value, learned);
    }

    /** The current constrained value. */
    public double value() {
        double r = raw.value().get(0, 0);
        return kind == Kind.HURST ? 0.01 + 0.98 / (1 + Math.exp(-r)) : scale * FouFit.softplus(r);
    }

    /** Whether it is trained. */
    public boolean learned() {
        return learned;
    }

    /** The raw parameter (for the optimiser when learned). */
    public Parameter raw() {
        return raw;
    }

    /** The value as a 1×1 tensor: differentiable in the raw parameter when learned, else a constant. */
    public Tensor tensor(Tape tape) {
        if (!learned) {
            return tape.scalar(value());
        }
        Tensor r = tape.param(raw);
        if (kind == Kind.HURST) {
            return tape.addScalar(tape.scale(tape.sigmoid(r), 0.98), 0.01);
        }
        return tape.scale(tape.softplus(r), scale);
    }
}
