package org.quire.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimpleRunContextTest {
    @Test
    void keepsSeedThreadsAndLogLines() {
        SimpleRunContext ctx = new SimpleRunContext(42, 3);
        ctx.log().info("a");
        ctx.log().warn("b");
        ctx.log().info("c");
        assertThat(ctx.seed()).isEqualTo(42);
        assertThat(ctx.threads()).isEqualTo(3);
        assertThat(ctx.infos()).containsExactly("a", "c");
        assertThat(ctx.warnings()).containsExactly("b");
        // same streams as the platform's contexts: derived from the seed by SeedMixer
        assertThat(ctx.random(7).nextLong()).isEqualTo(new java.util.SplittableRandom(SeedMixer.mix(42, 7)).nextLong());
    }

    @Test
    void cancelMakesProgressThrow() {
        SimpleRunContext ctx = new SimpleRunContext(1, 1);
        ctx.progress().begin("t", 10);
        ctx.progress().worked(1);
        assertThat(ctx.progress().isCancelled()).isFalse();
        ctx.cancel();
        assertThat(ctx.progress().isCancelled()).isTrue();
        assertThatThrownBy(() -> ctx.progress().worked(1)).isInstanceOf(CancelledException.class);
        assertThatThrownBy(() -> ctx.progress().split(1)).isInstanceOf(CancelledException.class);
    }

    @Test
    void rejectsZeroThreads() {
        assertThatThrownBy(() -> new SimpleRunContext(1, 0)).hasMessageContaining("threads must be >= 1");
    }
}
