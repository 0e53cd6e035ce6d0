package org.quire.workbench.handlers;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.workbench.model.RunDirectories;

/** Help › About Quire: version, installed algorithms and where runs are written. */
public final class AboutHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Optional AlgorithmRegistry registry,
            RunDirectories directories) {
        var bundle = FrameworkUtil.getBundle(AboutHandler.class);
        String version = bundle == null ? "unversioned" : bundle.getVersion().toString();
        String algorithms;
        if (registry == null) {
            algorithms = "The algorithm registry is not available.";
        } else {
            long families = registry.algorithms().stream().map(a -> a.descriptor().family()).distinct().count();
            algorithms = registry.algorithms().size() + " algorithms in " + families + (families == 1 ? " family" : " families")
                    + (registry.problems().isEmpty() ? "." : "; " + registry.problems().size() + " plugin problems.");
        }
        MessageDialog.openInformation(shell, "About Quire",
                "Quire " + version + "\nA workbench for algorithms from research papers.\n\n" + algorithms
                        + "\nRuns are written to " + directories.root() + "\n\nLicence: EPL-2.0");
    }
}
