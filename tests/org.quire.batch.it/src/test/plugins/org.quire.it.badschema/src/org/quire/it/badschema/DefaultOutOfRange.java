package org.quire.it.badschema;

import java.util.List;

import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.Result;

/** A plugin whose parameter default lies outside its own range. */
@AlgorithmInfo(id = "broken.default", name = "Default out of range")
public final class DefaultOutOfRange implements Algorithm<DefaultOutOfRange.Params> {
    public record Params(@Param(defaultValue = "20", min = 1, max = 10, description = "iterations") int iterations) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) {
        return Result.builder().metric("iterations", p.iterations()).build();
    }
}
