package org.quire.workbench.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.quire.api.result.Result;
import org.quire.core.run.RunOutcome;
import org.quire.workbench.QuireIds;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.model.RunRecord;

/**
 * The Result part of one run (its number is in the part's persisted state under
 * {@link QuireIds#RUN_NUMBER}): tabs Summary, Charts, Images (when there are any), 3D (when there are
 * clouds or meshes), Tables and Values.
 * A run still going shows a note and fills in when it finishes.
 */
public final class ResultPart {

    @Inject
    private RunHistory history;
    @Inject
    private MPart part;

    private Composite parent;
    private RunRecord run;
    private CTabFolder tabs;
    private SummaryTab summary;
    private ChartsTab charts;
    private ImagesTab images;
    private SceneTab scenes;
    private TablesTab tables;
    private ValuesTab values;
    private AutoCloseable subscription;

    @PostConstruct
    void create(Composite composite) {
        parent = composite;
        parent.setLayout(new FillLayout());
        String number = part.getPersistedState().get(QuireIds.RUN_NUMBER);
        try {
            run = history.find(Integer.parseInt(String.valueOf(number))).orElse(null);
        } catch (NumberFormatException e) {
            run = null;
        }
        if (run == null) {
            note("Run #" + number + " is not part of this session.");
            return;
        }
        if (run.isRunning()) {
            note(run.label() + " is still running; its result appears here when it finishes.");
            UiCoalescer later = new UiCoalescer(parent.getDisplay(), this::fill);
            subscription = history.subscribe(r -> {
                if (r == run && !r.isRunning()) {
                    later.request();
                }
            });
            return;
        }
        fill();
    }

    private void note(String text) {
        Label l = new Label(parent, SWT.WRAP | SWT.CENTER);
        l.setText(text);
    }

    private void fill() {
        if (parent.isDisposed() || tabs != null || run.outcome().isEmpty()) {
            return;
        }
        for (Control c : parent.getChildren()) {
            c.dispose();
        }
        RunOutcome outcome = run.outcome().get();
        Result result = outcome.result() == null ? Result.empty() : outcome.result();
        part.setTooltip(run.label() + ": " + run.stateText());
        tabs = new CTabFolder(parent, SWT.BOTTOM | SWT.FLAT);
        summary = new SummaryTab(tabs, run, outcome);
        charts = new ChartsTab(tabs, result.charts());
        images = result.images().isEmpty() ? null : new ImagesTab(tabs, result.images());
        scenes = result.clouds().isEmpty() && result.meshes().isEmpty() ? null
                : new SceneTab(tabs, result.clouds(), result.meshes());
        tables = new TablesTab(tabs, result.tables());
        values = new ValuesTab(tabs, result.values());
        boolean pictures = !result.charts().isEmpty() || images != null;
        // the charts tab, or the images tab right after it when there are no charts
        tabs.setSelection(!outcome.status().hasResult() || !pictures ? 0 : !result.charts().isEmpty() ? 1 : 2);
        if (outcome.status().hasResult() && !pictures && scenes != null) {
            tabs.setSelection(scenes.item()); // a result of clouds and meshes opens on its 3D view
            scenes.ensureView();
        }
        parent.layout(true, true);
    }

    /** The run shown, or null when it is not in this session. */
    public RunRecord run() {
        return run;
    }

    /** The Images tab, or null when the result has no images (or the run has not finished). */
    ImagesTab images() {
        return images;
    }

    /** The 3D tab, or null when the result has no clouds and no meshes (or the run has not finished). */
    SceneTab scenes() {
        return scenes;
    }

    /** The tab folder (null until the run has finished). */
    CTabFolder tabs() {
        return tabs;
    }

    SummaryTab summary() {
        return summary;
    }

    ChartsTab charts() {
        return charts;
    }

    TablesTab tables() {
        return tables;
    }

    ValuesTab values() {
        return values;
    }

    @Focus
    void focus() {
        if (tabs != null) {
            tabs.setFocus();
        } else {
            parent.setFocus();
        }
    }

    @PreDestroy
    void dispose() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // removing a listener cannot fail in a way that matters here
            }
        }
    }
}
