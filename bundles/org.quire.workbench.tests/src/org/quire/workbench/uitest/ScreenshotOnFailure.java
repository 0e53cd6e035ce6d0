package org.quire.workbench.uitest;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

/** JUnit extension: saves a screenshot of the workbench as {@code failed-<test>.png} when a test or a setup method fails. */
public final class ScreenshotOnFailure implements TestWatcher, LifecycleMethodExecutionExceptionHandler {

    private final Supplier<WorkbenchHarness> workbench;

    /** @param workbench the running workbench (may supply null before it started) */
    public ScreenshotOnFailure(Supplier<WorkbenchHarness> workbench) {
        this.workbench = workbench;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        save("failed-" + context.getRequiredTestMethod().getName() + ".png");
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        save("failed-" + context.getRequiredTestClass().getSimpleName() + "-setup.png");
        throw throwable;
    }

    private void save(String name) {
        WorkbenchHarness h = workbench.get();
        if (h == null || h.display() == null || h.display().isDisposed()) {
            System.err.println("no workbench to take a screenshot of for " + name);
            return;
        }
        try {
            System.err.println("screenshot saved: " + h.screenshot(name));
        } catch (Exception | Error e) {
            System.err.println("could not save screenshot " + name + ": " + e);
        }
    }
}
