package org.quire.compute;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

import org.quire.api.CancelledException;
import org.quire.api.Progress;

/**
 * Deterministic parallel loops with a thread budget.
 *
 * <p>The index range {@code [0, n)} is cut into chunks whose size depends on {@code n} only
 * ({@link #defaultChunkSize(int)}, or the size given to {@code reduce}), never on the thread count. Chunks
 * run on the calling thread plus at most {@code threads - 1} helpers from a shared pool of reusable daemon
 * threads; with {@code threads == 1} everything runs on the calling thread. Reductions compute one partial
 * per chunk (a left fold in index order) and combine the partials in a balanced binary tree fixed by the
 * chunk count, so a reduction is bit-identical for every thread count.
 *
 * <p>Failures: no new chunk starts after a chunk fails; the exception of the lowest-indexed failing chunk is
 * rethrown as it was thrown (a {@link RuntimeException} or {@link Error} keeps its type and identity; others
 * of later chunks are added as suppressed). Progress: when a {@link Progress} is given, cancellation is
 * checked before each chunk ({@link CancelledException}) and {@code worked(chunk length)} is reported after
 * it, so the caller should {@code begin(task, n)} it (or pass {@code split(n)}). Interrupting the calling
 * thread stops the loop with {@link CancelledException} (the interrupt flag is kept).
 *
 * <p>Bodies run concurrently: they must only write to disjoint places (e.g. their own array slots).
 */
public final class Parallel {

    /** The most chunks {@link #defaultChunkSize(int)} cuts a range into. */
    public static final int MAX_DEFAULT_CHUNKS = 256;

    private Parallel() {
    }

    /** Combines the indices {@code [from, to)} of one chunk into a partial result. */
    @FunctionalInterface
    public interface ChunkFunction<T> {
        /** The partial of {@code [from, to)}, {@code from < to}. */
        T apply(int from, int to);
    }

    /** The chunk size used by the loops without an explicit size: {@code ceil(n / 256)}, at least 1; a function of {@code n} only. */
    public static int defaultChunkSize(int n) {
        checkCount(n);
        return Math.max(1, (int) ((n + (long) MAX_DEFAULT_CHUNKS - 1) / MAX_DEFAULT_CHUNKS));
    }

    /** Runs {@code body.accept(i)} for every i in [0, n), on up to {@code threads} threads. */
    public static void forRange(int threads, int n, IntConsumer body) {
        forRange(threads, n, body, null);
    }

    /** As {@link #forRange(int, int, IntConsumer)}, checking cancellation and reporting to {@code progress} (may be null) per chunk. */
    public static void forRange(int threads, int n, IntConsumer body, Progress progress) {
        checkThreads(threads);
        int size = defaultChunkSize(n);
        runChunks(threads, n, size, (from, to) -> {
            for (int i = from; i < to; i++) {
                body.accept(i);
            }
        }, progress);
    }

    /** {@code f(0), ..., f(n-1)} computed on up to {@code threads} threads. */
    public static double[] map(int threads, int n, IntToDoubleFunction f) {
        return map(threads, n, f, null);
    }

