package org.quire.it.badschema;

import java.util.List;

import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.result.Result;

/** A plugin that declares a class that is not a record as its parameter type (through a raw type). */
@AlgorithmInfo(id = "broken.notrecord", name = "Parameters are not a record")
@SuppressWarnings({"rawtypes", "unchecked"})
public final class NotARecord implements Algorithm {
    /** Parameters as a plain class: not allowed. */
    public static final class Params {
        public int n = 3;
    }

    @Override
    public Class parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Record p, List inputs, RunContext ctx) {
        return Result.empty();
    }
}
