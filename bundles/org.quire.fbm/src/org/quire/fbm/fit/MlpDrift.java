package org.quire.fbm.fit;

import java.util.List;

import org.quire.nn.Matrix;
import org.quire.nn.Mlp;
import org.quire.nn.Parameter;
import org.quire.nn.Tape;
import org.quire.nn.Tensor;

/**
 * A neural drift b(x) = outputScale · mlp((x − center)/scale), with an {@code org.quire.nn} MLP of one input and one
 * output. Not thread-safe.
 */
public final class MlpDrift implements DriftModel {

    private final Mlp mlp;
    private final double center;
    private final double scale;
    private final double outputScale;

    public MlpDrift(Mlp mlp, double center, double scale, double outputScale) {
        if (mlp.inputSize() != 1 || mlp.outputSize() != 1) {
            throw new IllegalArgumentException("the drift MLP must map 1 input to 1 output");
        }
        this.mlp = mlp;
        this.center = center;
        this.scale = scale;
        this.outputScale = outputScale;
    }

    @Override
    public Tensor drift(Tape tape, Tensor x) {
        Tensor in = tape.scale(tape.addScalar(x, -center), 1 / scale);
        return tape.scale(mlp.forward(tape, in), outputScale);
    }

    @Override
    public List<Parameter> parameters() {
        return mlp.parameters();
    }

    /** The network. */
    public Mlp mlp() {
        return mlp;
    }

    /** b at the given points (no gradient). */
    public double[] evaluate(double[] x) {
        Matrix in = new Matrix(x.length, 1);
        for (int i = 0; i < x.length; i++) {
            in.set(i, 0, (x[i] - center) / scale);
        }
        Matrix out = mlp.predict(in);
        double[] b = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = outputScale * out.get(i, 0);
        }
        return b;
    }
}
