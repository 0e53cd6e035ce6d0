package org.quire.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.result.Result;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.Origin;

/** Input checksums and sizes, and the algorithm's own elapsed time. */
class ProvenanceTest {

    public record NoParams() {
    }

    /** Counts the bytes of its inputs (real work, so that its elapsed time is measurable). */
    @AlgorithmInfo(id = "test.bytes", name = "Byte count")
    @Input(name = "first", formats = "bin")
    @Input(name = "rest", formats = { "bin", "txt" }, minCount = 0, maxCount = 4)
    static final class ByteCount implements Algorithm<NoParams> {
        @Override
        public Class<NoParams> parameterType() {
            return NoParams.class;
        }

        @Override
        public Result run(NoParams p, List<InputFile> in, RunContext ctx) throws Exception {
            long n = 0;
            for (InputFile f : in) {
                n += Files.readAllBytes(f.path()).length;
            }
            return Result.builder().metric("bytes", n).build();
        }
    }

    @TempDir
    Path dir;

    private static String sha256Hex(byte[] data) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(data);
        StringBuilder s = new StringBuilder();
        for (byte b : d) {
            s.append(String.format("%02x", b & 0xff));
        }
        return s.toString();
    }

    @Test
    void inputsAreRecordedWithSlotAbsolutePathSizeAndSha256() throws Exception {
        byte[] big = new byte[300_000]; // several read chunks
        new SplittableRandom(5).nextBytes(big);
        Path first = Files.write(dir.resolve("big.bin"), big);
        Path abc = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);

        AlgorithmRegistry registry = new AlgorithmRegistry();
        registry.add(new ByteCount(), new Origin("org.example", "1"));
        RunEngine engine = new RunEngine(registry);
        PreparedRun run = engine.prepare(new RunRequest("test.bytes", Map.of(), List.of(first, abc, empty), 0, 1));

        long before = System.nanoTime();
        RunOutcome o = engine.execute(run, RunListener.NONE, new CancelSignal());
        long wall = System.nanoTime() - before;

        assertThat(o.status()).isEqualTo(RunStatus.OK);
        assertThat(o.result().metrics().get("bytes")).isEqualTo(300_003.0);
        assertThat(o.inputs()).containsExactly(
                new InputRecord("first", first.toAbsolutePath(), 300_000, sha256Hex(big)),
                // the FIPS 180-2 test vector for "abc"
                new InputRecord("rest", abc.toAbsolutePath(), 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                // SHA-256 of nothing
                new InputRecord("rest", empty.toAbsolutePath(), 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(o.algorithmNanos()).isPositive().isLessThanOrEqualTo(wall);
        assertThat(o.startedAt()).isBeforeOrEqualTo(o.finishedAt());
    }
}
