package org.quire.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quire.api.params.Param;
import org.quire.api.result.Result;

class AlgorithmDescriptorTest {
    record P(@Param(defaultValue = "1") int k) {
    }

    @AlgorithmInfo(id = "reg.mpe", name = "MPE", description = "d", references = {"A 2025", "B 2021"})
    @Input(name = "reference", formats = {"PLY", "pcd"})
    @Input(name = "scans", formats = "ply", minCount = 1, maxCount = 8)
    static final class Mpe implements Algorithm<P> {
        @Override
        public Class<P> parameterType() {
            return P.class;
        }

        @Override
        public Result run(P parameters, List<InputFile> inputs, RunContext context) {
            return Result.empty();
        }
    }

    @Test
    void readsAnnotationsIncludingRepeatedInputs() {
        AlgorithmDescriptor d = new Mpe().descriptor();
        assertThat(d.id()).isEqualTo("reg.mpe");
        assertThat(d.family()).isEqualTo("reg");
        assertThat(d.references()).containsExactly("A 2025", "B 2021");
        assertThat(d.headless()).isTrue();
        assertThat(d.inputs()).extracting(InputSpec::name).containsExactly("reference", "scans");
        assertThat(d.inputs().get(0).formats()).containsExactly("ply", "pcd");
        assertThat(d.minInputs()).isEqualTo(2);
        assertThat(d.maxInputs()).isEqualTo(9);
        assertThat(d.slotOf(0).name()).isEqualTo("reference");
        assertThat(d.slotOf(1).name()).isEqualTo("scans");
        assertThat(d.slotOf(8).name()).isEqualTo("scans");
        assertThat(d.slotOf(9)).isNull();
        assertThat(d.parameters().parameters()).hasSize(1);
    }

    @Test
    void extensionsAreMatchedCaseInsensitively() {
        InputSpec s = new Mpe().descriptor().inputs().get(0);
        assertThat(s.accepts("/data/Blade.PLY")).isTrue();
        assertThat(s.accepts("scan.pcd")).isTrue();
        assertThat(s.accepts("scan.ply.gz")).isFalse();
        assertThat(new InputSpec("any", "", List.of(), 1, 1).accepts("whatever.bin")).isTrue();
    }

    @Test
    void rejectsBadIdsMissingAnnotationAndOptionalSlotsBeforeTheLast() {
        assertThatThrownBy(() -> new AlgorithmDescriptor("Hurst", "f", "n", "", List.of(), true, List.of(),
                org.quire.api.params.ParameterSchema.of(P.class))).hasMessageContaining("must look like family.name");
        assertThatThrownBy(() -> AlgorithmDescriptor.of(String.class, P.class)).hasMessageContaining("no @AlgorithmInfo");
        List<InputSpec> bad = List.of(new InputSpec("a", "", List.of(), 0, 1), new InputSpec("b", "", List.of(), 1, 1));
        assertThatThrownBy(() -> new AlgorithmDescriptor("x.y", "x", "n", "", List.of(), true, bad,
                org.quire.api.params.ParameterSchema.of(P.class))).hasMessageContaining("only the last input slot");
    }

    @Test
    void randomStreamsDependOnSeedAndStreamOnly() {
        RunContext a = context(42);
        RunContext b = context(42);
        assertThat(a.random(3).nextLong()).isEqualTo(b.random(3).nextLong());
        assertThat(a.random(3).nextLong()).isNotEqualTo(a.random(4).nextLong());
        assertThat(context(43).random(3).nextLong()).isNotEqualTo(a.random(3).nextLong());
        // SplitMix64 finaliser of seed + golden gamma * (stream + 1): a fixed, documented function
        assertThat(SeedMixer.mix(0, -1)).isZero();
    }

    private static RunContext context(long seed) {
        return new SimpleRunContext(seed, 1); // does not override RunContext.random
    }
}
