package org.quire.sem;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.quire.sem.algebra.Poly;

/** Parses integer polynomials in s_i_j or Macaulay2's s_(i,j) notation, for comparing with peer output. */
final class PolyText {
    private PolyText() {
    }

    static Poly parse(MixedGraph g, String text) {
        String s = text.replaceAll("\\s+", "").replaceAll("s_\\((\\d+),(\\d+)\\)", "s_$1_$2");
        List<int[]> exps = new ArrayList<>();
        List<BigInteger> coefs = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != '+' && s.charAt(j) != '-') {
                j++;
            }
            String term = s.substring(i, j);
            BigInteger c = BigInteger.ONE;
            if (term.startsWith("-")) {
                c = c.negate();
                term = term.substring(1);
            } else if (term.startsWith("+")) {
                term = term.substring(1);
            }
            int[] e = new int[g.sigmaCount()];
            for (String f : term.split("\\*")) {
                if (f.matches("\\d+")) {
                    c = c.multiply(new BigInteger(f));
                    continue;
                }
                String[] pw = f.split("\\^");
                String[] ij = pw[0].split("_");
                int v = g.sigmaIndex(Integer.parseInt(ij[1]) - 1, Integer.parseInt(ij[2]) - 1);
                e[v] += pw.length > 1 ? Integer.parseInt(pw[1]) : 1;
            }
            exps.add(e);
            coefs.add(c);
            i = j;
        }
        return Poly.of(g.sigmaCount(), exps, coefs);
    }
}
