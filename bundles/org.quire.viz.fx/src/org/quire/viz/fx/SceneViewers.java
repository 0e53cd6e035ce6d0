package org.quire.viz.fx;

import java.lang.System.Logger.Level;
import java.util.function.Function;

import org.eclipse.swt.widgets.Composite;

/**
 * Creates 3D views: JavaFX 3D where JavaFX starts with 3D support, else the software renderer. Setting the
 * system property {@value #SOFTWARE_PROPERTY} to {@code true} always chooses the software renderer. The
 * choice (and why JavaFX was not used) is logged at INFO through {@link System.Logger}
 * {@code org.quire.viz.fx}. UI thread only.
 */
public final class SceneViewers {

    /** System property that forces the software renderer. */
    public static final String SOFTWARE_PROPERTY = "quire.viz.software3d";

    private static final System.Logger LOG = System.getLogger("org.quire.viz.fx");

    private static String lastChoice = "";

    private SceneViewers() {
    }

    /**
     * A new 3D view in {@code parent} with orbit, zoom and key controls attached; JavaFX when possible.
     */
    public static SceneViewer create(Composite parent) {
        return create(parent, p -> {
            FxPlatform.start();
            return new FxSceneViewer(p);
        });
    }

    /** As {@link #create(Composite)}, with the JavaFX view made by {@code javaFx} (which may throw). */
    static SceneViewer create(Composite parent, Function<Composite, SceneViewer> javaFx) {
        SceneViewer viewer = null;
        if (Boolean.getBoolean(SOFTWARE_PROPERTY)) {
            lastChoice = "software renderer (system property " + SOFTWARE_PROPERTY + "=true)";
        } else {
            try {
                viewer = javaFx.apply(parent);
                lastChoice = "JavaFX " + System.getProperty("javafx.runtime.version", "") + " 3D";
            } catch (RuntimeException | LinkageError e) {
                lastChoice = "software renderer (JavaFX 3D unavailable: " + e.getMessage() + ")";
            }
        }
        if (viewer == null) {
            viewer = new SoftwareSceneViewer(parent);
        }
        LOG.log(Level.INFO, "3D view: {0}", lastChoice);
        OrbitControls.attach(viewer, viewer.camera());
        return viewer;
    }

    /** What the last {@link #create} chose, and why, in words ("" before the first call). */
    public static String lastChoice() {
        return lastChoice;
    }
}
