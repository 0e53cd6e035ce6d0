package org.quire.workbench.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.run.RunLauncher;

/** Run › Cancel: asks every running run to stop (enabled while runs are going). */
public final class CancelHandler {

    @CanExecute
    boolean canExecute(RunHistory history) {
        return !history.running().isEmpty();
    }

    @Execute
    void execute(RunLauncher launcher) {
        launcher.cancelAll();
    }
}
