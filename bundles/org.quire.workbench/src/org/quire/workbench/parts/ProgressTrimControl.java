package org.quire.workbench.parts;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.quire.workbench.form.FormStyle;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.model.RunRecord;
import org.quire.workbench.run.RunLauncher;

/**
 * The status line in the bottom trim: the newest running run's task, message and elapsed time, a
 * progress bar and a Cancel button; when nothing runs, the last run's status. e4 has no progress
 * service, so this follows the {@link RunHistory}, which each run job feeds from its progress
 * listener; updates are coalesced onto the UI thread.
 */
public final class ProgressTrimControl {

    /** Progress bar resolution. */
    static final int BAR_MAX = 1000;

    /** How often the elapsed time is refreshed while runs are going, milliseconds. */
    static final int TICK_MILLIS = 500;

    @Inject
    private RunHistory history;
    @Inject
    private RunLauncher launcher;

    private Label label;
    private ProgressBar bar;
    private Button cancel;
    private UiCoalescer refresher;
    private AutoCloseable subscription;
    private boolean ticking;

    @PostConstruct
    void create(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(3, false);
        layout.marginHeight = 2;
        layout.marginWidth = 6;
        box.setLayout(layout);
        label = new Label(box, SWT.NONE);
        GridData labelData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        labelData.widthHint = 560;
        label.setLayoutData(labelData);
        bar = new ProgressBar(box, SWT.SMOOTH | SWT.HORIZONTAL);
        bar.setMaximum(BAR_MAX);
        GridData barData = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        barData.widthHint = 200;
        bar.setLayoutData(barData);
        cancel = new Button(box, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Cancel the running runs");
        cancel.addListener(SWT.Selection, e -> launcher.cancelAll());
        refresher = new UiCoalescer(box.getDisplay(), this::refresh);
        subscription = history.subscribe(r -> refresher.request());
        refresh();
    }

    private void refresh() {
        if (label.isDisposed()) {
            return;
        }
        List<RunRecord> running = history.running();
        if (!running.isEmpty()) {
            RunRecord r = running.get(running.size() - 1);
            StringBuilder text = new StringBuilder(r.label());
            text.append(r.isCancelRequested() ? ": cancelling" : r.task().isEmpty() ? ": starting" : ": " + r.task());
            if (!r.message().isEmpty()) {
                text.append(" \u2014 ").append(r.message());
            }
            text.append(String.format(java.util.Locale.ROOT, " (%.1f s)", r.elapsed(Instant.now()).toNanos() / 1e9));
            if (running.size() > 1) {
                text.append(", and ").append(running.size() - 1).append(" more");
            }
            label.setText(text.toString());
            label.setForeground(label.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            bar.setSelection((int) Math.round(r.fraction() * BAR_MAX));
            bar.setEnabled(true);
            cancel.setEnabled(true);
            if (!ticking) {
                ticking = true;
                label.getDisplay().timerExec(TICK_MILLIS, () -> {
                    ticking = false;
                    refresh();
                });
            }
        } else {
            String text = history.latest().map(r -> "Last run " + r.label() + ": " + r.stateText() + " in "
                    + Numbers.seconds(r.elapsed(Instant.now()).toNanos()) + " s").orElse("Ready");
            label.setText(text);
            label.setForeground(history.latest().map(r -> FormStyle.statusColor(label.getDisplay(), r.stateText()))
                    .orElse(label.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND)));
            bar.setSelection(0);
            bar.setEnabled(false);
            cancel.setEnabled(false);
        }
        label.setToolTipText(history.latest().flatMap(r -> r.directory()).map(d -> label.getText() + "\nRun directory: " + d)
                .orElse(label.getText()));
    }

    /** The status text (for tests). */
    String text() {
        return label.getText();
    }

    /** The Cancel button (for tests). */
    Button cancelButton() {
        return cancel;
    }

    /** The progress bar (for tests). */
    ProgressBar bar() {
        return bar;
    }

    @PreDestroy
    void dispose() {
        try {
            subscription.close();
        } catch (Exception e) {
            // removing a listener cannot fail in a way that matters at shutdown
        }
    }
}
