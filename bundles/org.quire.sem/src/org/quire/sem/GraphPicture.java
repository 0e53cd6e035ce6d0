package org.quire.sem;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import org.quire.api.result.Image;

/**
 * Draws a mixed graph as an {@link Image} with java.awt on an off-screen {@link BufferedImage} (works headless):
 * vertices on a circle with their names, directed edges as solid dark arrows (the two edges of a 2-cycle bent apart),
 * bidirected edges as dashed red curves with arrowheads at both ends, and a legend. Stateless.
 */
public final class GraphPicture {
    private static final Color DIRECTED = new Color(0x1f, 0x3a, 0x68);
    private static final Color BIDIRECTED = new Color(0xc0, 0x39, 0x2b);

    private GraphPicture() {
    }

    /**
     * The picture.
     *
     * @param name image name (file stem)
     * @param size width and height in pixels, &ge; 200
     */
    public static Image draw(MixedGraph g, String name, int size) {
        int legend = 34;
        BufferedImage img = new BufferedImage(size, size + legend, BufferedImage.TYPE_INT_ARGB);
        Graphics2D gr = img.createGraphics();
        try {
            gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            gr.setColor(Color.WHITE);
            gr.fillRect(0, 0, size, size + legend);
            int n = g.n();
            double cx = size / 2.0;
            double cy = size / 2.0;
            double radius = n == 1 ? 0 : size * 0.36;
            double vr = Math.max(14, Math.min(26, size * 0.05));
            double[] x = new double[n];
            double[] y = new double[n];
            for (int v = 0; v < n; v++) {
                double a = -Math.PI / 2 + 2 * Math.PI * v / n;
                x[v] = cx + radius * Math.cos(a);
                y[v] = cy + radius * Math.sin(a);
            }
            gr.setStroke(new BasicStroke(2f));
            gr.setColor(DIRECTED);
            for (int k = 0; k < g.directedCount(); k++) {
                int[] e = g.directedEdge(k);
                double bend = g.hasDirected(e[1], e[0]) ? 0.18 : 0.0;
                edge(gr, x[e[0]], y[e[0]], x[e[1]], y[e[1]], vr, bend, false);
            }
            gr.setColor(BIDIRECTED);
            gr.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f));
            for (int k = 0; k < g.bidirectedCount(); k++) {
                int[] e = g.bidirectedEdge(k);
                edge(gr, x[e[0]], y[e[0]], x[e[1]], y[e[1]], vr, -0.32, true);
            }
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(vr * 0.8));
            gr.setFont(font);
            FontMetrics fm = gr.getFontMetrics();
            gr.setStroke(new BasicStroke(2f));
            for (int v = 0; v < n; v++) {
                Ellipse2D c = new Ellipse2D.Double(x[v] - vr, y[v] - vr, 2 * vr, 2 * vr);
                gr.setColor(new Color(0xf4, 0xf6, 0xfb));
                gr.fill(c);
                gr.setColor(DIRECTED);
                gr.draw(c);
                String label = g.label(v);
                if (fm.stringWidth(label) > 2 * vr - 4) {
                    gr.setColor(Color.BLACK);
                    double ox = (x[v] - cx) * 0.28;
                    double oy = (y[v] - cy) * 0.28;
                    gr.drawString(label, (float) (x[v] + ox - fm.stringWidth(label) / 2.0),
                            (float) (y[v] + oy + fm.getAscent() / 2.0));
                } else {
                    gr.setColor(Color.BLACK);
                    gr.drawString(label, (float) (x[v] - fm.stringWidth(label) / 2.0),
                            (float) (y[v] + (fm.getAscent() - fm.getDescent()) / 2.0));
                }
            }
            gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            int ly = size + legend / 2;
            gr.setColor(DIRECTED);
            gr.setStroke(new BasicStroke(2f));
            edge(gr, 16, ly, 70, ly, 0, 0, false);
            gr.setColor(Color.BLACK);
            gr.drawString("directed i\u2192j (\u03bb)", 78, ly + 5);
            gr.setColor(BIDIRECTED);
            gr.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 5f}, 0f));
            int bx = size / 2 + 10;
            edge(gr, bx, ly, bx + 54, ly, 0, 0, true);
            gr.setColor(Color.BLACK);
            gr.drawString("bidirected i\u2194j (\u03c9)", bx + 62, ly + 5);
        } finally {
            gr.dispose();
        }
        int[] argb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new Image(name, img.getWidth(), img.getHeight(), argb);
    }

    /** An edge from (x0,y0) to (x1,y1) shortened by r at both ends, bent by {@code bend} of its length. */
    private static void edge(Graphics2D gr, double x0, double y0, double x1, double y1, double r, double bend,
            boolean bothHeads) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (len < 1e-9) {
            return;
        }
        double mx = (x0 + x1) / 2 - dy * bend;
        double my = (y0 + y1) / 2 + dx * bend;
        double[] s = towards(x0, y0, mx, my, r);
        double[] t = towards(x1, y1, mx, my, r);
        var stroke = gr.getStroke();
        gr.draw(new QuadCurve2D.Double(s[0], s[1], mx, my, t[0], t[1]));
        gr.setStroke(new BasicStroke(2f));
        head(gr, t[0], t[1], t[0] - mx, t[1] - my);
        if (bothHeads) {
            head(gr, s[0], s[1], s[0] - mx, s[1] - my);
        }
        gr.setStroke(stroke);
    }

    private static double[] towards(double x, double y, double tx, double ty, double r) {
        double dx = tx - x;
        double dy = ty - y;
        double l = Math.hypot(dx, dy);
        return l < 1e-9 ? new double[] {x, y} : new double[] {x + dx / l * r, y + dy / l * r};
    }

    private static void head(Graphics2D gr, double x, double y, double dx, double dy) {
        double l = Math.hypot(dx, dy);
        if (l < 1e-9) {
            return;
        }
        double ux = dx / l;
        double uy = dy / l;
        double size = 11;
        double w = 5;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x, y);
        p.lineTo(x - ux * size - uy * w, y - uy * size + ux * w);
        p.lineTo(x - ux * size + uy * w, y - uy * size - ux * w);
        p.closePath();
        gr.fill(p);
    }
}
