package org.quire.examples.sinkhorn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a body over fixed chunks of rows, on up to {@code threads} threads. The chunking depends on the row count
 * only, never on the thread count, and callers reduce per-chunk partial results in chunk order: the numbers are the
 * same whatever the thread count. Not thread-safe itself; {@link #close()} stops the threads.
 */
final class RowChunks implements AutoCloseable {
    /** Most chunks; per-chunk partial vectors cost {@code chunks * columns} doubles. */
    static final int MAX_CHUNKS = 16;
    /** Fewest rows in a chunk. */
    static final int MIN_ROWS = 16;

    /** Work on the rows [from, to) of chunk {@code chunk}. */
    @FunctionalInterface
    interface Body {
        void run(int chunk, int from, int to);
    }

    private final int rows;
    private final int chunks;
    private final int chunkRows;
    private final ExecutorService pool;
    private final int threads;

    RowChunks(int rows, int threads) {
        this.rows = rows;
        this.chunkRows = Math.max(MIN_ROWS, (rows + MAX_CHUNKS - 1) / MAX_CHUNKS);
        this.chunks = Math.max(1, (rows + chunkRows - 1) / chunkRows);
        this.threads = Math.max(1, Math.min(threads, chunks));
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "ot.sinkhorn-worker");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Number of chunks. */
    int chunks() {
        return chunks;
    }

    /** Runs the body once per chunk (the calling thread takes part) and returns when all are done. */
    void forEach(Body body) {
        if (pool == null) {
            for (int c = 0; c < chunks; c++) {
                body.run(c, c * chunkRows, Math.min(rows, (c + 1) * chunkRows));
            }
            return;
        }
        // static interleaved assignment: worker w takes chunks w, w + threads, ...
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int w = 1; w < threads; w++) {
            int first = w;
            futures.add(pool.submit(() -> {
                for (int c = first; c < chunks; c += threads) {
                    body.run(c, c * chunkRows, Math.min(rows, (c + 1) * chunkRows));
                }
            }));
        }
        RuntimeException failure = null;
        try {
            for (int c = 0; c < chunks; c += threads) {
                body.run(c, c * chunkRows, Math.min(rows, (c + 1) * chunkRows));
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
