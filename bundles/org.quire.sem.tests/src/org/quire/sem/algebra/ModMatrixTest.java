package org.quire.sem.algebra;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast kernel (forward elimination, fraction-free for small widths, Mersenne folds) against plain RREF. */
class ModMatrixTest {

    @Test
    void echelonKernelEqualsTheRrefKernelForBothPrimesAndWidths() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (long p : new long[] {ModMatrix.MERSENNE31, ModP.prime(1)}) {
            for (int cols : new int[] {7, 30, 48, 49, 90}) {
                int rank = cols - 1 - rnd.nextInt(Math.min(5, cols - 1));
                int rows = cols + 8;
                // rows x cols of the given rank: (rows x rank) times (rank x cols), random
                long[][] b = random(rnd, rows, rank, p);
                long[][] c = random(rnd, rank, cols, p);
                long[][] a = new long[rows][cols];
                for (int i = 0; i < rows; i++) {
                    for (int k = 0; k < rank; k++) {
                        for (int j = 0; j < cols; j++) {
                            a[i][j] = (a[i][j] + b[i][k] * c[k][j]) % p;
                        }
                    }
                }
                long[][] a1 = copy(a);
                int[] piv = ModMatrix.rref(a1, p);
                ModMatrix.Kernel ref = ModMatrix.kernel(a1, piv, cols, p);
                ModMatrix.Kernel fast = ModMatrix.kernelByEchelon(copy(a), cols, p, () -> false);
                assertThat(fast.freeColumns()).as("p " + p + ", cols " + cols).containsExactly(ref.freeColumns());
                assertThat(fast.vectors()).isDeepEqualTo(ref.vectors());
                assertThat(fast.dimension()).isEqualTo(cols - rank);
                for (long[] v : fast.vectors()) {
                    for (long[] row : a) {
                        long s = 0;
                        for (int j = 0; j < cols; j++) {
                            s = (s + row[j] * v[j]) % p;
                        }
                        assertThat(s).isZero();
                    }
                }
            }
        }
    }

    @Test
    void inverseAndReconstruction() {
        long p = ModP.prime(4);
        for (long a : new long[] {1, 2, 12345, p - 1}) {
            assertThat(ModP.mul(a, ModP.inv(a, p), p)).isEqualTo(1);
        }
        BigInteger m = BigInteger.valueOf(ModP.prime(0)).multiply(BigInteger.valueOf(ModP.prime(1)));
        Rational q = Rational.of(-355, 113);
        BigInteger u = BigInteger.valueOf(-355).multiply(BigInteger.valueOf(113).modInverse(m)).mod(m);
        assertThat(RationalReconstruction.reconstruct(u, m)).isEqualTo(q);
        BigInteger r = RationalReconstruction.crt(BigInteger.valueOf(q.mod(ModP.prime(0))),
                BigInteger.valueOf(ModP.prime(0)), q.mod(ModP.prime(1)), ModP.prime(1));
        assertThat(r).isEqualTo(u);
    }

    private static long[][] random(SplittableRandom rnd, int r, int c, long p) {
        long[][] a = new long[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                a[i][j] = rnd.nextLong(p);
            }
        }
        return a;
    }

    private static long[][] copy(long[][] a) {
        long[][] b = new long[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
        }
        return b;
    }
}
