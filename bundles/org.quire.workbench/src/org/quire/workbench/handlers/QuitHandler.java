package org.quire.workbench.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.run.RunLauncher;

/** File › Quit: closes the workbench, after confirming when runs are still going (they are cancelled). */
public final class QuitHandler {

    @Execute
    void execute(IWorkbench workbench, RunHistory history, RunLauncher launcher,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        int running = history.running().size();
        if (running > 0 && !MessageDialog.openConfirm(shell, "Quit Quire",
                running + (running == 1 ? " run is" : " runs are") + " still going. Cancel and quit?")) {
            return;
        }
        launcher.cancelAll();
        workbench.close();
    }
}
