package org.quire.sem;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A mixed graph G = (V, D, B) for a linear SEM: vertices 0..n-1 (printed 1-based), directed edges i&rarr;j (cycles
 * allowed, no self-loops) and bidirected edges i&harr;j (i &ne; j, unordered, stored with i &lt; j). Immutable.
 *
 * <p>Parameters are numbered &lambda; (directed edges in order), then &omega;<sub>ii</sub> (i = 1..n), then
 * &omega;<sub>kl</sub> (bidirected edges in order); their names are {@code l_i_j}, {@code w_i_i}, {@code w_k_l}. The
 * covariance entries &sigma;<sub>ij</sub> (i &le; j) are numbered row by row and named {@code s_i_j}.
 */
public final class MixedGraph {
    private final int n;
    private final String[] names;
    private final int[][] directed;
    private final int[][] bidirected;
    private final boolean[][] dir;
    private final boolean[][] bi;

    /**
     * @param n          number of vertices, 1..16
     * @param names      vertex names (length n), or null for 1..n
     * @param directed   directed edges {from, to}, 0-based
     * @param bidirected bidirected edges {i, j}, 0-based, any order
     * @throws IllegalArgumentException on a self-loop, a vertex out of range or a repeated edge (named 1-based)
     */
    public MixedGraph(int n, String[] names, List<int[]> directed, List<int[]> bidirected) {
        if (n < 1 || n > 16) {
            throw new IllegalArgumentException("a graph needs 1..16 vertices, got " + n);
        }
        if (names != null && names.length != n) {
            throw new IllegalArgumentException(names.length + " names for " + n + " vertices");
        }
        this.n = n;
        this.names = names == null ? null : names.clone();
        this.dir = new boolean[n][n];
        this.bi = new boolean[n][n];
        this.directed = new int[directed.size()][];
        this.bidirected = new int[bidirected.size()][];
        for (int k = 0; k < directed.size(); k++) {
            int[] e = directed.get(k);
            check(e, "->");
            if (dir[e[0]][e[1]]) {
                throw new IllegalArgumentException("edge " + (e[0] + 1) + "->" + (e[1] + 1) + " appears twice");
            }
            dir[e[0]][e[1]] = true;
            this.directed[k] = new int[] {e[0], e[1]};
        }
        for (int k = 0; k < bidirected.size(); k++) {
            int[] e = bidirected.get(k);
            check(e, "<->");
            int a = Math.min(e[0], e[1]);
            int b = Math.max(e[0], e[1]);
            if (bi[a][b]) {
                throw new IllegalArgumentException("edge " + (e[0] + 1) + "<->" + (e[1] + 1) + " appears twice");
            }
            bi[a][b] = true;
            bi[b][a] = true;
            this.bidirected[k] = new int[] {a, b};
        }
    }

    private void check(int[] e, String arrow) {
        if (e.length != 2) {
            throw new IllegalArgumentException("an edge needs two vertices");
        }
        String s = (e[0] + 1) + arrow + (e[1] + 1);
        if (e[0] < 0 || e[0] >= n || e[1] < 0 || e[1] >= n) {
            throw new IllegalArgumentException("edge " + s + ": vertex out of range 1.." + n);
        }
        if (e[0] == e[1]) {
            throw new IllegalArgumentException("edge " + s + ": self-loop (a vertex cannot be joined to itself)");
        }
    }

    /** Parses the edge-list text {@code 1->2; 2->3; 1<->4} on vertices 1..n (n = the largest vertex named). */
    public static MixedGraph parse(String edgeList) {
        List<int[]> d = new ArrayList<>();
        List<int[]> b = new ArrayList<>();
        int n = 0;
        for (String s : edgeList.split("[;\n]")) {
            s = s.trim();
            if (s.isEmpty()) {
                continue;
            }
            boolean bid = s.contains("<->");
            String[] ab = s.split(bid ? "<->" : "->");
            if (ab.length != 2) {
                throw new IllegalArgumentException("'" + s + "' is not an edge i->j or i<->j");
            }
            int i = Integer.parseInt(ab[0].trim()) - 1;
            int j = Integer.parseInt(ab[1].trim()) - 1;
            n = Math.max(n, Math.max(i, j) + 1);
            (bid ? b : d).add(new int[] {i, j});
        }
        return new MixedGraph(n, null, d, b);
    }

    /** Number of vertices. */
    public int n() {
        return n;
    }

    /** Whether vertices have names. */
    public boolean hasNames() {
        return names != null;
    }

    /** The label of vertex v (0-based): its name, or {@code v+1}. */
    public String label(int v) {
        return names == null ? Integer.toString(v + 1) : names[v];
    }

    /** The vertex names, or null. */
    public String[] names() {
        return names == null ? null : names.clone();
    }

    /** Number of directed edges |D|. */
    public int directedCount() {
        return directed.length;
    }

    /** Number of bidirected edges |B|. */
    public int bidirectedCount() {
        return bidirected.length;
    }

    /** Directed edge k as {from, to} (0-based). */
    public int[] directedEdge(int k) {
        return directed[k].clone();
    }

    /** Bidirected edge k as {i, j}, i &lt; j (0-based). */
    public int[] bidirectedEdge(int k) {
        return bidirected[k].clone();
    }

    /** Whether i&rarr;j is an edge. */
    public boolean hasDirected(int i, int j) {
        return dir[i][j];
    }

