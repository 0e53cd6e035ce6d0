package org.quire.fbm.fit;

import java.util.List;

import org.quire.nn.Parameter;
import org.quire.nn.Tape;
import org.quire.nn.Tensor;

/** The prior drift b(X) of the fitted SDE, recorded on a tape (per internal time unit). Not thread-safe. */
public interface DriftModel {

    /** b(x) for a batch column x (B×1), as B×1. */
    Tensor drift(Tape tape, Tensor x);

    /** The trainable parameters (empty when fixed). */
    List<Parameter> parameters();

    /** A fixed linear drift −θ(x − μ). */
    static DriftModel linear(double theta, double mu) {
        return new DriftModel() {
            @Override
            public Tensor drift(Tape tape, Tensor x) {
                return tape.scale(tape.addScalar(x, -mu), -theta);
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }
        };
    }
}
