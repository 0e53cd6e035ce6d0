package org.quire.testalgorithms;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.Result;

/**
 * Returns its parameters: each as a value under its own name (enums by constant name), the numbers also as
 * metrics. One parameter of each supported type; no inputs; instant. For schema and command-line typing tests.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "test.echo", name = "Echo parameters",
        description = "Returns its parameters unchanged: each as a value, the numbers also as metrics. For tests only.")
public final class Echo implements Algorithm<Echo.Params> {

    /** An enum parameter type. */
    public enum Shape {
        CIRCLE, SQUARE, TRIANGLE
    }

    /**
     * One parameter of each supported type.
     *
     * @param count  an int in [0, 100]
     * @param big    a long, unbounded
     * @param ratio  a double in (0, 1]
     * @param flag   a boolean
     * @param colour a String with choices
     * @param shape  an enum
     * @param note   a free String, empty by default
     */
    public record Params(
            @Param(label = "Count", description = "An integer in [0, 100]", min = 0, max = 100, defaultValue = "3") int count,
            @Param(label = "Big", description = "A 64-bit integer", defaultValue = "1234567890123") long big,
            @Param(label = "Ratio", description = "A real number in (0, 1]", min = 0, max = 1, minExclusive = true,
                    defaultValue = "0.5") double ratio,
            @Param(label = "Flag", description = "A boolean", defaultValue = "true") boolean flag,
            @Param(label = "Colour", description = "One of three words", defaultValue = "green",
                    choices = {"red", "green", "blue"}) String colour,
            @Param(label = "Shape", description = "An enum", defaultValue = "SQUARE") Shape shape,
            @Param(label = "Note", description = "Free text", defaultValue = "") String note) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) {
        ctx.progress().begin("echo", 1);
        Result result = Result.builder()
                .metric("count", p.count())
                .metric("big", p.big())
                .metric("ratio", p.ratio())
                .value("count", p.count())
                .value("big", p.big())
                .value("ratio", p.ratio())
                .value("flag", p.flag())
                .value("colour", p.colour())
                .value("shape", p.shape().name())
                .value("note", p.note())
                .build();
        ctx.progress().worked(1);
        return result;
    }
}
