package org.quire.testalgorithms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.hipparchus.random.RandomGenerator;
import org.osgi.service.component.annotations.Component;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.CancelledException;
import org.quire.api.Input;
import org.quire.api.InputFile;
import org.quire.api.Progress;
import org.quire.api.RunContext;
import org.quire.api.params.Param;
import org.quire.api.result.Result;
import org.quire.compute.Parallel;
import org.quire.compute.RandomStreams;

/**
 * Random walks, a test algorithm that produces every kind of result item and can be made slow, noisy,
 * failing or deaf to cancellation through its parameters.
 *
 * <p>Path {@code p} starts at its offset and adds {@code drift + xi} per step, {@code xi} standard normal
 * or &plusmn;1, drawn from stream {@code p} of the run's seed ({@link RandomStreams#generator(long)}); paths run
 * in parallel with {@code ctx.threads()}, so the numbers do not depend on the thread count. Positions are
 * kept at no more than {@value #MAX_SAMPLES} + 1 sampled steps per path. Progress: task "walking" with
 * {@code steps * paths} units, reported in blocks of about 50 ms of requested sleep or 10 000 steps.
 */
@Component(service = Algorithm.class)
@AlgorithmInfo(id = "test.walk", name = "Random walk",
        description = "Simulates independent random walks and reports every kind of result item; "
                + "parameters can make it slow, warn, fail or ignore cancellation. For tests only.")
@Input(name = "offsets", formats = {"csv"}, minCount = 0, maxCount = 1,
        description = "CSV with the header 'offset' and one number per line; path p starts at the (p mod count)-th number")
public final class RandomWalk implements Algorithm<RandomWalk.Params> {

    /** The warning logged when {@code warn} is set. */
    public static final String WARNING = "warning requested by the test parameter";
    /** The message of the {@link IllegalStateException} thrown when {@code fail} is set. */
    public static final String FAILURE = "failure requested by the test parameter";
    /** Most sampled steps per path (plus the start). */
    public static final int MAX_SAMPLES = 1000;

    private static final int STEPS_PER_REPORT = 10_000;
    private static final double MILLIS_PER_REPORT = 50;
    private static final long MAX_PARK_NANOS = 10_000_000L;

    /**
     * Parameters.
     *
     * @param steps              steps per path
     * @param paths              number of independent paths
     * @param drift              added at every step
     * @param sleepMillisPerStep wall-clock time each step takes at least (a parked wait checking cancellation every 10 ms)
     * @param warn               log the warning {@value RandomWalk#WARNING}
     * @param fail               throw {@code IllegalStateException(}{@value RandomWalk#FAILURE}{@code )} from path 0's worker after its walk
     * @param ignoreCancel       never check cancellation or interrupts (runs the paths one after the other on the calling thread)
     * @param mode               {@code gaussian} (standard normal steps) or {@code rademacher} (&plusmn;1 with probability 1/2)
     */
    public record Params(
            @Param(label = "Steps", description = "Steps per path", min = 1, max = 10_000_000, defaultValue = "1000") int steps,
            @Param(label = "Paths", description = "Number of independent paths", min = 1, max = 1000, defaultValue = "4") int paths,
            @Param(label = "Drift", description = "Added to the position at every step", unit = "per step",
                    defaultValue = "0.0") double drift,
            @Param(label = "Sleep per step", description = "Time each step takes at least, to make runs slow",
                    unit = "ms", min = 0, max = 1000, defaultValue = "0") double sleepMillisPerStep,
            @Param(label = "Warn", description = "Log a warning (the run finishes with warnings)",
                    defaultValue = "false") boolean warn,
            @Param(label = "Fail", description = "Throw an IllegalStateException after walking path 0",
                    defaultValue = "false") boolean fail,
            @Param(label = "Ignore cancel", description = "Keep working when cancelled (for fault-isolation tests)",
                    defaultValue = "false") boolean ignoreCancel,
            @Param(label = "Mode", description = "Step distribution", defaultValue = "gaussian",
                    choices = {"gaussian", "rademacher"}) String mode) {
    }

    @Override
    public Class<Params> parameterType() {
        return Params.class;
    }

