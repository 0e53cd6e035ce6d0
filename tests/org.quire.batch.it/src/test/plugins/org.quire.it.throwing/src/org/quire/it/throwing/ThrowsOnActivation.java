package org.quire.it.throwing;

import java.util.List;

import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.result.Result;

/** A plugin whose Declarative Services component throws in its activate method. */
@AlgorithmInfo(id = "broken.activation", name = "Throws on activation")
public final class ThrowsOnActivation implements Algorithm<ThrowsOnActivation.Params> {
    public record Params() {
    }

    /** Called by DS when the component is activated: fails as a plugin missing its configuration would. */
    public void activate() {
        throw new IllegalStateException("activation failed on purpose: the model file is missing");
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) {
        return Result.builder().metric("never", 1).build();
    }
}
