package org.quire.workbench.parts;

import java.util.List;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

/** A two-column table of name and value rows (metrics, provenance), with a header. */
final class KeyValueTable {

    /** One row. */
    record Row(String key, String value, String tooltip) {
        Row(String key, String value) {
            this(key, value, null);
        }
    }

    private final Composite control;
    private final TableViewer viewer;

    KeyValueTable(Composite parent, String keyTitle, String valueTitle, int keyWeight, int valueWeight, int valueAlign,
            List<Row> rows) {
        control = new Composite(parent, SWT.NONE);
        TableColumnLayout layout = new TableColumnLayout();
        control.setLayout(layout);
        viewer = new TableViewer(control, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        org.eclipse.jface.viewers.ColumnViewerToolTipSupport.enableFor(viewer);
        TableViewerColumn key = new TableViewerColumn(viewer, SWT.LEFT);
        key.getColumn().setText(keyTitle);
        key.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Row) element).key();
            }
        });
        TableViewerColumn value = new TableViewerColumn(viewer, valueAlign);
        value.getColumn().setText(valueTitle);
        value.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Row) element).value();
            }

            @Override
            public String getToolTipText(Object element) {
                Row r = (Row) element;
                return r.tooltip() != null ? r.tooltip() : r.value().length() > 40 ? r.value() : null;
            }
        });
        layout.setColumnData(key.getColumn(), new ColumnWeightData(keyWeight, 80, true));
        layout.setColumnData(value.getColumn(), new ColumnWeightData(valueWeight, 80, true));
        viewer.setInput(List.copyOf(rows));
    }

    /** The composite holding the table (give it layout data). */
    Composite control() {
        return control;
    }

    /** The viewer. */
    TableViewer viewer() {
        return viewer;
    }
}