    /** As {@link #map(int, int, IntToDoubleFunction)}, checking cancellation and reporting to {@code progress} (may be null) per chunk. */
    public static double[] map(int threads, int n, IntToDoubleFunction f, Progress progress) {
        checkThreads(threads);
        int size = defaultChunkSize(n);
        double[] out = new double[n];
        runChunks(threads, n, size, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = f.applyAsDouble(i);
            }
        }, progress);
        return out;
    }

    /** {@code [f(0), ..., f(n-1)]} computed on up to {@code threads} threads, as an unmodifiable list (nulls allowed). */
    public static <T> List<T> mapToObj(int threads, int n, IntFunction<? extends T> f) {
        return mapToObj(threads, n, f, null);
    }

    /** As {@link #mapToObj(int, int, IntFunction)}, checking cancellation and reporting to {@code progress} (may be null) per chunk. */
    public static <T> List<T> mapToObj(int threads, int n, IntFunction<? extends T> f, Progress progress) {
        checkThreads(threads);
        int size = defaultChunkSize(n);
        Object[] out = new Object[n];
        runChunks(threads, n, size, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = f.apply(i);
            }
        }, progress);
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(out);
        return Collections.unmodifiableList(list);
    }

    /**
     * The compensated sum of {@code term(0), ..., term(n-1)}: a {@link NeumaierSum} per chunk of
     * {@link #defaultChunkSize(int)}, partials combined in a fixed tree; bit-identical for every thread
     * count and accurate to about one rounding unless the terms cancel by more than ~1e10 or so.
     */
    public static double sum(int threads, int n, IntToDoubleFunction term) {
        return sum(threads, n, term, null);
    }

    /** As {@link #sum(int, int, IntToDoubleFunction)}, checking cancellation and reporting to {@code progress} (may be null) per chunk. */
    public static double sum(int threads, int n, IntToDoubleFunction term, Progress progress) {
        NeumaierSum total = reduceChunks(threads, n, defaultChunkSize(n), (from, to) -> {
            NeumaierSum s = new NeumaierSum();
            for (int i = from; i < to; i++) {
                s.add(term.applyAsDouble(i));
            }
            return s;
        }, NeumaierSum::add, new NeumaierSum(), progress);
        return total.value();
    }

    /**
     * A deterministic reduction of {@code mapper(0), ..., mapper(n-1)}: each chunk of {@code chunkSize}
     * indices folds {@code acc = combiner(acc, mapper(i))} from {@code identity} in index order; partials
     * are combined in a balanced tree in chunk order. Bit-identical for every thread count.
     *
     * @param chunkSize indices per chunk, &ge; 1; choose it from {@code n} only (it fixes the result)
     * @param combiner  associative up to rounding; must not modify its arguments
     * @param identity  neutral element of {@code combiner}; returned when {@code n == 0}
     */
    public static <T> T reduce(int threads, int n, int chunkSize, IntFunction<? extends T> mapper,
            BinaryOperator<T> combiner, T identity) {
        return reduce(threads, n, chunkSize, mapper, combiner, identity, null);
    }

    /** As {@link #reduce(int, int, int, IntFunction, BinaryOperator, Object)}, checking cancellation and reporting to {@code progress} (may be null) per chunk. */
    public static <T> T reduce(int threads, int n, int chunkSize, IntFunction<? extends T> mapper,
            BinaryOperator<T> combiner, T identity, Progress progress) {
        return reduceChunks(threads, n, chunkSize, (from, to) -> {
            T acc = identity;
            for (int i = from; i < to; i++) {
                acc = combiner.apply(acc, mapper.apply(i));
            }
            return acc;
        }, combiner, identity, progress);
    }

    /**
     * The most general reduction: {@code chunk.apply(from, to)} gives the partial of each chunk of
     * {@code chunkSize} indices (computed on any thread); partials are combined in a balanced tree in chunk
     * order, {@code combiner(left, right)}. The combiner may modify and return its left argument (each
     * partial is used once); {@code identity} is only returned, for {@code n == 0}.
     */
    public static <T> T reduceChunks(int threads, int n, int chunkSize, ChunkFunction<? extends T> chunk,
            BinaryOperator<T> combiner, T identity, Progress progress) {
        checkThreads(threads);
        checkCount(n);
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be >= 1, was " + chunkSize);
        }
        int chunks = chunkCount(n, chunkSize);
        if (chunks == 0) {
            return identity;
        }
        Object[] partials = new Object[chunks];
        ChunkExecutor.run(threads, chunks, k -> {
            int from = k * chunkSize;
            partials[k] = chunk.apply(from, end(n, chunkSize, k));
        }, progress, k -> end(n, chunkSize, k) - (long) k * chunkSize);
        return combineTree(partials, 0, chunks, combiner);
    }

    @SuppressWarnings("unchecked")
    private static <T> T combineTree(Object[] partials, int lo, int hi, BinaryOperator<T> combiner) {
        if (hi - lo == 1) {
            return (T) partials[lo];
        }
        int mid = (lo + hi) >>> 1;
        T left = combineTree(partials, lo, mid, combiner);
        T right = combineTree(partials, mid, hi, combiner);
        return combiner.apply(left, right);
    }

    /** Runs a loop body over chunks without a result. */
    private interface RangeBody {
        void run(int from, int to);
    }

    private static void runChunks(int threads, int n, int chunkSize, RangeBody body, Progress progress) {
        int chunks = chunkCount(n, chunkSize);
        ChunkExecutor.run(threads, chunks, k -> body.run(k * chunkSize, end(n, chunkSize, k)), progress,
                k -> end(n, chunkSize, k) - (long) k * chunkSize);
    }

    private static int chunkCount(int n, int chunkSize) {
        return (int) ((n + (long) chunkSize - 1) / chunkSize);
    }

    private static int end(int n, int chunkSize, int k) {
        return (int) Math.min(n, (long) (k + 1) * chunkSize);
    }

    private static void checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
    }

    private static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
    }
}
