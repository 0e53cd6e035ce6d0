package org.quire.it.newerapi;

import java.util.List;

import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.result.Result;

/** A plugin whose manifest asks for org.quire.api 2.x, which does not exist: it must not resolve. */
@AlgorithmInfo(id = "broken.newerapi", name = "Needs API 2")
public final class NeedsApi2 implements Algorithm<NeedsApi2.Params> {
    public record Params() {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) {
        return Result.empty();
    }
}
