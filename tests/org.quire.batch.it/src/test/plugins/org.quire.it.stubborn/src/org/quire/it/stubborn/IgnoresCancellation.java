package org.quire.it.stubborn;

import java.util.List;

import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.result.Result;

/**
 * A plugin whose run never ends and never checks cancellation (it even swallows interrupts). It
 * says once that it started, on standard error and through the progress message, then sleeps forever.
 */
@AlgorithmInfo(id = "broken.stubborn", name = "Ignores cancellation")
public final class IgnoresCancellation implements Algorithm<IgnoresCancellation.Params> {
    public record Params() {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) {
        System.err.println("broken.stubborn: started, and will never stop by itself");
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                // swallowed on purpose
            }
        }
    }
}
