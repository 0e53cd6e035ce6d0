package org.quire.workbench.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StyledCellLabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerCell;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.quire.core.plugins.PluginFolder;
import org.quire.core.plugins.PluginStatus;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.RegisteredAlgorithm;
import org.quire.core.registry.RegistryProblem;
import org.quire.workbench.QuireIds;
import org.quire.workbench.form.FormStyle;

/**
 * The Algorithms view: a tree of families and their algorithms (name and id; the description as
 * tooltip) from the registry, refreshed when plugins come and go. Double-click (or Enter) chooses
 * an algorithm for the Parameters part.
 */
public final class AlgorithmsPart {

    /** A family node of the tree. */
    record Family(String name, List<RegisteredAlgorithm> algorithms) {
    }

    @Inject
    private MApplication application;
    @Inject
    private EPartService partService;
    /** The user's plugins as loaded at start by the add-on (absent outside the product). */
    @Inject
    @Optional
    private PluginFolder plugins;

    private AlgorithmRegistry registry;
    private AutoCloseable subscription;
    private TreeViewer viewer;
    private Text filter;
    private Label status;
    private UiCoalescer refresher;

    @PostConstruct
    void create(Composite parent) {
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 4;
        layout.marginHeight = 4;
        parent.setLayout(layout);
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        filter.setMessage("Filter by name, id or description");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL | SWT.FULL_SELECTION);
        viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setContentProvider(new ContentProvider());
        viewer.setLabelProvider(new LabelProvider());
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setFilters(new TextFilter());
        viewer.setAutoExpandLevel(TreeViewer.ALL_LEVELS);
        viewer.addDoubleClickListener(event -> {
            Object element = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (element instanceof RegisteredAlgorithm a) {
                choose(a.descriptor().id());
            } else if (element instanceof Family f) {
                viewer.setExpandedState(f, !viewer.getExpandedState(f));
            }
        });
        filter.addListener(SWT.Modify, e -> {
            viewer.refresh();
            viewer.expandAll();
        });

