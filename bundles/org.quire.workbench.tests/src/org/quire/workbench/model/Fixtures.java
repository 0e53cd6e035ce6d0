package org.quire.workbench.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.quire.api.AlgorithmDescriptor;
import org.quire.api.InputSpec;
import org.quire.api.params.Param;
import org.quire.api.params.ParameterSchema;
import org.quire.api.result.Result;
import org.quire.core.registry.Origin;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunRequest;
import org.quire.core.run.RunStatus;

/** Small descriptors, requests and outcomes for model tests. */
final class Fixtures {

    /** Parameters of the fixture algorithm. */
    record Params(@Param(label = "Steps", min = 1, defaultValue = "10") int steps,
            @Param(label = "Label", defaultValue = "") String label) {
    }

    static final AlgorithmDescriptor DESCRIPTOR = new AlgorithmDescriptor("fixture.walk", "fixture", "Fixture walk",
            "A descriptor for tests", List.of(), true, List.of(new InputSpec("data", "", List.of("csv"), 0, 1)),
            ParameterSchema.of(Params.class));

    private Fixtures() {
    }

    static RunRequest request(int steps) {
        return new RunRequest(DESCRIPTOR.id(), Map.of("steps", Integer.toString(steps)), List.of(), 7, 2);
    }

    static RunOutcome outcome(RunRequest request, RunStatus status, Instant start, Instant end) {
        return new RunOutcome(request, DESCRIPTOR, new Origin("org.example.fixture", "1.0.0"), Map.of("steps", 10),
                List.of(), status, status.hasResult() ? "" : "stopped", List.of(),
                status.hasResult() ? Result.builder().metric("m", 1.5).build() : null, start, end, 1_000_000L, null);
    }

    static Path absolute(String first, String... more) {
        return Path.of(first, more).toAbsolutePath();
    }
}