    /** Whether i&harr;j is an edge. */
    public boolean hasBidirected(int i, int j) {
        return bi[i][j];
    }

    /** Number of parameters n + |D| + |B|. */
    public int parameterCount() {
        return n + directed.length + bidirected.length;
    }

    /** Number of covariance entries n(n+1)/2. */
    public int sigmaCount() {
        return n * (n + 1) / 2;
    }

    /** Index of &sigma;<sub>ij</sub> (0-based i, j in any order) among the n(n+1)/2 entries. */
    public int sigmaIndex(int i, int j) {
        int a = Math.min(i, j);
        int b = Math.max(i, j);
        return a * n - a * (a - 1) / 2 + (b - a);
    }

    /** The pair {i, j} (0-based, i &le; j) of covariance entry t. */
    public int[] sigmaPair(int t) {
        for (int a = 0; a < n; a++) {
            int row = n - a;
            if (t < row) {
                return new int[] {a, a + t};
            }
            t -= row;
        }
        throw new IndexOutOfBoundsException("sigma index");
    }

    /** Names {@code s_i_j} of the covariance entries in index order. */
    public String[] sigmaNames() {
        String[] s = new String[sigmaCount()];
        for (int t = 0; t < s.length; t++) {
            int[] ij = sigmaPair(t);
            s[t] = "s_" + (ij[0] + 1) + "_" + (ij[1] + 1);
        }
        return s;
    }

    /** Names of the parameters in index order: {@code l_i_j}, {@code w_i_i}, {@code w_k_l}. */
    public String[] parameterNames() {
        String[] s = new String[parameterCount()];
        int k = 0;
        for (int[] e : directed) {
            s[k++] = "l_" + (e[0] + 1) + "_" + (e[1] + 1);
        }
        for (int i = 0; i < n; i++) {
            s[k++] = "w_" + (i + 1) + "_" + (i + 1);
        }
        for (int[] e : bidirected) {
            s[k++] = "w_" + (e[0] + 1) + "_" + (e[1] + 1);
        }
        return s;
    }

    /** Index of parameter &omega;<sub>ii</sub>. */
    public int omegaDiagonalIndex(int i) {
        return directed.length + i;
    }

    /** Index of parameter &omega; of bidirected edge k. */
    public int omegaEdgeIndex(int k) {
        return directed.length + n + k;
    }

    /** Whether D has no directed cycle. */
    public boolean isAcyclic() {
        for (List<Integer> c : stronglyConnectedComponents()) {
            if (c.size() > 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether G is simple: at most one edge between two distinct vertices (no 2-cycle i&rarr;j&rarr;i, no bow
     * i&rarr;j with i&harr;j).
     */
    public boolean isSimple() {
        return simplicityViolations().isEmpty();
    }

    /** The pairs that make G non-simple, e.g. {@code "2-cycle 1->2->1"}, {@code "bow 1->2 with 1<->2"}. */
    public List<String> simplicityViolations() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dir[i][j] && dir[j][i]) {
                    out.add("2-cycle " + (i + 1) + "->" + (j + 1) + "->" + (i + 1));
                }
                if ((dir[i][j] || dir[j][i]) && bi[i][j]) {
                    int a = dir[i][j] ? i : j;
                    int b = dir[i][j] ? j : i;
                    out.add("bow " + (a + 1) + "->" + (b + 1) + " with " + (i + 1) + "<->" + (j + 1));
                }
            }
        }
        return out;
    }

    /** Strongly connected components of (V, D), each sorted, listed by smallest vertex (Tarjan). */
    public List<List<Integer>> stronglyConnectedComponents() {
        int[] index = new int[n];
        int[] low = new int[n];
        boolean[] on = new boolean[n];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        List<List<Integer>> out = new ArrayList<>();
        int[] counter = {0};
        for (int v = 0; v < n; v++) {
            if (index[v] < 0) {
                tarjan(v, index, low, on, stack, out, counter);
            }
        }
        for (List<Integer> c : out) {
            c.sort(null);
        }
        out.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
        return out;
    }

    private void tarjan(int v, int[] index, int[] low, boolean[] on, Deque<Integer> stack, List<List<Integer>> out,
            int[] counter) {
        index[v] = counter[0];
        low[v] = counter[0]++;
        stack.push(v);
        on[v] = true;
        for (int w = 0; w < n; w++) {
            if (!dir[v][w]) {
                continue;
            }
            if (index[w] < 0) {
                tarjan(w, index, low, on, stack, out, counter);
                low[v] = Math.min(low[v], low[w]);
            } else if (on[w]) {
                low[v] = Math.min(low[v], index[w]);
            }
        }
        if (low[v] == index[v]) {
            List<Integer> c = new ArrayList<>();
            int w;
            do {
                w = stack.pop();
                on[w] = false;
                c.add(w);
            } while (w != v);
            out.add(c);
        }
    }

    /** The edge list {@code 1->2; 2->3; 1<->4} (1-based). */
    public String edgeList() {
        StringBuilder sb = new StringBuilder();
        for (int[] e : directed) {
            sb.append(sb.length() > 0 ? "; " : "").append(e[0] + 1).append("->").append(e[1] + 1);
        }
        for (int[] e : bidirected) {
            sb.append(sb.length() > 0 ? "; " : "").append(e[0] + 1).append("<->").append(e[1] + 1);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "MixedGraph(n=" + n + ": " + edgeList() + ")";
    }
}
