package org.quire.core.run;

import java.util.List;
import java.util.Objects;

import org.quire.api.InputFile;
import org.quire.core.registry.RegisteredAlgorithm;

/**
 * A checked run request, ready for {@link RunEngine#execute}: the algorithm, its bound parameter
 * record, and the input files assigned to slots with absolute paths. Immutable.
 *
 * @param algorithm  the algorithm to run
 * @param request    the request it was prepared from
 * @param parameters the parameter record (all defaults applied), of the algorithm's parameter type
 * @param inputs     input files in order, each with its slot
 */
public record PreparedRun(RegisteredAlgorithm algorithm, RunRequest request, Record parameters, List<InputFile> inputs) {
    public PreparedRun {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(parameters, "parameters");
        inputs = List.copyOf(inputs);
        Class<? extends Record> expected = algorithm.descriptor().parameters().recordType();
        if (!expected.isInstance(parameters)) {
            throw new IllegalArgumentException("parameters of '" + algorithm.id() + "' must be a " + expected.getName()
                    + ", got " + parameters.getClass().getName());
        }
    }
}
