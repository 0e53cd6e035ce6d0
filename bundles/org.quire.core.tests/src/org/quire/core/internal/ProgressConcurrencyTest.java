package org.quire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.quire.api.Progress;
import org.quire.core.run.CancelSignal;
import org.quire.core.run.RunListener;

/** Parallel workers reporting on one progress tree lose no work and never make the reported fraction go back. */
class ProgressConcurrencyTest {

    static final int THREADS = 8;
    static final int UNITS = 20_000;

    static final class Fractions implements RunListener {
        final List<Double> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void progress(String task, double fraction, String message) {
            seen.add(fraction);
        }
    }

    private static void inParallel(Runnable work) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < THREADS; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    work.run();
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            th.start();
            threads.add(th);
        }
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertThat(errors).isEmpty();
    }

    @Test
    void concurrentWorkedOnOneNodeCountsEveryUnit() throws InterruptedException {
        Fractions listener = new Fractions();
        ProgressTree tree = new ProgressTree(new CancelSignal(), listener);
        Progress root = tree.root();
        root.begin("shared", 2L * THREADS * UNITS);
        inParallel(() -> {
            for (int i = 0; i < UNITS; i++) {
                root.worked(1);
            }
        });
        assertThat(tree.fraction()).isEqualTo(0.5);
        tree.finish(true);
        assertThat(listener.seen).isSorted().allMatch(f -> f >= 0 && f <= 1);
        assertThat(listener.seen.get(listener.seen.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void eachWorkerOnItsOwnChildAddsUpExactly() throws InterruptedException {
        Fractions listener = new Fractions();
        ProgressTree tree = new ProgressTree(new CancelSignal(), listener);
        Progress root = tree.root();
        root.begin("split", 4L * THREADS);
        inParallel(() -> {
            Progress mine = root.split(2);
            mine.begin("worker", UNITS);
            for (int i = 0; i < UNITS; i++) {
                mine.worked(1);
            }
        });
        assertThat(tree.fraction()).isEqualTo(0.5);
        tree.finish(false);
        assertThat(listener.seen).isSorted();
        assertThat(listener.seen.get(listener.seen.size() - 1)).isEqualTo(0.5);
    }
}
