package org.quire.workbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.quire.core.run.RunStatus;

class RunHistoryTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    private final RunHistory history = new RunHistory();

    @Test
    void runsAreNumberedFromOneInSubmissionOrder() {
        RunRecord a = history.submit(Fixtures.request(1), Fixtures.DESCRIPTOR, T0);
        RunRecord b = history.submit(Fixtures.request(2), Fixtures.DESCRIPTOR, T0.plusSeconds(1));

        assertThat(a.number()).isEqualTo(1);
        assertThat(b.number()).isEqualTo(2);
        assertThat(history.runs()).containsExactly(a, b);
        assertThat(history.find(2)).containsSame(b);
        assertThat(history.find(0)).isEmpty();
        assertThat(history.find(3)).isEmpty();
        assertThat(history.latest()).containsSame(b);
        assertThat(b.request()).isEqualTo(Fixtures.request(2));
        assertThat(b.label()).isEqualTo("#2 Fixture walk (fixture.walk)");
    }

    @Test
    void anEmptyHistoryHasNoLatestRun() {
        assertThat(history.latest()).isEmpty();
        assertThat(history.runs()).isEmpty();
        assertThat(history.running()).isEmpty();
    }

    @Test
    void finishingARunRecordsOutcomeAndDirectoryAndLeavesRunning() {
        RunRecord a = history.submit(Fixtures.request(1), Fixtures.DESCRIPTOR, T0);
        RunRecord b = history.submit(Fixtures.request(2), Fixtures.DESCRIPTOR, T0);
        var outcome = Fixtures.outcome(a.request(), RunStatus.OK, T0.plusMillis(5), T0.plusMillis(1255));

        history.finish(a, outcome, Fixtures.absolute("runs", "a"), null);

        assertThat(history.running()).containsExactly(b);
        assertThat(a.isRunning()).isFalse();
        assertThat(a.outcome()).containsSame(outcome);
        assertThat(a.status()).contains(RunStatus.OK);
        assertThat(a.stateText()).isEqualTo("ok");
        assertThat(a.directory()).contains(Fixtures.absolute("runs", "a"));
        assertThat(a.directoryError()).isEmpty();
        assertThat(a.fraction()).isEqualTo(1.0);
        // elapsed of a finished run is the outcome's own start to end, whatever "now" is
        assertThat(a.elapsed(T0.plusSeconds(3600))).isEqualTo(Duration.ofMillis(1250));
    }

    @Test
    void aRunCannotFinishTwice() {
        RunRecord a = history.submit(Fixtures.request(1), Fixtures.DESCRIPTOR, T0);
        var outcome = Fixtures.outcome(a.request(), RunStatus.FAILED, T0, T0);
        history.finish(a, outcome, null, "disk full");

        assertThatThrownBy(() -> history.finish(a, outcome, null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("#1 Fixture walk (fixture.walk)")
                .hasMessageContaining("already finished");
        assertThat(a.directory()).isEmpty();
        assertThat(a.directoryError()).isEqualTo("disk full");
    }

    @Test
    void progressIsClampedAndIgnoredOnceFinished() {
        RunRecord a = history.submit(Fixtures.request(1), Fixtures.DESCRIPTOR, T0);
        assertThat(a.fraction()).isZero();
        assertThat(a.task()).isEmpty();

        history.progress(a, "walking", 0.25, "path 1 of 4");
        assertThat(a.fraction()).isEqualTo(0.25);
        assertThat(a.task()).isEqualTo("walking");
        assertThat(a.message()).isEqualTo("path 1 of 4");

        history.progress(a, "", 1.7, null);
        assertThat(a.fraction()).isEqualTo(1.0);
        assertThat(a.task()).as("an empty task keeps the last one").isEqualTo("walking");
        assertThat(a.message()).isEmpty();

        history.progress(a, "walking", Double.NaN, "");
        assertThat(a.fraction()).isZero();
        history.progress(a, "walking", -3, "");
        assertThat(a.fraction()).isZero();

        history.finish(a, Fixtures.outcome(a.request(), RunStatus.OK, T0, T0), null, null);
        history.progress(a, "late", 0.5, "late");
        assertThat(a.task()).isEqualTo("walking");
        assertThat(a.message()).isEmpty();
    }

    @Test
    void elapsedOfARunningRunCountsFromSubmission() {
        RunRecord a = history.submit(Fixtures.request(1), Fixtures.DESCRIPTOR, T0);
        assertThat(a.elapsed(T0.plusMillis(2500))).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void cancellingRaisesTheSignalTheEngineChecks() {
        RunRecord a = history.submit(Fixtures.request(1), Fixtures.DESCRIPTOR, T0);
        assertThat(a.stateText()).isEqualTo("running");

        a.cancel();

        assertThat(a.isCancelRequested()).isTrue();
        assertThat(a.cancelSignal().isCancelled()).isTrue();
        assertThat(a.stateText()).isEqualTo("cancelling");
        history.finish(a, Fixtures.outcome(a.request(), RunStatus.CANCELLED, T0, T0), null, null);
        assertThat(a.stateText()).isEqualTo("cancelled");
    }

    @Test
    void logLinesKeepOrderAndMarkWarnings() {
        RunRecord a = history.submit(Fixtures.request(1), Fixtures.DESCRIPTOR, T0);
        history.log(a, false, "reading");
        history.log(a, true, "few samples");

        assertThat(a.log()).containsExactly("reading", "warning: few samples");
    }

    @Test
    void listenersSeeEveryChangeAfterItHappenedUntilUnsubscribed() throws Exception {
        List<String> seen = new ArrayList<>();
        AutoCloseable subscription = history.subscribe(r -> seen.add(r.number() + ":" + r.stateText() + ":" + r.fraction()));

        RunRecord a = history.submit(Fixtures.request(1), Fixtures.DESCRIPTOR, T0);
        history.progress(a, "walking", 0.5, "");
        history.log(a, true, "w");
        history.finish(a, Fixtures.outcome(a.request(), RunStatus.WARNINGS, T0, T0), null, null);
        subscription.close();
        history.submit(Fixtures.request(2), Fixtures.DESCRIPTOR, T0);

        assertThat(seen).containsExactly("1:running:0.0", "1:running:0.5", "1:running:0.5", "1:warnings:1.0");
    }

    @Test
    void concurrentSubmissionsGetDistinctConsecutiveNumbers() throws Exception {
        int threads = 8;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        RunRecord r = history.submit(Fixtures.request(1), Fixtures.DESCRIPTOR, T0);
                        history.progress(r, "x", 0.5, "");
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<RunRecord> runs = history.runs();
        assertThat(runs).hasSize(threads * each);
        assertThat(runs.stream().mapToInt(RunRecord::number).toArray())
                .containsExactly(IntStream.rangeClosed(1, threads * each).toArray());
        assertThat(history.running()).hasSize(threads * each);
    }
}
