package org.quire.viz.fx;

import java.lang.System.Logger.Level;

import com.sun.javafx.application.PlatformImpl;

import javafx.application.ConditionalFeature;
import javafx.application.Platform;

/**
 * Starts JavaFX once per process on the SWT UI thread, in embedded mode: {@code javafx.embed.isEventThread}
 * makes glass use SWT's GTK loop instead of running its own, so the SWT thread is also the JavaFX
 * application thread. Sets {@code prism.forceGPU=true} unless the user set it (without it, Mesa's
 * software GL under Xvfb is refused and JavaFX drops to a pipeline without 3D). UI thread only.
 */
final class FxPlatform {

    private static final System.Logger LOG = System.getLogger(FxPlatform.class.getName());

    private static boolean started;
    private static RuntimeException failure;

    private FxPlatform() {
    }

    /**
     * Starts JavaFX if it is not running yet.
     *
     * @throws UnsupportedOperationException when JavaFX cannot start here or has no 3D support (the message
     *                                       says why); later calls throw the same
     */
    static synchronized void start() {
        if (started) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            if (System.getProperty("prism.forceGPU") == null) {
                System.setProperty("prism.forceGPU", "true");
            }
            System.setProperty("javafx.embed.isEventThread", "true");
            PlatformImpl.setImplicitExit(false);
            PlatformImpl.startup(() -> {
            });
            if (!Platform.isSupported(ConditionalFeature.SCENE3D)) {
                throw new UnsupportedOperationException("JavaFX started without 3D support (no usable OpenGL pipeline)");
            }
            started = true;
            LOG.log(Level.DEBUG, "JavaFX {0} started on the SWT thread", System.getProperty("javafx.runtime.version"));
        } catch (UnsupportedOperationException e) {
            failure = e;
            throw e;
        } catch (Throwable t) { // NoClassDefFoundError, UnsatisfiedLinkError, IllegalStateException, ...
            failure = new UnsupportedOperationException("JavaFX cannot start here: " + t, t);
            throw failure;
        }
    }
}
