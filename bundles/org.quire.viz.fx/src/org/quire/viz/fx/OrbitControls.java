package org.quire.viz.fx;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.quire.viz.scene.Camera;

/**
 * Mouse and keyboard control of a {@link SceneViewer}'s camera: drag with the left button to orbit
 * ({@value #DEGREES_PER_PIXEL} degrees per pixel), wheel to zoom ({@value #ZOOM_PER_NOTCH} per notch),
 * arrow keys to turn by {@value #KEY_STEP} degrees, +/- to zoom, R or Home to reset the view. UI thread only.
 */
public final class OrbitControls implements Listener {

    /** Orbit angle per pixel of drag, degrees. */
    public static final double DEGREES_PER_PIXEL = 0.4;

    /** Zoom factor per wheel notch. */
    public static final double ZOOM_PER_NOTCH = 1.1;

    /** Orbit angle per arrow key press, degrees. */
    public static final double KEY_STEP = 5;

    private final SceneViewer viewer;
    private final Camera home;
    private boolean dragging;
    private int lastX;
    private int lastY;

    private OrbitControls(SceneViewer viewer, Camera home) {
        this.viewer = viewer;
        this.home = home;
    }

    /** Attaches orbit, zoom and key control to the viewer's control; {@code home} is the reset view. */
    public static OrbitControls attach(SceneViewer viewer, Camera home) {
        OrbitControls c = new OrbitControls(viewer, home);
        Control control = viewer.control();
        for (int type : new int[] { SWT.MouseDown, SWT.MouseUp, SWT.MouseMove, SWT.MouseVerticalWheel, SWT.KeyDown }) {
            control.addListener(type, c);
        }
        return c;
    }

    @Override
    public void handleEvent(Event e) {
        switch (e.type) {
            case SWT.MouseDown -> {
                viewer.control().setFocus();
                if (e.button == 1) {
                    dragging = true;
                    lastX = e.x;
                    lastY = e.y;
                }
            }
            case SWT.MouseUp -> {
                if (e.button == 1) {
                    dragging = false;
                }
            }
            case SWT.MouseMove -> {
                if (dragging && (e.stateMask & SWT.BUTTON1) != 0) {
                    int dx = e.x - lastX;
                    int dy = e.y - lastY;
                    lastX = e.x;
                    lastY = e.y;
                    viewer.setCamera(viewer.camera().orbit(-dx * DEGREES_PER_PIXEL, dy * DEGREES_PER_PIXEL));
                } else {
                    dragging = false;
                }
            }
            case SWT.MouseVerticalWheel -> {
                if (e.count != 0) {
                    viewer.setCamera(viewer.camera().zoomed(Math.pow(ZOOM_PER_NOTCH, Math.signum(e.count))));
                }
            }
            case SWT.KeyDown -> key(e);
            default -> {
            }
        }
    }

    private void key(Event e) {
        Camera c = viewer.camera();
        switch (e.keyCode) {
            case SWT.ARROW_LEFT -> viewer.setCamera(c.orbit(KEY_STEP, 0));
            case SWT.ARROW_RIGHT -> viewer.setCamera(c.orbit(-KEY_STEP, 0));
            case SWT.ARROW_UP -> viewer.setCamera(c.orbit(0, KEY_STEP));
            case SWT.ARROW_DOWN -> viewer.setCamera(c.orbit(0, -KEY_STEP));
            case SWT.HOME -> viewer.setCamera(home);
            default -> {
                if (e.character == 'r' || e.character == 'R') {
                    viewer.setCamera(home);
                } else if (e.character == '+' || e.character == '=') {
                    viewer.setCamera(c.zoomed(ZOOM_PER_NOTCH));
                } else if (e.character == '-') {
                    viewer.setCamera(c.zoomed(1 / ZOOM_PER_NOTCH));
                }
            }
        }
    }
}
