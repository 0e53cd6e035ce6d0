package org.quire.viz.fx;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.quire.viz.scene.Camera;
import org.quire.viz.scene.Scene;
import org.quire.viz.scene.SceneImages;
import org.quire.viz.scene.SceneStyle;

/**
 * The fallback 3D view: the software renderer ({@link SceneImages}) drawn into an SWT canvas, re-rendered
 * on every paint (after each orbit, zoom, resize or style change). Shows the same overlays as the report
 * pictures (legend, axes, colour bar). UI thread only.
 */
final class SoftwareSceneViewer implements SceneViewer {

    /** Text shown when there is nothing to draw. */
    static final String EMPTY = "Nothing to show: no points and no triangles selected";

    private final Canvas canvas;
    private Scene scene;
    private Camera camera = Camera.standard();
    private SceneStyle style = SceneStyle.standard();
    private int[] lastFrame;
    private int frameWidth;
    private int frameHeight;
    private int frames;

    SoftwareSceneViewer(Composite parent) {
        canvas = new Canvas(parent, SWT.NO_BACKGROUND | SWT.DOUBLE_BUFFERED);
        canvas.addListener(SWT.Paint, e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
    }

    @Override
    public Kind kind() {
        return Kind.SOFTWARE;
    }

    @Override
    public Control control() {
        return canvas;
    }

    @Override
    public void setScene(Scene scene) {
        this.scene = scene;
        canvas.redraw();
    }

    @Override
    public Scene scene() {
        return scene;
    }

    @Override
    public void setCamera(Camera camera) {
        this.camera = camera;
        canvas.redraw();
    }

    @Override
    public Camera camera() {
        return camera;
    }

    @Override
    public void setStyle(SceneStyle style) {
        this.style = style;
        canvas.redraw();
    }

    @Override
    public SceneStyle style() {
        return style;
    }

    @Override
    public int[] lastFrame() {
        return lastFrame == null ? null : lastFrame.clone();
    }

    @Override
    public Point lastFrameSize() {
        return new Point(frameWidth, frameHeight);
    }

    @Override
    public int frames() {
        return frames;
    }

    private void paint(GC gc) {
        Rectangle r = canvas.getClientArea();
        if (r.width <= 0 || r.height <= 0) {
            return;
        }
        if (scene == null || scene.isEmpty()) {
            gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            gc.fillRectangle(r);
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText(EMPTY, 12, 12, true);
            return;
        }
        int[] argb = SceneImages.render(scene, camera, style, r.width, r.height).argb();
        Frames.draw(gc, canvas.getDisplay(), argb, r.width, r.height);
        lastFrame = argb;
        frameWidth = r.width;
        frameHeight = r.height;
        frames++;
    }
}
