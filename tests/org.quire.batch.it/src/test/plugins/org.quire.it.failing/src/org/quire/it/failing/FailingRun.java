package org.quire.it.failing;

import java.util.List;

import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.Result;

/** A plugin whose run fails: with an exception, or deep recursion (StackOverflowError) on request. */
@AlgorithmInfo(id = "broken.run", name = "Run throws")
public final class FailingRun implements Algorithm<FailingRun.Params> {
    public record Params(@Param(defaultValue = "false", description = "recurse until the stack overflows") boolean overflow) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) {
        if (p.overflow()) {
            return Result.builder().metric("depth", depth(0)).build();
        }
        throw new IllegalStateException("the plugin's own bug: index 7 out of bounds for length 7");
    }

    private static int depth(int d) {
        return depth(d + 1) + 1;
    }
}
