package org.quire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.quire.api.CancelledException;
import org.quire.api.Progress;
import org.quire.core.run.CancelSignal;
import org.quire.core.run.RunListener;

/** Fractions, clamping, cancellation and throttled reporting of the progress tree, on a hand-driven clock. */
class ProgressTreeTest {

    record Report(String task, double fraction, String message) {
    }

    static final class Reports implements RunListener {
        final List<Report> all = new ArrayList<>();

        @Override
        public synchronized void progress(String task, double fraction, String message) {
            all.add(new Report(task, fraction, message));
        }

        synchronized Report last() {
            return all.get(all.size() - 1);
        }
    }

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final CancelSignal signal = new CancelSignal();
    private final Reports reports = new Reports();
    private final ProgressTree tree = new ProgressTree(signal, reports, clock::get);
    private final Progress root = tree.root();

    private void tick() {
        clock.addAndGet(ProgressTree.REPORT_INTERVAL_NANOS);
    }

    @Test
    void nestedSplitsGiveExactFractions() {
        root.begin("all", 4);
        assertThat(tree.fraction()).isEqualTo(0.0);
        Progress a = root.split(2);
        a.begin("a", 8);
        a.worked(2);
        assertThat(tree.fraction()).isEqualTo(0.125); // 2/8 of 2/4
        a.worked(6);
        assertThat(tree.fraction()).isEqualTo(0.5);
        Progress b = root.split(2);
        b.begin("b", 4);
        b.worked(1);
        assertThat(tree.fraction()).isEqualTo(0.625); // 1/2 + 1/4 of 2/4
        Progress bb = b.split(2);
        bb.begin("bb", 2);
        bb.worked(1);
        assertThat(tree.fraction()).isEqualTo(0.75); // 1/2 + (1 + 1/2 of 2)/4 of 2/4
        bb.worked(1);
        assertThat(tree.fraction()).isEqualTo(0.875);
        b.worked(1);
        assertThat(tree.fraction()).isEqualTo(1.0);
    }

