package org.quire.workbench.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Run › Run: starts a run with the Parameters part's form (enabled while the form is valid). */
public final class RunHandler {

    @CanExecute
    boolean canExecute(EPartService partService) {
        return Parts.parameters(partService).map(p -> p.canRun()).orElse(false);
    }

    @Execute
    void execute(EPartService partService) {
        Parts.parameters(partService).ifPresent(p -> p.run());
    }
}
