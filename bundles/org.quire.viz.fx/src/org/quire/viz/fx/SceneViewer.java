package org.quire.viz.fx;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.quire.viz.scene.Camera;
import org.quire.viz.scene.Scene;
import org.quire.viz.scene.SceneStyle;

/**
 * An interactive 3D view of a {@link Scene} in an SWT control: drag to orbit, wheel to zoom (see
 * {@link OrbitControls}). All methods must be called on the SWT UI thread.
 */
public interface SceneViewer {

    /** Which renderer draws the view. */
    enum Kind {
        /** JavaFX 3D (GPU or Mesa) embedded on the SWT thread. */
        JAVAFX,
        /** The software renderer of {@code org.quire.viz.scene}, re-rendered on every change. */
        SOFTWARE
    }

    /** Which renderer this is. */
    Kind kind();

    /** The SWT control showing the view; lay it out in its parent. */
    Control control();

    /** Shows a scene (null or an empty scene: a blank view with a note); keeps the camera. */
    void setScene(Scene scene);

    /** The scene shown, or null. */
    Scene scene();

    /** Sets the camera (angles and zoom; the projection of the JavaFX view is always perspective). */
    void setCamera(Camera camera);

    /** The current camera. */
    Camera camera();

    /** Sets point size and colour mode (and, for the software view, overlays). */
    void setStyle(SceneStyle style);

    /** The current style. */
    SceneStyle style();

    /** Pixels of the last frame painted into the control, 0xAARRGGBB row by row, or null before the first one. */
    int[] lastFrame();

    /** Width and height of {@link #lastFrame()}, or (0, 0). */
    Point lastFrameSize();

    /** Number of frames painted so far. */
    int frames();
}
