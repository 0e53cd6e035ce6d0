package org.quire.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.CancelledException;
import org.quire.api.Input;
import org.quire.api.InputException;
import org.quire.api.InputFile;
import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.params.ParameterException;
import org.quire.api.result.Result;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.Origin;

class RunEngineExecuteTest {

    public record Params(@Param(defaultValue = "4", min = 1) int n, @Param(defaultValue = "2.5") double scale,
            @Param(defaultValue = "x") String label, @Param(defaultValue = "true") boolean flag) {
    }

    /** What the scripted algorithm does. */
    interface Script {
        Result run(Params p, List<InputFile> in, RunContext ctx) throws Exception;
    }

    @AlgorithmInfo(id = "test.scripted", name = "Scripted")
    @Input(name = "data", formats = "txt", minCount = 0, maxCount = 2)
    static final class Scripted implements Algorithm<Params> {
        private final Script script;

        Scripted(Script script) {
            this.script = script;
        }

        @Override
        public Class<Params> parameterType() {
            return Params.class;
        }

        @Override
        public Result run(Params p, List<InputFile> in, RunContext ctx) throws Exception {
            return script.run(p, in, ctx);
        }
    }

    /** Records every call, in order. */
    static final class Recorder implements RunListener {
        final List<String> logs = Collections.synchronizedList(new ArrayList<>());
        final List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
        final List<String> tasks = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void progress(String task, double fraction, String message) {
            tasks.add(task);
            fractions.add(fraction);
        }

        @Override
        public void log(boolean warning, String message) {
            logs.add((warning ? "WARN " : "INFO ") + message);
        }
    }

    static final Origin ORIGIN = new Origin("org.example.plugin", "1.2.3");

    @TempDir
    Path dir;

    private static RunOutcome execute(Script script, RunListener listener, CancelSignal cancel) throws RunSetupException {
        AlgorithmRegistry registry = new AlgorithmRegistry();
        registry.add(new Scripted(script), ORIGIN);
        RunEngine engine = new RunEngine(registry);
        return engine.execute(engine.prepare(new RunRequest("test.scripted", Map.of("n", "9"), List.of(), 7, 2)), listener, cancel);
    }

    private static RunOutcome execute(Script script) throws RunSetupException {
        return execute(script, RunListener.NONE, new CancelSignal());
    }

    @Test
    void normalReturnIsOkWithFullProvenance() throws RunSetupException {
        Result result = Result.builder().metric("answer", 42).build();
        AlgorithmRegistry registry = new AlgorithmRegistry();
        registry.add(new Scripted((p, in, ctx) -> {
            assertThat(p).isEqualTo(new Params(9, 2.5, "x", true));
            assertThat(ctx.seed()).isEqualTo(7);
            assertThat(ctx.threads()).isEqualTo(2);
            return result;
        }), ORIGIN);
        RunEngine engine = new RunEngine(registry);
        RunRequest request = new RunRequest("test.scripted", Map.of("n", "9"), List.of(), 7, 2);

        RunOutcome o = engine.execute(engine.prepare(request), null, null);

        assertThat(o.status()).isEqualTo(RunStatus.OK);
        assertThat(o.message()).isEmpty();
        assertThat(o.result()).isSameAs(result);
        assertThat(o.request()).isSameAs(request);
        assertThat(o.descriptor().id()).isEqualTo("test.scripted");
        assertThat(o.origin()).isEqualTo(ORIGIN);
        assertThat(o.parameters()).containsExactly(Map.entry("n", 9), Map.entry("scale", 2.5), Map.entry("label", "x"),
                Map.entry("flag", true));
        assertThat(o.parameters().get("n")).isInstanceOf(Integer.class);
        assertThat(o.warnings()).isEmpty();
        assertThat(o.inputs()).isEmpty();
        assertThat(o.error()).isNull();
        assertThat(o.startedAt()).isBeforeOrEqualTo(o.finishedAt());
    }

    @Test
    void warningsMakeWarningsStatusAndAreKeptInOrderAndForwarded() throws RunSetupException {
        Recorder rec = new Recorder();
        RunOutcome o = execute((p, in, ctx) -> {
            ctx.log().info("starting");
            ctx.log().warn("only 3 of 4 points converged");
            ctx.log().info("halfway");
            ctx.log().warn("step size hit its floor");
            return Result.empty();
        }, rec, new CancelSignal());

        assertThat(o.status()).isEqualTo(RunStatus.WARNINGS);
        assertThat(o.result()).isNotNull();
        assertThat(o.warnings()).containsExactly("only 3 of 4 points converged", "step size hit its floor");
        assertThat(rec.logs).containsExactly("INFO starting", "WARN only 3 of 4 points converged", "INFO halfway",
                "WARN step size hit its floor");
    }