    @Test
    void threeLevelsWithThirdsAgreeWithTheProductOfShares() {
        root.begin("all", 3);
        Progress a = root.split(1);
        a.begin("a", 3);
        Progress aa = a.split(1);
        aa.begin("aa", 3);
        aa.worked(1);
        double expected = (1.0 / 3) * (1.0 / 3) * (1.0 / 3);
        assertThat(Math.abs(tree.fraction() - expected)).isLessThanOrEqualTo(1e-15);
        aa.worked(2);
        a.worked(2);
        assertThat(Math.abs(tree.fraction() - 1.0 / 3)).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void workIsClampedToTheTotalAndNegativeWorkIsIgnored() {
        root.begin("all", 10);
        root.worked(-5);
        assertThat(tree.fraction()).isEqualTo(0.0);
        root.worked(7);
        assertThat(tree.fraction()).isEqualTo(0.7);
        Progress rest = root.split(5); // only 3 units are left
        rest.begin("rest", 2);
        rest.worked(1);
        assertThat(tree.fraction()).isEqualTo(0.85);
        rest.worked(100);
        assertThat(tree.fraction()).isEqualTo(1.0);
        root.worked(1);
        assertThat(tree.fraction()).isEqualTo(1.0);
        Progress none = root.split(1); // nothing left: a child whose work cannot show
        none.begin("late", 1);
        none.worked(1);
        assertThat(tree.fraction()).isEqualTo(1.0);
    }

    @Test
    void theNextCallOnAParentCompletesTheChildThisThreadBegan() {
        root.begin("all", 4);
        Progress a = root.split(2);
        a.begin("a", 10);
        a.worked(3);
        assertThat(tree.fraction()).isEqualTo(0.15);
        Progress b = root.split(2);
        assertThat(tree.fraction()).isEqualTo(0.5);
        a.worked(5); // a is complete: no effect
        assertThat(tree.fraction()).isEqualTo(0.5);
        b.begin("b", 4);
        root.worked(0); // also completes b
        assertThat(tree.fraction()).isEqualTo(1.0);
    }

    @Test
    void aChildBegunByAnotherThreadIsNotCompletedByThisThreadsCalls() throws InterruptedException {
        root.begin("all", 8);
        Progress[] child = new Progress[1];
        Thread other = new Thread(() -> {
            child[0] = root.split(2);
            child[0].begin("other", 4);
            child[0].worked(1);
        });
        other.start();
        other.join();
        assertThat(tree.fraction()).isEqualTo(0.0625); // 1/4 of 2/8
        Progress mine = root.split(2);
        mine.begin("mine", 2);
        root.worked(1); // completes mine (begun here), not the other thread's child
        assertThat(tree.fraction()).isEqualTo(0.0625 + 0.25 + 0.125);
        child[0].worked(3);
        assertThat(tree.fraction()).isEqualTo(0.25 + 0.25 + 0.125);
    }

    @Test
    void aChildThatWasNeverBegunShowsNothingUntilTheRunCompletes() {
        root.begin("all", 2);
        Progress ignored = root.split(1);
        ignored.worked(1); // no total: nothing to show
        root.worked(1);
        assertThat(tree.fraction()).isEqualTo(0.5);
        tree.finish(true);
        assertThat(tree.fraction()).isEqualTo(1.0);
    }

    @Test
    void beginAgainMapsTheNewTotalOntoWhatIsLeft() {
        root.begin("phase 1", 4);
        root.worked(2);
        assertThat(tree.fraction()).isEqualTo(0.5);
        root.begin("phase 2", 10);
        assertThat(tree.fraction()).isEqualTo(0.5);
        root.worked(5);
        assertThat(tree.fraction()).isEqualTo(0.75);
        root.worked(5);
        assertThat(tree.fraction()).isEqualTo(1.0);
    }

    @Test
    void fractionNeverDecreasesAndStaysInTheUnitIntervalUnderRandomUse() {
        SplittableRandom r = new SplittableRandom(12345);
        for (int trial = 0; trial < 200; trial++) {
            ProgressTree t = new ProgressTree(new CancelSignal(), RunListener.NONE, clock::get);
            List<Progress> nodes = new ArrayList<>(List.of(t.root()));
            double last = t.fraction();
            for (int step = 0; step < 60; step++) {
                Progress n = nodes.get(r.nextInt(nodes.size()));
                switch (r.nextInt(4)) {
                    case 0 -> n.begin("t" + step, r.nextInt(0, 20));
                    case 1 -> n.worked(r.nextInt(-2, 8));
                    case 2 -> nodes.add(n.split(r.nextInt(-1, 6)));
                    default -> n.message("m" + step);
                }
                double f = t.fraction();
                assertThat(f).as("trial %d step %d", trial, step).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(last);
                last = f;
            }
            t.finish(true);
            assertThat(t.fraction()).isEqualTo(1.0);
        }
    }

    @Test
    void workedAndSplitThrowWhenCancelledButBeginAndMessageDoNot() {
        root.begin("all", 10);
        Progress child = root.split(5);
        assertThat(root.isCancelled()).isFalse();
        signal.cancel();
        assertThat(root.isCancelled()).isTrue();
        assertThat(child.isCancelled()).isTrue();
        assertThatThrownBy(() -> root.worked(1)).isInstanceOf(CancelledException.class);
        assertThatThrownBy(() -> child.worked(1)).isInstanceOf(CancelledException.class);
        assertThatThrownBy(() -> root.split(1)).isInstanceOf(CancelledException.class);
        assertThatThrownBy(root::checkCancelled).isInstanceOf(CancelledException.class);
        child.begin("cleanup", 1);
        child.message("closing files");
        assertThat(tree.fraction()).isEqualTo(0.0);
    }

    @Test
    void negativeTotalIsRejected() {
        assertThatThrownBy(() -> root.begin("bad", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1").hasMessageContaining("bad");
    }

    @Test
    void reportsAreThrottledToOnePerIntervalPlusAFinalOne() {
        root.begin("all", 10_000);
        assertThat(reports.all).containsExactly(new Report("all", 0.0, ""));
        for (int i = 0; i < 1000; i++) {
            root.worked(1);
        }
        assertThat(reports.all).hasSize(1);
        clock.addAndGet(ProgressTree.REPORT_INTERVAL_NANOS - 1);
        root.worked(1);
        assertThat(reports.all).hasSize(1);
        clock.addAndGet(1);
        root.worked(1);
        assertThat(reports.all).hasSize(2);
        assertThat(reports.last()).isEqualTo(new Report("all", 0.1002, ""));
        root.worked(1000);
        tree.finish(true);
        assertThat(reports.all).hasSize(3);
        assertThat(reports.last()).isEqualTo(new Report("all", 1.0, ""));
        tick();
        root.worked(1);
        tree.finish(true);
        assertThat(reports.all).hasSize(3);
    }

    @Test
    void theFinalReportOfAnUnfinishedRunKeepsItsFraction() {
        root.begin("all", 4);
        root.worked(1);
        tree.finish(false);
        assertThat(reports.last()).isEqualTo(new Report("all", 0.25, ""));
    }

    @Test
    void reportsShowTheDeepestActiveTaskAndMessage() {
        root.begin("register", 2);
        root.message("scan 1 of 2");
        Progress icp = root.split(1);
        icp.begin("icp", 10);
        tick();
        icp.worked(5);
        assertThat(reports.last()).isEqualTo(new Report("icp", 0.25, "scan 1 of 2"));
        icp.message("iteration 6");
        tick();
        icp.worked(1);
        assertThat(reports.last()).isEqualTo(new Report("icp", 0.3, "iteration 6"));
        icp.worked(4);
        tick();
        root.message("scan 2 of 2");
        assertThat(reports.last()).isEqualTo(new Report("register", 0.5, "scan 2 of 2"));
    }
}
