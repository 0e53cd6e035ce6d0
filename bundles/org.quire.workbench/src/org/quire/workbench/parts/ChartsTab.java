package org.quire.workbench.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.quire.api.result.ChartSpec;
import org.quire.viz.swt.ChartView;

/**
 * The Charts tab of a Result part: one interactive {@link ChartView} per chart (zoom by dragging,
 * pan, context menu). A single chart fills the tab; several are stacked in a scrolled column.
 */
final class ChartsTab {

    /** Height of each chart when several are stacked, pixels. */
    static final int STACKED_HEIGHT = 380;

    private final List<ChartView> views = new ArrayList<>();

    ChartsTab(CTabFolder tabs, List<ChartSpec> charts) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(charts.isEmpty() ? "Charts" : "Charts (" + charts.size() + ")");
        if (charts.isEmpty()) {
            item.setControl(emptyNote(tabs, "This result has no charts."));
            return;
        }
        if (charts.size() == 1) {
            Composite page = new Composite(tabs, SWT.NONE);
            page.setLayout(new FillLayout());
            views.add(view(page, charts.get(0)));
            item.setControl(page);
            return;
        }
        ScrolledComposite scroller = new ScrolledComposite(tabs, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite column = new Composite(scroller, SWT.NONE);
        column.setLayout(new GridLayout(1, false));
        for (ChartSpec c : charts) {
            ChartView v = view(column, c);
            GridData d = new GridData(SWT.FILL, SWT.TOP, true, false);
            d.heightHint = STACKED_HEIGHT;
            v.setLayoutData(d);
            views.add(v);
        }
        scroller.setContent(column);
        scroller.setMinHeight(column.computeSize(SWT.DEFAULT, SWT.DEFAULT).y);
        scroller.getVerticalBar().setIncrement(40);
        item.setControl(scroller);
    }

    private static ChartView view(Composite parent, ChartSpec spec) {
        ChartView v = new ChartView(parent, SWT.NONE);
        v.setChart(spec);
        v.setToolTipText(spec.title());
        return v;
    }

    static Label emptyNote(Composite parent, String text) {
        Label l = new Label(parent, SWT.CENTER);
        l.setText(text);
        return l;
    }

    /** The chart views, in chart order. */
    List<ChartView> views() {
        return List.copyOf(views);
    }
}
