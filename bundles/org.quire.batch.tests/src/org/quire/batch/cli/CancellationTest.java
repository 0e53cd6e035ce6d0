package org.quire.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quire.core.run.CancelSignal;

class CancellationTest {
    @Test
    void cancelReachesTheCurrentAndLaterSignals() throws Exception {
        Cancellation c = new Cancellation();
        CancelSignal first = c.newSignal();
        assertThat(first.isCancelled()).isFalse();
        c.cancel();
        assertThat(first.isCancelled()).isTrue();
        assertThat(c.newSignal().isCancelled()).isTrue();
    }

    @Test
    void finishReleasesTheWaiterWithTheCode() throws Exception {
        Cancellation c = new Cancellation();
        assertThat(c.awaitFinish(10)).isEqualTo(-1);
        Thread t = new Thread(() -> c.finish(5));
        t.start();
        assertThat(c.awaitFinish(10_000)).isEqualTo(5);
        c.finish(0);
        assertThat(c.awaitFinish(0)).isEqualTo(5);
        assertThat(c.isFinished()).isTrue();
    }
}
