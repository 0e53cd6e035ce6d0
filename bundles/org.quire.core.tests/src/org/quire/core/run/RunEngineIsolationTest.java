package org.quire.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.Result;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.Origin;

/**
 * Fault isolation in the engine: a run that ignores cancellation is abandoned after the grace
 * period, a timeout cancels and fails the run, late reports of an abandoned worker are dropped, and
 * an algorithm whose plugin is broken fails at preparation naming the plugin. Nothing is asserted
 * about time; the timeouts only guard against a hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunEngineIsolationTest {

    static final Origin ORIGIN = new Origin("org.example.stubborn", "3.1.4");

    public record NoParams() {
    }

    /** Spins until released, never looking at cancellation; reports progress only after release. */
    @AlgorithmInfo(id = "test.stubborn", name = "Stubborn")
    static final class Stubborn implements Algorithm<NoParams> {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);

        @Override
        public Class<NoParams> parameterType() {
            return NoParams.class;
        }

        @Override
        public Result run(NoParams p, List<InputFile> in, RunContext ctx) {
            started.countDown();
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // ignores interruption as well: the worst case the engine must survive
                }
            }
            ctx.progress().message("too late");
            ctx.log().warn("too late");
            finished.countDown();
            return Result.builder().metric("x", 1).build();
        }
    }

    /** Checks cancellation through progress, forever. */
    @AlgorithmInfo(id = "test.polite", name = "Polite")
    static final class Polite implements Algorithm<NoParams> {
        @Override
        public Class<NoParams> parameterType() {
            return NoParams.class;
        }

        @Override
        public Result run(NoParams p, List<InputFile> in, RunContext ctx) throws Exception {
            while (true) {
                ctx.progress().checkCancelled();
                Thread.sleep(1);
            }
        }
    }

    private static RunEngine engine(Algorithm<?> a) {
        AlgorithmRegistry registry = new AlgorithmRegistry();
        registry.add(a, ORIGIN);
        return new RunEngine(registry);
    }

    private static RunRequest request(String id) {
        return new RunRequest(id, Map.of(), List.of(), 1, 1);
    }

    @Test
    void aRunThatIgnoresCancellationIsAbandonedAfterTheGracePeriodNamingThePlugin() throws Exception {
        Stubborn stubborn = new Stubborn();
        RunEngine engine = engine(stubborn).withCancelGrace(Duration.ofMillis(200));
        CancelSignal signal = new CancelSignal();
        RunEngineExecuteTest.Recorder recorder = new RunEngineExecuteTest.Recorder();
        Thread canceller = new Thread(() -> {
            try {
                stubborn.started.await();
            } catch (InterruptedException e) {
                return;
            }
            signal.cancel();
        });
        canceller.start();

        RunOutcome o = engine.execute(engine.prepare(request("test.stubborn")), recorder, signal);

        assertThat(o.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(o.message()).isEqualTo("did not stop within 0.2 s of being cancelled (plugin org.example.stubborn 3.1.4"
                + " does not check for cancellation); the run was abandoned");
        assertThat(o.result()).isNull();
        assertThat(stubborn.finished.getCount()).as("the worker is still running").isEqualTo(1);
        int reportsBefore = recorder.fractions.size();
        stubborn.release.countDown();
        stubborn.finished.await();
        assertThat(recorder.logs).as("late log of the abandoned worker").isEmpty();
        assertThat(recorder.fractions).as("late progress of the abandoned worker").hasSize(reportsBefore);
    }

    @Test
    void aTimeoutCancelsAndFailsARunThatStops() throws Exception {
        RunEngine engine = engine(new Polite()).withTimeout(Duration.ofMillis(100));
        RunOutcome o = engine.execute(engine.prepare(request("test.polite")), null, null);
        assertThat(o.status()).isEqualTo(RunStatus.FAILED);
        assertThat(o.status().exitCode()).isEqualTo(4);
        assertThat(o.message()).isEqualTo("timed out after 0.1 s; stopped");
        assertThat(o.error()).isNull();
    }

    @Test
    void aTimeoutThenIgnoredCancellationIsAbandonedAsAFailure() throws Exception {
        Stubborn stubborn = new Stubborn();
        RunEngine engine = engine(stubborn).withTimeout(Duration.ofMillis(100)).withCancelGrace(Duration.ZERO);
        try {
            RunOutcome o = engine.execute(engine.prepare(request("test.stubborn")), null, null);
            assertThat(o.status()).isEqualTo(RunStatus.FAILED);
            assertThat(o.message()).startsWith("timed out after 0.1 s and did not stop within 0 s of being cancelled")
                    .contains("plugin org.example.stubborn 3.1.4").endsWith("abandoned");
        } finally {
            stubborn.release.countDown();
        }
    }

    @Test
    void graceAndTimeoutMustBeSensible() {
        RunEngine engine = new RunEngine(new AlgorithmRegistry());
        assertThat(engine.cancelGrace()).isEqualTo(RunEngine.DEFAULT_CANCEL_GRACE);
        assertThat(engine.timeout()).isNull();
        assertThatThrownBy(() -> engine.withCancelGrace(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.withTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    public record BadDefault(@Param(defaultValue = "20", min = 0, max = 10) int n) {
    }

    @AlgorithmInfo(id = "test.baddefault", name = "Bad default")
    static final class BadDefaultAlgorithm implements Algorithm<BadDefault> {
        @Override
        public Class<BadDefault> parameterType() {
            return BadDefault.class;
        }

        @Override
        public Result run(BadDefault p, List<InputFile> in, RunContext ctx) {
            return Result.empty();
        }
    }

    @Test
    void runningAnAlgorithmOfABrokenPluginFailsAtPreparationNamingThePlugin() {
        RunEngine engine = engine(new BadDefaultAlgorithm());
        assertThatThrownBy(() -> engine.prepare(request("test.baddefault"))).isInstanceOfSatisfying(RunSetupException.class, e -> {
            assertThat(e.status()).isEqualTo(RunStatus.FAILED);
            assertThat(e.getMessage()).startsWith("algorithm 'test.baddefault' is unavailable: plugin org.example.stubborn is broken: "
                    + "invalid parameter schema or descriptor: ").contains("BadDefault.n", "out of range");
        });
        assertThatThrownBy(() -> engine.prepare(request("test.nothing"))).isInstanceOfSatisfying(RunSetupException.class,
                e -> assertThat(e.status()).isEqualTo(RunStatus.INVALID));
    }
}