    @Override
    public Result run(Params p, List<InputFile> inputs, RunContext ctx) throws Exception {
        double[] offsets = inputs.isEmpty() ? new double[] {0.0} : OffsetsCsv.read(inputs.get(0).path());
        Progress progress = ctx.progress();
        progress.begin("walking", (long) p.steps() * p.paths());
        if (p.warn()) {
            ctx.log().warn(WARNING);
        }
        int[] sampleSteps = sampleSteps(p.steps());
        RandomStreams streams = RandomStreams.of(ctx);
        List<WalkedPath> paths;
        if (p.ignoreCancel()) {
            AtomicBoolean swallowed = new AtomicBoolean(Thread.interrupted());
            paths = new ArrayList<>();
            for (int i = 0; i < p.paths(); i++) {
                paths.add(walk(i, p, offsets[i % offsets.length], streams.generator(i), sampleSteps, progress, swallowed));
            }
            if (swallowed.get() | Thread.interrupted()) {
                Thread.currentThread().interrupt(); // handed back once the work is done
            }
        } else {
            paths = Parallel.mapToObj(ctx.threads(), p.paths(),
                    i -> walk(i, p, offsets[i % offsets.length], streams.generator(i), sampleSteps, progress, null));
        }
        return WalkReport.build(p, ctx.seed(), inputs.isEmpty() ? new double[0] : offsets, sampleSteps, paths);
    }

    /** The steps at which positions are kept: {@code floor(k * steps / S)} for k = 0..S, S = min(steps, {@value #MAX_SAMPLES}). */
    static int[] sampleSteps(int steps) {
        int s = Math.min(steps, MAX_SAMPLES);
        int[] out = new int[s + 1];
        for (int k = 0; k <= s; k++) {
            out[k] = (int) ((long) k * steps / s);
        }
        return out;
    }

    /**
     * Walks path {@code index}.
     *
     * @param swallowed null when listening to cancellation; else where an interrupt met while waiting is recorded (and cleared)
     */
    private static WalkedPath walk(int index, Params p, double start, RandomGenerator random, int[] sampleSteps,
            Progress progress, AtomicBoolean swallowed) {
        boolean gaussian = p.mode().equals("gaussian");
        boolean listen = swallowed == null;
        double sleepNanos = p.sleepMillisPerStep() * 1e6;
        int reportEvery = p.sleepMillisPerStep() > 0
                ? (int) Math.max(1, Math.min(STEPS_PER_REPORT, Math.ceil(MILLIS_PER_REPORT / p.sleepMillisPerStep())))
                : STEPS_PER_REPORT;
        double[] samples = new double[sampleSteps.length];
        double x = start;
        double maxAbs = Math.abs(x);
        samples[0] = x;
        int next = 1;
        int unreported = 0;
        long begin = System.nanoTime();
        for (int t = 1; t <= p.steps(); t++) {
            x += p.drift() + (gaussian ? random.nextGaussian() : (random.nextBoolean() ? 1.0 : -1.0));
            maxAbs = Math.max(maxAbs, Math.abs(x));
            if (next < sampleSteps.length && sampleSteps[next] == t) {
                samples[next++] = x;
            }
            if (sleepNanos > 0) {
                waitUntil(begin + (long) (t * sleepNanos), progress, swallowed);
            }
            if (++unreported == reportEvery) {
                report(progress, unreported, listen);
                unreported = 0;
            }
        }
        report(progress, unreported, listen);
        if (p.fail() && index == 0) {
            throw new IllegalStateException(FAILURE);
        }
        return new WalkedPath(samples, x, maxAbs);
    }

    private static void report(Progress progress, int units, boolean listen) {
        if (units == 0) {
            return;
        }
        if (listen) {
            progress.worked(units);
        } else {
            try {
                progress.worked(units);
            } catch (CancelledException e) {
                // deliberately deaf to cancellation: this mode simulates a misbehaving plugin
            }
        }
    }

    /**
     * Parks until {@code deadline} (System.nanoTime). Listening ({@code swallowed == null}): checks cancellation and
     * the interrupt flag at least every 10 ms. Deaf: clears an interrupt (else parkNanos would return at once) into
     * {@code swallowed}.
     */
    private static void waitUntil(long deadline, Progress progress, AtomicBoolean swallowed) {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (swallowed == null) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancelledException();
                }
                progress.checkCancelled();
            } else if (Thread.interrupted()) {
                swallowed.set(true);
            }
            LockSupport.parkNanos(Math.min(left, MAX_PARK_NANOS));
        }
    }
}
