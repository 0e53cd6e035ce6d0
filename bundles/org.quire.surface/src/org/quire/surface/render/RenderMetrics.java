package org.quire.surface.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered-image metrics of spec §1.8, comparing a prediction with a ground-truth rendering of the same camera:
 * {@code renderedNormalCosJacobian} and {@code renderedNormalCosForward} (mean |cos| between predicted and GT normals
 * over pixels both hit), {@code pixelAccuracy} (what the official code calls "silhouette IoU": agreeing pixels over
 * all pixels), {@code silhouetteIoU} (the real intersection over union of the two hit masks) and {@code depthError}
 * (mean |depth difference| over pixels both hit). Stateless.
 */
public final class RenderMetrics {

    private RenderMetrics() {
    }

    /** The metrics; the normal and depth metrics are NaN when no pixel is hit by both. */
    public static Map<String, Double> compare(Rendering predicted, Rendering truth) {
        if (predicted.width != truth.width || predicted.height != truth.height) {
            throw new IllegalArgumentException("renderings differ in size");
        }
        int n = predicted.hit.length;
        int both = 0;
        int either = 0;
        int agree = 0;
        double cosJ = 0;
        double cosF = 0;
        double depth = 0;
        for (int i = 0; i < n; i++) {
            boolean a = predicted.hit[i];
            boolean b = truth.hit[i];
            agree += a == b ? 1 : 0;
            either += a || b ? 1 : 0;
            if (a && b) {
                both++;
                cosJ += Math.abs(dot(predicted.normalJacobian, truth.normalJacobian, i));
                cosF += Math.abs(dot(predicted.normalForward, truth.normalJacobian, i));
                depth += Math.abs(predicted.depth[i] - truth.depth[i]);
            }
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("renderedNormalCosJacobian", both == 0 ? Double.NaN : cosJ / both);
        m.put("renderedNormalCosForward", both == 0 ? Double.NaN : cosF / both);
        m.put("pixelAccuracy", (double) agree / n);
        m.put("silhouetteIoU", either == 0 ? 1.0 : (double) both / either);
        m.put("depthError", both == 0 ? Double.NaN : depth / both);
        return m;
    }

    private static double dot(double[] a, double[] b, int i) {
        return a[3 * i] * b[3 * i] + a[3 * i + 1] * b[3 * i + 1] + a[3 * i + 2] * b[3 * i + 2];
    }
}
