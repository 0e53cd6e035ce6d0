package org.quire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import org.quire.api.CancelledException;

class FailuresTest {

    @Test
    void describeUsesTheClassAndItsOwnMessage() {
        assertThat(Failures.describe(new IllegalArgumentException("n must be > 0"))).isEqualTo("IllegalArgumentException: n must be > 0");
    }

    @Test
    void describeSkipsWrappersWhoseMessageIsTheirCause() {
        Throwable t = new ExecutionException(new RuntimeException(new IOException("disk full")));
        assertThat(Failures.describe(t)).isEqualTo("IOException: disk full");
    }

    @Test
    void describeKeepsAWrapperThatSaysSomethingOfItsOwn() {
        Throwable t = new UncheckedIOException("cannot write cache", new IOException("disk full"));
        assertThat(Failures.describe(t)).isEqualTo("UncheckedIOException: cannot write cache");
    }

    @Test
    void describeWithoutAnyMessageIsTheInnermostClassName() {
        assertThat(Failures.describe(new StackOverflowError())).isEqualTo("StackOverflowError");
        assertThat(Failures.describe(new RuntimeException(new NullPointerException()))).isEqualTo("NullPointerException");
    }

    @Test
    void describeNamesAnonymousClassesFully() {
        RuntimeException anonymous = new RuntimeException("odd") {
            private static final long serialVersionUID = 1L;
        };
        assertThat(Failures.describe(anonymous)).isEqualTo(anonymous.getClass().getName() + ": odd");
    }

    @Test
    void findWalksTheCauseChainAndSurvivesCycles() {
        CancelledException cancelled = new CancelledException();
        Throwable chain = new ExecutionException(new RuntimeException(cancelled));
        assertThat(Failures.find(chain, CancelledException.class)).isSameAs(cancelled);
        assertThat(Failures.find(chain, IOException.class)).isNull();

        IllegalStateException a = new IllegalStateException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        assertThat(Failures.find(a, IOException.class)).isNull();
        assertThat(Failures.describe(a)).isEqualTo("IllegalStateException: a");
    }
}
