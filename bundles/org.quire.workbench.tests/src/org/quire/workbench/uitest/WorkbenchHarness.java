package org.quire.workbench.uitest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.quire.workbench.QuireIds;

/**
 * The real Quire workbench, started in this process the way {@code E4Application.start} does it:
 * {@code createE4Workbench} with the product's branding (so {@code Application.e4xmi} and the
 * product properties in {@code plugin.xml} are what is tested), then {@code createAndRunUI} on a UI
 * thread of its own. Test code runs on its own thread and reaches the UI with {@link #sync}, like
 * a user would, while the workbench's event loop keeps running.
 */
public final class WorkbenchHarness implements AutoCloseable {

    private final CompletableFuture<Void> running = new CompletableFuture<>();
    private final List<String> loggedErrors = new ArrayList<>();
    private final ILogListener logListener = (status, plugin) -> record(status);
    private Thread uiThread;
    private volatile Display display;
    private volatile E4Workbench workbench;

    private WorkbenchHarness() {
    }

    /**
     * Starts the workbench and waits until its main window is shown.
     *
     * @throws TimeoutException when the window does not appear within {@code timeout}
     */
    public static WorkbenchHarness start(Duration timeout) throws Exception {
        WorkbenchHarness h = new WorkbenchHarness();
        Platform.addLogListener(h.logListener);
        h.uiThread = new Thread(h::runUi, "quire-workbench-ui");
        h.uiThread.setDaemon(true);
        h.uiThread.start();
        try {
            h.running.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            h.waitFor("the main window to be visible", timeout, () -> h.mainShell() != null && h.mainShell().isVisible());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the workbench did not start: " + e.getCause(), e.getCause());
        } catch (TimeoutException | AssertionError e) {
            try {
                System.err.println("screenshot saved: " + h.screenshot("failed-startup.png"));
            } catch (Exception | Error ignored) {
                System.err.println("no screenshot of the failed start: " + ignored);
            }
            throw e;
        }
        return h;
    }

    private void runUi() {
        try {
            Display.setAppName("Quire");
            display = new Display();
            E4Application application = new E4Application();
            workbench = application.createE4Workbench(new HarnessApplicationContext(), display);
            display.asyncExec(() -> running.complete(null)); // runs once the event loop is up, after the windows are rendered
            workbench.createAndRunUI(workbench.getApplication());
        } catch (Throwable t) {
            running.completeExceptionally(t);
        } finally {
            running.completeExceptionally(new IllegalStateException("the workbench's event loop ended"));
            if (display != null && !display.isDisposed()) {
                display.dispose();
            }
        }
    }

    private void record(IStatus status) {
        if (status.getSeverity() == IStatus.ERROR) {
            StringBuilder s = new StringBuilder(status.getPlugin() + ": " + status.getMessage());
            if (status.getException() != null) {
                s.append(" (").append(status.getException()).append(')');
            }
            synchronized (loggedErrors) {
                loggedErrors.add(s.toString());
            }
        }
    }

    /** Errors written to the platform log since the start. */
    public List<String> loggedErrors() {
        synchronized (loggedErrors) {
            return List.copyOf(loggedErrors);
        }
    }

    /** The application model. */
    public MApplication application() {
        return workbench.getApplication();
    }

    /** The model service of the application. */
    public EModelService modelService() {
        return application().getContext().get(EModelService.class);
    }

    /** The model element with this id (call on the UI thread). */
    public MUIElement find(String elementId) {
        return modelService().find(elementId, application());
    }

    /** The main window's shell, or null before it is rendered (call on the UI thread). */
    public Shell mainShell() {
        MWindow window = (MWindow) find(QuireIds.MAIN_WINDOW);
        return window == null || !(window.getWidget() instanceof Shell s) || s.isDisposed() ? null : s;
    }

    /** The display. */
    public Display display() {
        return display;
    }

    /**
     * Runs {@code action} on the UI thread and returns its result; its exception is rethrown here
     * (wrapped in a RuntimeException when checked).
     */
    public <T> T sync(Callable<T> action) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(action.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new RuntimeException(t);
        }
        return result.get();
    }

    /** Runs {@code action} on the UI thread. */
    public void run(Runnable action) {
        sync(() -> {
            action.run();
            return null;
        });
    }

    /** Lets the UI thread handle every pending event (layout, paint, async runnables). */
    public void flush() {
        run(() -> {
            for (int i = 0; i < 1000 && display.readAndDispatch(); i++) {
                // dispatch
            }
        });
    }

    /**
     * Waits until {@code condition} (evaluated on the UI thread) is true.
     *
     * @throws AssertionError naming {@code what} when it is still false after {@code timeout}
     */
    public void waitFor(String what, Duration timeout, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Boolean.TRUE.equals(sync(condition))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Where screenshots go: the system property {@code quire.screenshots}, else {@code target/screenshots}. */
    public static Path screenshotDirectory() {
        return Path.of(System.getProperty("quire.screenshots", "target/screenshots"));
    }

    /** Saves the main window as it is on screen to {@code <screenshots>/<name>} (PNG) and returns the file. */
    public Path screenshot(String name) throws Exception {
        Path file = screenshotDirectory().resolve(name).toAbsolutePath();
        Files.createDirectories(file.getParent());
        flush();
        ImageData data = sync(() -> {
            Shell shell = mainShell();
            if (shell == null) {
                Shell[] shells = display.getShells();
                shell = shells.length == 0 ? null : shells[0];
            }
            if (shell == null) {
                throw new IllegalStateException("no shell to capture");
            }
            shell.update();
            return capture(shell);
        });
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        loader.save(file.toString(), SWT.IMAGE_PNG);
        return file;
    }

    /**
     * The pixels of a control as shown on screen, children included (call on the UI thread). A shell
     * is taken from its top-left corner (menu bar included) to the bottom-right of its client area.
     */
    public ImageData capture(Control control) {
        Rectangle area;
        if (control instanceof Shell shell) {
            Rectangle bounds = shell.getBounds();
            Rectangle client = display.map(shell, null, shell.getClientArea());
            area = new Rectangle(bounds.x, bounds.y, client.x + client.width - bounds.x, client.y + client.height - bounds.y);
        } else {
            area = display.map(control.getParent(), null, control.getBounds());
        }
        Image image = new Image(display, Math.max(1, area.width), Math.max(1, area.height));
        GC gc = new GC(display);
        try {
            gc.copyArea(image, area.x, area.y);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** Closes the workbench and waits for its UI thread to end. */
    @Override
    public void close() throws Exception {
        Platform.removeLogListener(logListener);
        Display d = display;
        if (d != null && !d.isDisposed() && workbench != null) {
            try {
                d.syncExec(() -> workbench.close());
            } catch (org.eclipse.swt.SWTException e) {
                // already gone
            }
        }
        uiThread.join(Duration.ofSeconds(60).toMillis());
    }
}
