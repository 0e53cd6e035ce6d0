package org.quire.workbench.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.quire.workbench.model.JobFileExporter;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.model.RunRecord;

/**
 * File › Export as job file…: saves the latest run as a YAML job file for {@code quire run --job}.
 * Enabled once a run has been started.
 */
public final class ExportJobHandler {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @CanExecute
    boolean canExecute(RunHistory history) {
        return history.latest().isPresent();
    }

    @Execute
    void execute(RunHistory history, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        RunRecord run = history.latest().orElse(null);
        if (run == null) {
            return;
        }
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText("Export run #" + run.number() + " as job file");
        dialog.setFilterExtensions(new String[] {"*.yaml;*.yml", "*"});
        dialog.setFilterNames(new String[] {"YAML job files (*.yaml, *.yml)", "All files"});
        dialog.setFileName(jobName(run) + ".yaml");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".yaml") && !name.endsWith(".yml")) {
            file = file.resolveSibling(file.getFileName() + ".yaml");
        }
        try {
            JobFileExporter.write(run.request(), jobName(run), comments(run), file);
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(shell, "Export as job file", e.getMessage());
        }
    }

    /** The job name of an exported run, e.g. {@code test.walk-run3}. */
    public static String jobName(RunRecord run) {
        return run.request().algorithmId() + "-run" + run.number();
    }

    /** The comment lines heading an exported job file. */
    public static List<String> comments(RunRecord run) {
        return List.of("Quire job file exported from the workbench: run #" + run.number() + " of " + run.descriptor().name()
                        + " (" + run.request().algorithmId() + "), submitted "
                        + STAMP.format(run.submittedAt().atZone(ZoneId.systemDefault())) + ", " + run.stateText() + ".",
                "Rerun headless with: quire run --job <this file> --out <directory>");
    }
}
