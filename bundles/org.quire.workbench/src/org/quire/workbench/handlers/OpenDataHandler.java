package org.quire.workbench.handlers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.quire.api.InputSpec;
import org.quire.workbench.form.ParameterForm;

/**
 * File › Open data…: chooses input files for the algorithm in the Parameters part; each file goes
 * to the next input slot that accepts it. Enabled when the chosen algorithm takes inputs.
 */
public final class OpenDataHandler {

    @CanExecute
    boolean canExecute(EPartService partService) {
        return Parts.parameters(partService).flatMap(p -> p.form()).map(f -> !f.slots().isEmpty()).orElse(false);
    }

    @Execute
    void execute(EPartService partService, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        var parameters = Parts.parameters(partService);
        var form = parameters.flatMap(p -> p.form());
        if (form.isEmpty()) {
            MessageDialog.openInformation(shell, "Open data", "Choose an algorithm first: double-click it in the Algorithms view.");
            return;
        }
        ParameterForm f = form.get();
        FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
        dialog.setText("Open data for " + f.descriptor().name());
        Set<String> formats = new LinkedHashSet<>();
        for (InputSpec s : f.descriptor().inputs()) {
            formats.addAll(s.formats());
        }
        if (formats.isEmpty()) {
            dialog.setFilterExtensions(new String[] {"*"});
            dialog.setFilterNames(new String[] {"All files"});
        } else {
            List<String> patterns = new ArrayList<>();
            formats.forEach(x -> {
                patterns.add("*." + x);
                patterns.add("*." + x.toUpperCase(Locale.ROOT));
            });
            dialog.setFilterExtensions(new String[] {String.join(";", patterns), "*"});
            dialog.setFilterNames(new String[] {"Inputs of " + f.descriptor().name() + " (" + String.join(", ", formats) + ")", "All files"});
        }
        if (dialog.open() == null) {
            return;
        }
        List<Path> files = new ArrayList<>();
        for (String name : dialog.getFileNames()) {
            files.add(Path.of(dialog.getFilterPath(), name));
        }
        List<String> rejected = parameters.get().addInputFiles(files);
        if (!rejected.isEmpty()) {
            MessageDialog.openWarning(shell, "Open data", String.join("\n", rejected));
        }
    }
}
