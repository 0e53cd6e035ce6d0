package org.quire.workbench.parts;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.quire.workbench.form.FormStyle;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.model.RunRecord;

/**
 * The Runs view: this session's runs, newest first, with start time, algorithm, status and elapsed
 * time. Each run's Result part opens when the run finishes; double-click opens it again.
 */
public final class RunsPart {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    @Inject
    private RunHistory history;

    private TableViewer viewer;
    private ResultOpener opener;
    private AutoCloseable subscription;
    private UiCoalescer refresher;
    private final Set<Integer> opened = new HashSet<>();

    @PostConstruct
    void create(Composite parent, IEclipseContext context) {
        opener = ContextInjectionFactory.make(ResultOpener.class, context);
        Composite box = new Composite(parent, SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        box.setLayout(columns);
        viewer = new TableViewer(box, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
        column(columns, "#", 4, SWT.RIGHT, r -> Integer.toString(r.number()));
        column(columns, "Started", 10, SWT.LEFT, r -> TIME.format(r.submittedAt().atZone(ZoneId.systemDefault())));
        column(columns, "Algorithm", 26, SWT.LEFT, r -> r.descriptor().name() + " (" + r.descriptor().id() + ")");
        column(columns, "Status", 14, SWT.LEFT, RunsPart::statusText);
        column(columns, "Elapsed [s]", 13, SWT.RIGHT,
                r -> String.format(Locale.ROOT, "%.2f", r.elapsed(Instant.now()).toNanos() / 1e9));
        viewer.addDoubleClickListener(e -> {
            Object o = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (o instanceof RunRecord r) {
                opener.open(r);
            }
        });
        refresher = new UiCoalescer(parent.getDisplay(), this::refresh);
        subscription = history.subscribe(r -> refresher.request());
        refresh();
    }

    private static String statusText(RunRecord r) {
        if (r.isRunning() && !r.isCancelRequested()) {
            return String.format(Locale.ROOT, "running %.0f %%", r.fraction() * 100);
        }
        return r.stateText();
    }

    private void column(TableColumnLayout layout, String title, int weight, int align, Function<RunRecord, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setAlignment(align);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((RunRecord) element);
            }

            @Override
            public Color getForeground(Object element) {
                return title.equals("Status") ? FormStyle.statusColor(viewer.getControl().getDisplay(),
                        ((RunRecord) element).stateText()) : null;
            }

            @Override
            public String getToolTipText(Object element) {
                RunRecord r = (RunRecord) element;
                String msg = r.outcome().map(o -> o.message()).orElse(r.message());
                return r.label() + ": " + r.stateText() + (msg.isEmpty() ? "" : "\n" + msg)
                        + r.directory().map(d -> "\n" + d).orElse("");
            }
        });
        layout.setColumnData(c.getColumn(), new ColumnWeightData(weight, 40, true));
    }

    private void refresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        java.util.List<RunRecord> runs = new java.util.ArrayList<>(history.runs());
        java.util.Collections.reverse(runs);
        viewer.setInput(runs);
        for (RunRecord r : runs) {
            if (!r.isRunning() && opened.add(r.number())) {
                opener.open(r);
            }
        }
    }

    /** The table viewer (for tests). */
    TableViewer viewer() {
        return viewer;
    }

    @Focus
    void focus() {
        viewer.getControl().setFocus();
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