        status = new Label(parent, SWT.WRAP);
        status.setForeground(FormStyle.WARNING);
        status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        refresher = new UiCoalescer(parent.getDisplay(), this::refresh);
        refresh();
    }

    /** Receives the registry from the application context (null when the service is gone). */
    @Inject
    void setRegistry(@Optional AlgorithmRegistry newRegistry) {
        if (newRegistry == registry) {
            return;
        }
        closeSubscription();
        registry = newRegistry;
        if (registry != null) {
            subscription = registry.subscribe(() -> {
                UiCoalescer r = refresher;
                if (r != null) {
                    r.request();
                }
            });
        }
        if (viewer != null) {
            refresh();
        }
    }

    /** Chooses an algorithm for the Parameters part and activates it. */
    public void choose(String algorithmId) {
        application.getContext().set(QuireIds.SELECTED_ALGORITHM, algorithmId);
        MPart parameters = partService.findPart(QuireIds.PARAMETERS_PART);
        if (parameters != null) {
            partService.activate(parameters, true);
        }
    }

    /** Re-reads the registry into the tree. */
    void refresh() {
        if (viewer == null || viewer.getControl().isDisposed()) {
            return;
        }
        Map<String, List<RegisteredAlgorithm>> families = new TreeMap<>();
        List<RegistryProblem> problems = new ArrayList<>();
        if (registry != null) {
            for (RegisteredAlgorithm a : registry.algorithms()) {
                families.computeIfAbsent(a.descriptor().family(), f -> new ArrayList<>()).add(a);
            }
            problems.addAll(registry.problems());
        }
        if (plugins != null) {
            for (PluginStatus s : plugins.statuses()) {
                if (!s.healthy()) {
                    problems.add(new RegistryProblem(s.bundle().isEmpty() ? s.file() : s.bundle() + " (" + s.file() + ")",
                            "plugin " + s.state().words() + ": " + s.problem(), s.symbolicName(), ""));
                }
            }
        }
        List<Family> input = new ArrayList<>();
        families.forEach((name, list) -> {
            list.sort((a, b) -> a.descriptor().name().compareToIgnoreCase(b.descriptor().name()));
            input.add(new Family(name, List.copyOf(list)));
        });
        viewer.setInput(input);
        viewer.expandAll();
        if (registry == null) {
            status.setText("Waiting for the algorithm registry\u2026");
            status.setToolTipText(null);
        } else if (!problems.isEmpty()) {
            List<String> names = problems.stream().map(p -> p.bundle().isEmpty() ? p.source() : p.bundle()).distinct().toList();
            status.setText(problems.size() + (problems.size() == 1 ? " plugin problem" : " plugin problems") + ": "
                    + String.join(", ", names) + " (hover for details)");
            status.setToolTipText(String.join("\n", problems.stream().map(p -> p.source() + ": " + p.message()).toList()));
        } else if (input.isEmpty()) {
            status.setText("No algorithms installed.");
            status.setToolTipText(null);
        } else {
            status.setText("");
            status.setToolTipText(null);
        }
        ((GridData) status.getLayoutData()).exclude = status.getText().isEmpty();
        status.setVisible(!status.getText().isEmpty());
        status.requestLayout();
    }

    /** The status line under the tree: problems with plugins, or why the tree is empty (for tests). */
    Label status() {
        return status;
    }

    /** The tree viewer (for tests). */
    TreeViewer viewer() {
        return viewer;
    }

    @Focus
    void focus() {
        viewer.getControl().setFocus();
    }

    @PreDestroy
    void dispose() {
        refresher = null;
        closeSubscription();
    }

    private void closeSubscription() {
        AutoCloseable s = subscription;
        subscription = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                // closing a registry subscription only removes a listener
            }
        }
    }

    private static final class ContentProvider implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object element) {
            return element instanceof Family f ? f.algorithms().toArray() : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Family f && !f.algorithms().isEmpty();
        }
    }

    private static final class LabelProvider extends StyledCellLabelProvider {
        @Override
        public void update(ViewerCell cell) {
            Object element = cell.getElement();
            StyledString text = new StyledString();
            if (element instanceof Family f) {
                text.append(f.name());
                text.append("  " + f.algorithms().size(), StyledString.COUNTER_STYLER);
            } else if (element instanceof RegisteredAlgorithm a) {
                text.append(a.descriptor().name());
                text.append("  " + a.descriptor().id(), StyledString.QUALIFIER_STYLER);
            }
            cell.setText(text.getString());
            cell.setStyleRanges(text.getStyleRanges());
            super.update(cell);
        }

        @Override
        public String getToolTipText(Object element) {
            if (element instanceof RegisteredAlgorithm a) {
                String d = a.descriptor().description();
                return a.descriptor().name() + " (" + a.descriptor().id() + ")" + (d.isEmpty() ? "" : "\n" + d)
                        + "\nfrom " + a.origin().bundle() + " " + a.origin().version();
            }
            return element instanceof Family f ? "Family " + f.name() : null;
        }
    }

    private final class TextFilter extends ViewerFilter {
        @Override
        public boolean select(Viewer v, Object parentElement, Object element) {
            String q = filter == null ? "" : filter.getText().trim().toLowerCase(Locale.ROOT);
            if (q.isEmpty()) {
                return true;
            }
            if (element instanceof Family f) {
                return f.name().toLowerCase(Locale.ROOT).contains(q) || f.algorithms().stream().anyMatch(a -> matches(a, q));
            }
            if (element instanceof RegisteredAlgorithm a) {
                return matches(a, q) || (parentElement instanceof Family f && f.name().toLowerCase(Locale.ROOT).contains(q));
            }
            return true;
        }

        private boolean matches(RegisteredAlgorithm a, String q) {
            return a.descriptor().name().toLowerCase(Locale.ROOT).contains(q) || a.descriptor().id().contains(q)
                    || a.descriptor().description().toLowerCase(Locale.ROOT).contains(q);
        }
    }
}
