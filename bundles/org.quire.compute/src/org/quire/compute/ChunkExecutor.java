package org.quire.compute;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.quire.api.CancelledException;
import org.quire.api.Progress;

/**
 * Runs chunks {@code 0..chunks-1} on the calling thread plus up to {@code threads - 1} helpers borrowed
 * from one shared pool of daemon threads (threads are reused across calls and die after 30 s idle, so a
 * call costs no thread creation once warm, and nested calls cannot deadlock). Chunks are claimed in
 * increasing index order; after a failure no new chunk is started, so every chunk below the first failing
 * one has run, and the failure reported is the one a sequential loop would have met first. An interrupt of the
 * calling thread (seen on entry, before each chunk it claims, and while it waits for helpers) stops the loop with
 * {@link CancelledException} and stays set.
 */
final class ChunkExecutor {

    private ChunkExecutor() {
    }

    /** The shared helper pool; created on first parallel use. */
    private static final class Pool {
        static final ExecutorService HELPERS = create();

        private static ExecutorService create() {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "quire-parallel-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
        }
    }

    /** Size of chunk {@code k}, for progress reports. */
    @FunctionalInterface
    interface ChunkUnits {
        long of(int chunk);
    }

    /**
     * Runs {@code task.accept(k)} for every chunk {@code k} in [0, chunks).
     *
     * @param progress null, or checked for cancellation before each chunk and told {@code worked(units.of(k))} after it
     * @throws RuntimeException the first failure by chunk index, as thrown (Errors too); a checked exception
     *         wrapped in {@link CompletionException}; {@link CancelledException} when cancelled or interrupted
     */
    static void run(int threads, int chunks, IntConsumer task, Progress progress, ChunkUnits units) {
        if (chunks <= 0) {
            return;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
        }
        Job job = new Job(chunks, task, progress, units);
        int helpers = Math.min(threads, chunks) - 1;
        for (int h = 0; h < helpers; h++) {
            try {
                Pool.HELPERS.execute(job::help);
            } catch (RejectedExecutionException e) {
                break; // the calling thread does the rest
            }
        }
        job.work(true);
        boolean interrupted = job.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        job.rethrow(interrupted);
    }

    /** State shared by the caller and its helpers for one call. */
    private static final class Job {
        private final int chunks;
        private final IntConsumer task;
        private final Progress progress;
        private final ChunkUnits units;
        private final AtomicInteger next = new AtomicInteger();
        private final Throwable[] failures;
        private volatile boolean stop;
        private int active;
        private boolean closed;

        Job(int chunks, IntConsumer task, Progress progress, ChunkUnits units) {
            this.chunks = chunks;
            this.task = task;
            this.progress = progress;
            this.units = units;
            this.failures = new Throwable[chunks];
        }

        /** A helper's body: joins unless the caller has already finished, then works. */
        void help() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                active++;
            }
            try {
                work(false);
            } finally {
                synchronized (this) {
                    active--;
                    notifyAll();
                }
            }
        }

        /** Claims and runs chunks until none is left or one failed; the calling thread also honours its interrupt flag. */
        void work(boolean caller) {
            while (!stop) {
                int k = next.getAndIncrement();
                if (k >= chunks) {
                    return;
                }
                try {
                    if ((progress != null && progress.isCancelled()) || (caller && Thread.currentThread().isInterrupted())) {
                        throw new CancelledException();
                    }
                    task.accept(k);
                    if (progress != null) {
                        progress.worked(units.of(k));
                    }
                } catch (Throwable t) {
                    failures[k] = t; // published to the caller by the monitor in help()/close()
                    stop = true;
                }
            }
        }

        /** Stops new helpers from joining and waits for those working; returns whether the caller was interrupted. */
        synchronized boolean close() {
            closed = true;
            boolean interrupted = false;
            while (active > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop = true;
                }
            }
            return interrupted;
        }

        synchronized void rethrow(boolean interrupted) {
            Throwable first = null;
            for (Throwable t : failures) {
                if (t == null) {
                    continue;
                }
                if (first == null) {
                    first = t;
                } else if (t != first && !(t instanceof CancelledException)) {
                    first.addSuppressed(t);
                }
            }
            if (first == null) {
                if (interrupted) {
                    throw new CancelledException();
                }
                return;
            }
            if (first instanceof RuntimeException re) {
                throw re;
            }
            if (first instanceof Error err) {
                throw err;
            }
            throw new CompletionException(first);
        }
    }
}
