package org.quire.workbench.parts;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.quire.api.AlgorithmDescriptor;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.RegisteredAlgorithm;
import org.quire.core.run.RunRequest;
import org.quire.core.run.RunSetupException;
import org.quire.workbench.QuireIds;
import org.quire.workbench.form.FieldRow;
import org.quire.workbench.form.FormStyle;
import org.quire.workbench.form.ParameterForm;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.model.RunRecord;
import org.quire.workbench.run.RunLauncher;

/**
 * The Parameters view: a form generated for the chosen algorithm, run settings (seed, threads),
 * and Run and Cancel buttons. Run is enabled only while the form is valid; errors from the run
 * engine's validation are shown above the buttons. Values entered for an algorithm are kept for the
 * session when switching between algorithms.
 */
public final class ParametersPart {

    /** Default seed of a new form. */
    static final long DEFAULT_SEED = 1;

    @Inject
    private RunLauncher launcher;
    @Inject
    private RunHistory history;

    private AlgorithmRegistry registry;
    private String algorithmId;
    private final Map<String, Map<String, String>> remembered = new HashMap<>();

    private Composite root;
    private Label title;
    private Label description;
    private ScrolledComposite scroller;
    private Composite content;
    private ParameterForm form;
    private Label placeholder;
    private FieldRow seedRow;
    private FieldRow threadsRow;
    private Label setupError;
    private Button runButton;
    private Button cancelButton;
    private AutoCloseable historySubscription;
    private AutoCloseable registrySubscription;
    private UiCoalescer cancelState;
    private UiCoalescer registryChanged;

    @PostConstruct
    void create(Composite parent) {
        root = parent;
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 8;
        layout.marginHeight = 6;
        parent.setLayout(layout);

        title = new Label(parent, SWT.NONE);
        title.setFont(FormStyle.heading(title, 2));
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        description = new Label(parent, SWT.WRAP);
        description.setForeground(FormStyle.HINT);
        GridData descriptionData = new GridData(SWT.FILL, SWT.TOP, true, false);
        descriptionData.widthHint = 200;
        description.setLayoutData(descriptionData);

        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        content = new Composite(scroller, SWT.NONE);
        GridLayout contentLayout = new GridLayout(1, false);
        contentLayout.marginWidth = 0;
        contentLayout.verticalSpacing = 8;
        content.setLayout(contentLayout);
        scroller.setContent(content);
        scroller.addListener(SWT.Resize, e -> updateScrollSize());

        placeholder = new Label(content, SWT.WRAP);
        placeholder.setText("Double-click an algorithm in the Algorithms view to set up a run.");
        placeholder.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        Group settings = new Group(content, SWT.NONE);
        settings.setText("Run settings");
        settings.setLayout(new GridLayout(3, false));
        settings.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        seedRow = new FieldRow(settings, "Seed", "Every random stream of the run derives from this number: same seed and inputs, same results",
                p -> {
                    Text t = new Text(p, SWT.BORDER | SWT.SINGLE);
                    t.setText(Long.toString(DEFAULT_SEED));
                    t.addListener(SWT.Modify, e -> {
                        seedRow.showError(seedText() == null ? "not a 64-bit integer: " + t.getText() : null);
                        updateButtons();
                    });
                    return t;
                }, "64-bit integer");
        int cores = RunRequest.defaultThreads();
        threadsRow = new FieldRow(settings, "Threads", "Thread budget of the run; results do not depend on it", p -> {
            Spinner s = new Spinner(p, SWT.BORDER);
            s.setValues(cores, 1, 1024, 0, 1, 4);
            return s;
        }, "of " + cores + (cores == 1 ? " core" : " cores"));

        setupError = new Label(parent, SWT.WRAP);
        setupError.setForeground(FormStyle.ERROR);
        GridData errorData = new GridData(SWT.FILL, SWT.TOP, true, false);
        errorData.widthHint = 200;
        setupError.setLayoutData(errorData);

        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayout buttonLayout = new GridLayout(2, true);
        buttonLayout.marginWidth = 0;
        buttons.setLayout(buttonLayout);
        buttons.setLayoutData(new GridData(SWT.RIGHT, SWT.BOTTOM, true, false));
        runButton = new Button(buttons, SWT.PUSH);
        runButton.setText("Run");
        runButton.setToolTipText("Run the algorithm with these settings (Ctrl+R)");
        runButton.setLayoutData(buttonData(runButton));
        runButton.addListener(SWT.Selection, e -> run());
        cancelButton = new Button(buttons, SWT.PUSH);
        cancelButton.setText("Cancel");
        cancelButton.setToolTipText("Cancel the running runs");
        cancelButton.setLayoutData(buttonData(cancelButton));
        cancelButton.addListener(SWT.Selection, e -> launcher.cancelAll());

        cancelState = new UiCoalescer(parent.getDisplay(), this::updateButtons);
        historySubscription = history.subscribe(r -> cancelState.request());
        registryChanged = new UiCoalescer(parent.getDisplay(), this::rebuild);
        subscribeToRegistry();
        showSetupError(null);
        rebuild();
    }

    /** Follows the registry so that the form goes when its plugin goes, and comes back with it. */
    private void subscribeToRegistry() {
        close(registrySubscription);
        registrySubscription = registry == null ? null : registry.subscribe(registryChanged::request);
    }

