package org.quire.lmdp.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The open-addressing belief memo against a HashMap on explicitly rounded keys. */
class BeliefMemoTest {

    private static List<Long> key(int h, int s, double[] b) {
        Long[] k = new Long[b.length + 2];
        k[0] = (long) h;
        k[1] = (long) s;
        for (int m = 0; m < b.length; m++) {
            k[m + 2] = Math.round(b[m] * Beliefs.KEY_SCALE); // the memo's grid (it rounds the same product)
        }
        return List.of(k);
    }

    private static double[] randomBelief(Random r, int mm) {
        double[] b = new double[mm];
        double sum = 0;
        for (int m = 0; m < mm; m++) {
            b[m] = r.nextInt(4) == 0 ? 0 : r.nextDouble();
            sum += b[m];
        }
        if (sum == 0) {
            b[0] = sum = 1;
        }
        for (int m = 0; m < mm; m++) {
            b[m] /= sum;
        }
        return b;
    }

    @Test
    void agreesWithAMapOnRoundedKeysThroughManyGrowths() {
        Random r = new Random(5);
        BeliefMemo<Integer> memo = new BeliefMemo<>(3);
        Map<List<Long>, Integer> reference = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            int h = r.nextInt(6);
            int s = r.nextInt(5);
            double[] b = randomBelief(r, 3);
            if (r.nextBoolean()) {
                memo.put(h, s, b, i);
                reference.put(key(h, s, b), i);
            }
            // a belief a fraction of the grid away has the same key (unless it straddles a rounding boundary)
            double[] near = b.clone();
            near[0] += 0.01 * Beliefs.KEY_RESOLUTION;
            assertThat(memo.get(h, s, b)).isEqualTo(reference.get(key(h, s, b)));
            assertThat(memo.get(h, s, near)).isEqualTo(reference.get(key(h, s, near)));
        }
        assertThat(memo.size()).isEqualTo(reference.size()).isGreaterThan(5000);
    }

    @Test
    void stepStateAndBeliefAllSeparateKeys() {
        BeliefMemo<String> memo = new BeliefMemo<>(2);
        double[] b = {0.25, 0.75};
        memo.put(1, 2, b, "a");
        assertThat(memo.get(1, 2, new double[] {0.25, 0.75})).isEqualTo("a");
        assertThat(memo.get(2, 1, b)).isNull();
        assertThat(memo.get(1, 3, b)).isNull();
        assertThat(memo.get(1, 2, new double[] {0.25 + 3e-10, 0.75 - 3e-10})).isNull();
        memo.put(1, 2, b, "b");
        assertThat(memo.get(1, 2, b)).isEqualTo("b");
        assertThat(memo.size()).isEqualTo(1);
    }
}
