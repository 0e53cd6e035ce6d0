package org.quire.viz.fx;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The distinct colours of a cloud laid out as a small texture, so that one JavaFX mesh can show every point
 * in its own colour: each point gets the index of its colour's texel. When a cloud has more than
 * {@value #MAX_COLOURS} distinct colours they are first reduced to 4 bits a channel (4 096 colours).
 * Texels sit on a grid {@value #COLUMNS} wide; texture coordinates point at texel centres. Immutable.
 */
final class ColourAtlas {

    /** Most distinct colours kept exactly. */
    static final int MAX_COLOURS = 4096;

    /** Texels per texture row. */
    static final int COLUMNS = 64;

    private final int[] colours;
    private final int[] index;

    private ColourAtlas(int[] colours, int[] index) {
        this.colours = colours;
        this.index = index;
    }

    /** The atlas of per-point colours 0xRRGGBB. */
    static ColourAtlas of(int[] pointColours) {
        ColourAtlas exact = build(pointColours, false);
        return exact != null ? exact : build(pointColours, true);
    }

    private static ColourAtlas build(int[] pointColours, boolean reduce) {
        Map<Integer, Integer> slots = new LinkedHashMap<>();
        int[] index = new int[pointColours.length];
        for (int i = 0; i < pointColours.length; i++) {
            int c = pointColours[i] & 0xFFFFFF;
            if (reduce) {
                c = (c & 0xF0F0F0) | ((c & 0xF0F0F0) >> 4); // 0xAB -> 0xAA: the 4-bit level spread over 8 bits
            }
            Integer slot = slots.get(c);
            if (slot == null) {
                if (slots.size() == MAX_COLOURS) {
                    return null;
                }
                slot = slots.size();
                slots.put(c, slot);
            }
            index[i] = slot;
        }
        int[] colours = slots.keySet().stream().mapToInt(Integer::intValue).toArray();
        if (colours.length == 0) {
            colours = new int[] { 0 };
        }
        return new ColourAtlas(colours, index);
    }

    /** Number of distinct colours (texels used). */
    int size() {
        return colours.length;
    }

    /** Colour of texel {@code k}, 0xRRGGBB. */
    int colour(int k) {
        return colours[k];
    }

    /** Texel of point {@code i}. */
    int texel(int i) {
        return index[i];
    }

    /** Texture width, pixels. */
    int width() {
        return Math.min(COLUMNS, colours.length);
    }

    /** Texture height, pixels. */
    int height() {
        return (colours.length + COLUMNS - 1) / COLUMNS;
    }

    /** Texture coordinates u0 v0 u1 v1 ... of the texel centres, one pair per colour. */
    float[] texCoords() {
        float[] uv = new float[2 * colours.length];
        int w = width();
        int h = height();
        for (int k = 0; k < colours.length; k++) {
            uv[2 * k] = (float) (((k % COLUMNS) + 0.5) / w);
            uv[2 * k + 1] = (float) (((k / COLUMNS) + 0.5) / h);
        }
        return uv;
    }

    /** The texture pixels 0xAARRGGBB (opaque), row by row; unused texels repeat the last colour. */
    int[] texture() {
        int w = width();
        int h = height();
        int[] argb = new int[w * h];
        Arrays.fill(argb, 0xFF000000 | colours[colours.length - 1]);
        for (int k = 0; k < colours.length; k++) {
            argb[(k / COLUMNS) * w + k % COLUMNS] = 0xFF000000 | colours[k];
        }
        return argb;
    }
}