    private static void close(AutoCloseable subscription) {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                // removing a listener cannot fail in a way that matters here
            }
        }
    }

    private static GridData buttonData(Button b) {
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = Math.max(96, b.computeSize(SWT.DEFAULT, SWT.DEFAULT).x + 16);
        return d;
    }

    /** Receives the registry (null when the service is gone) and rebuilds the form. */
    @Inject
    void setRegistry(@Optional AlgorithmRegistry newRegistry) {
        registry = newRegistry;
        if (root != null) {
            subscribeToRegistry();
            rebuild();
        }
    }

    /** Receives the algorithm chosen in the Algorithms view. */
    @Inject
    void setAlgorithm(@Optional @Named(QuireIds.SELECTED_ALGORITHM) String id) {
        if (form != null && !form.control().isDisposed()) {
            remembered.put(form.descriptor().id(), form.values());
        }
        algorithmId = id;
        if (root != null) {
            rebuild();
        }
    }

    private void rebuild() {
        if (root.isDisposed()) {
            return;
        }
        RegisteredAlgorithm algorithm = registry == null || algorithmId == null ? null : registry.find(algorithmId).orElse(null);
        AlgorithmDescriptor d = algorithm == null ? null : algorithm.descriptor();
        if (form != null && d != null && form.descriptor().equals(d) && !form.control().isDisposed()) {
            updateButtons();
            return;
        }
        if (form != null) {
            if (!form.control().isDisposed()) {
                remembered.put(form.descriptor().id(), form.values());
                form.control().dispose();
            }
            form = null;
        }
        showSetupError(null);
        if (d == null) {
            title.setText("No algorithm chosen");
            description.setText(algorithmId == null ? "" : "Algorithm '" + algorithmId + "' is not installed.");
            placeholder.setVisible(true);
            ((GridData) placeholder.getLayoutData()).exclude = false;
        } else {
            title.setText(d.name());
            description.setText(d.id() + (d.description().isEmpty() ? "" : " \u2014 " + d.description()));
            placeholder.setVisible(false);
            ((GridData) placeholder.getLayoutData()).exclude = true;
            form = new ParameterForm(content, d);
            form.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            form.control().moveAbove(placeholder);
            Map<String, String> previous = remembered.get(d.id());
            if (previous != null) {
                form.setValues(previous);
            }
            form.addValidityListener(this::updateButtons);
            form.addValidityListener(this::updateScrollSize); // error lines come and go
        }
        root.layout(true, true);
        updateScrollSize();
        updateButtons();
    }

    private void updateScrollSize() {
        int width = scroller.getClientArea().width;
        Point size = content.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT);
        scroller.setMinSize(size);
        content.layout(true, true);
    }

    private void updateButtons() {
        if (root == null || root.isDisposed()) {
            return;
        }
        runButton.setEnabled(canRun());
        cancelButton.setEnabled(!history.running().isEmpty());
    }

    private Long seedText() {
        try {
            return Long.parseLong(((Text) seedRow.editor()).getText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void showSetupError(String message) {
        boolean show = message != null && !message.isEmpty();
        setupError.setText(show ? message : "");
        setupError.setVisible(show);
        ((GridData) setupError.getLayoutData()).exclude = !show;
        setupError.requestLayout();
    }

    /** Whether an algorithm is chosen and the form and run settings are valid. */
    public boolean canRun() {
        return form != null && !form.control().isDisposed() && form.isValid() && seedText() != null && registry != null;
    }

    /**
     * Starts a run with the form's values; validation errors from the run engine are shown in the part.
     *
     * @return the new run, or empty when the form is invalid or the engine rejected the request
     */
    public java.util.Optional<RunRecord> run() {
        if (!canRun()) {
            return java.util.Optional.empty();
        }
        RunRequest request = new RunRequest(form.descriptor().id(), form.values(), form.inputs(), seedText(),
                ((Spinner) threadsRow.editor()).getSelection());
        try {
            RunRecord record = launcher.launch(registry, request);
            showSetupError(null);
            remembered.put(form.descriptor().id(), form.values());
            updateButtons();
            return java.util.Optional.of(record);
        } catch (RunSetupException e) {
            showSetupError(e.getMessage());
        } catch (RuntimeException e) {
            showSetupError("Could not start the run: " + e);
        }
        root.layout(true, true);
        return java.util.Optional.empty();
    }

    /** Adds input files to the form (File › Open data…, drag and drop); returns the files that fit no slot, with reasons. */
    public List<String> addInputFiles(List<Path> files) {
        if (form == null) {
            return files.stream().map(f -> f.getFileName() + ": choose an algorithm first").toList();
        }
        return form.addFiles(files);
    }

    /** The current form, if an algorithm is chosen. */
    public java.util.Optional<ParameterForm> form() {
        return java.util.Optional.ofNullable(form);
    }

    /** The Run button (for tests). */
    Button runButton() {
        return runButton;
    }

    /** The Cancel button (for tests). */
    Button cancelButton() {
        return cancelButton;
    }

    /** The seed field (for tests). */
    Text seedField() {
        return (Text) seedRow.editor();
    }

    /** The text of the run-engine error shown above the buttons, empty when none. */
    String setupErrorText() {
        return setupError.getVisible() ? setupError.getText() : "";
    }

    @Focus
    void focus() {
        Control target = form != null ? form.control() : runButton;
        target.setFocus();
    }

    @PreDestroy
    void dispose() {
        close(historySubscription);
        close(registrySubscription);
    }
}