    @Test
    void exceptionIsFailedWithClassAndMessageAndKeptAsError() throws RunSetupException {
        IllegalStateException boom = new IllegalStateException("matrix is singular at row 3");
        RunOutcome o = execute((p, in, ctx) -> {
            ctx.log().warn("ill-conditioned");
            throw boom;
        });
        assertThat(o.status()).isEqualTo(RunStatus.FAILED);
        assertThat(o.message()).isEqualTo("IllegalStateException: matrix is singular at row 3");
        assertThat(o.error()).isSameAs(boom);
        assertThat(o.result()).isNull();
        assertThat(o.warnings()).containsExactly("ill-conditioned");
    }

    @Test
    void wrappedExceptionIsDescribedByTheFirstCauseWithItsOwnMessage() throws RunSetupException {
        RuntimeException wrapper = new RuntimeException(new IOException("disk full"));
        RunOutcome o = execute((p, in, ctx) -> {
            throw wrapper;
        });
        assertThat(o.status()).isEqualTo(RunStatus.FAILED);
        assertThat(o.message()).isEqualTo("IOException: disk full");
        assertThat(o.error()).isSameAs(wrapper);
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void errorsSuchAsStackOverflowAreFailuresToo() throws RunSetupException {
        RunOutcome o = execute((p, in, ctx) -> Result.builder().metric("depth", recurse(0)).build());
        assertThat(o.status()).isEqualTo(RunStatus.FAILED);
        assertThat(o.message()).isEqualTo("StackOverflowError");
        assertThat(o.error()).isInstanceOf(StackOverflowError.class);
    }

    @Test
    void nullResultIsAFailure() throws RunSetupException {
        RunOutcome o = execute((p, in, ctx) -> null);
        assertThat(o.status()).isEqualTo(RunStatus.FAILED);
        assertThat(o.message()).isEqualTo("algorithm returned no result");
    }

    @Test
    void inputExceptionIsAnInputErrorWithItsMessage() throws Exception {
        Path file = Files.writeString(dir.resolve("series.txt"), "1 2\n3 4\n5\n");
        RunOutcome o = engineFor((p, in, ctx) -> {
            throw new InputException(in.get(0).path(), 3, "expected 2 columns, found 1");
        }).run(file);
        assertThat(o.status()).isEqualTo(RunStatus.INPUT_ERROR);
        assertThat(o.message()).isEqualTo(file + ":3: expected 2 columns, found 1");
        assertThat(o.error()).isInstanceOf(InputException.class);
    }

    @Test
    void parameterExceptionFromTheAlgorithmIsInvalid() throws RunSetupException {
        RunOutcome o = execute((p, in, ctx) -> {
            throw new ParameterException("n", "9 exceeds the series length 5");
        });
        assertThat(o.status()).isEqualTo(RunStatus.INVALID);
        assertThat(o.message()).isEqualTo("parameter n: 9 exceeds the series length 5");
    }

    @Test
    void aThrowingListenerDoesNotDisturbTheRun() throws RunSetupException {
        RunListener hostile = new RunListener() {
            @Override
            public void progress(String task, double fraction, String message) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void log(boolean warning, String message) {
                throw new IllegalStateException("listener bug");
            }
        };
        RunOutcome o = execute((p, in, ctx) -> {
            ctx.progress().begin("work", 2);
            ctx.progress().worked(1);
            ctx.log().warn("w");
            ctx.progress().worked(1);
            return Result.empty();
        }, hostile, new CancelSignal());
        assertThat(o.status()).isEqualTo(RunStatus.WARNINGS);
        assertThat(o.warnings()).containsExactly("w");
    }

    @Test
    @Timeout(120) // a guard against a hang if cancellation were broken, not a timing assertion
    void cancellingFromAnotherThreadStopsALoopThatReportsProgress() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicLong iterations = new AtomicLong();
        CancelSignal cancel = new CancelSignal();
        Thread canceller = new Thread(() -> {
            try {
                started.await();
                cancel.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        Recorder rec = new Recorder();

        RunOutcome o = execute((p, in, ctx) -> {
            Progress progress = ctx.progress();
            progress.begin("looping", Long.MAX_VALUE);
            while (true) {
                progress.worked(1);
                if (iterations.incrementAndGet() == 1) {
                    started.countDown(); // cancel only once the loop has really begun
                }
            }
        }, rec, cancel);
        canceller.join();

        assertThat(o.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(o.message()).isEqualTo("cancelled");
        assertThat(o.result()).isNull();
        assertThat(o.error()).isNull();
        assertThat(iterations.get()).isPositive();
        assertThat(rec.fractions).isNotEmpty().isSorted().allMatch(f -> f >= 0 && f < 1);
        assertThat(rec.tasks).allMatch("looping"::equals);
    }

    @Test
    void wrappedCancelledExceptionIsCancelled() throws RunSetupException {
        RunOutcome o = execute((p, in, ctx) -> {
            throw new ExecutionException(new CancelledException());
        });
        assertThat(o.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(o.error()).isNull();
    }

    @Test
    void signalSetWhenTheAlgorithmReturnsDropsTheResult() throws RunSetupException {
        CancelSignal cancel = new CancelSignal();
        RunOutcome o = execute((p, in, ctx) -> {
            cancel.cancel(); // e.g. the user pressed Cancel just as the last step ended
            return Result.builder().metric("m", 1).build();
        }, RunListener.NONE, cancel);
        assertThat(o.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(o.result()).isNull();
    }

    @Test
    void failureWhileCancellingIsReportedAsCancelledWithTheErrorKept() throws RunSetupException {
        CancelSignal cancel = new CancelSignal();
        IllegalStateException side = new IllegalStateException("pool shut down");
        RunOutcome o = execute((p, in, ctx) -> {
            cancel.cancel();
            throw side;
        }, RunListener.NONE, cancel);
        assertThat(o.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(o.message()).contains("IllegalStateException: pool shut down");
        assertThat(o.error()).isSameAs(side);
    }

    @Test
    void alreadyCancelledRunDoesNotStartTheAlgorithm() throws RunSetupException {
        AtomicBoolean ran = new AtomicBoolean();
        CancelSignal cancel = new CancelSignal();
        cancel.cancel();
        RunOutcome o = execute((p, in, ctx) -> {
            ran.set(true);
            return Result.empty();
        }, RunListener.NONE, cancel);
        assertThat(o.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(ran).isFalse();
        assertThat(o.algorithmNanos()).isZero();
    }

    @Test
    void progressReportsEndWithAFinalCompleteReportOfTheOuterTask() throws RunSetupException {
        Recorder rec = new Recorder();
        RunOutcome o = execute((p, in, ctx) -> {
            Progress root = ctx.progress();
            root.begin("outer", 4);
            Progress inner = root.split(2);
            inner.begin("inner", 2);
            inner.worked(2);
            root.worked(1); // one unit left undone: completion comes from the engine
            return Result.empty();
        }, rec, new CancelSignal());
        assertThat(o.status()).isEqualTo(RunStatus.OK);
        assertThat(rec.fractions).hasSizeGreaterThanOrEqualTo(2).isSorted();
        assertThat(rec.fractions.get(0)).isEqualTo(0.0);
        assertThat(rec.fractions.get(rec.fractions.size() - 1)).isEqualTo(1.0);
        assertThat(rec.tasks.get(0)).isEqualTo("outer");
        assertThat(rec.tasks.get(rec.tasks.size() - 1)).isEqualTo("outer");
    }

    @Test
    void inputDeletedAfterPrepareIsAnInputErrorAndTheAlgorithmDoesNotRun() throws Exception {
        Path file = Files.writeString(dir.resolve("data.txt"), "1\n");
        AtomicBoolean ran = new AtomicBoolean();
        Runner runner = engineFor((p, in, ctx) -> {
            ran.set(true);
            return Result.empty();
        });
        PreparedRun run = runner.prepare(file);
        Files.delete(file);
        RunOutcome o = runner.engine.execute(run, RunListener.NONE, new CancelSignal());
        assertThat(o.status()).isEqualTo(RunStatus.INPUT_ERROR);
        assertThat(o.message()).isEqualTo(file.toAbsolutePath() + ": file not found");
        assertThat(ran).isFalse();
    }

    /** An engine with one scripted algorithm, for runs with inputs. */
    private record Runner(RunEngine engine) {
        PreparedRun prepare(Path... inputs) throws RunSetupException {
            return engine.prepare(new RunRequest("test.scripted", Map.of(), List.of(inputs), 1, 1));
        }

        RunOutcome run(Path... inputs) throws RunSetupException {
            return engine.execute(prepare(inputs), RunListener.NONE, new CancelSignal());
        }
    }

    private static Runner engineFor(Script script) {
        AlgorithmRegistry registry = new AlgorithmRegistry();
        registry.add(new Scripted(script), ORIGIN);
        return new Runner(new RunEngine(registry));
    }
}
