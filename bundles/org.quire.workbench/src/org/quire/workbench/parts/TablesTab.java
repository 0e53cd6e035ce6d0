package org.quire.workbench.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.quire.api.result.Table;

/**
 * The Tables tab of a Result part: a virtual {@link TableViewer} per result table (rows created as
 * they scroll into view), headers with units; several tables get a tab each.
 */
final class TablesTab {

    private final List<TableViewer> viewers = new ArrayList<>();

    TablesTab(CTabFolder tabs, List<Table> tables) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(tables.isEmpty() ? "Tables" : "Tables (" + tables.size() + ")");
        if (tables.isEmpty()) {
            item.setControl(ChartsTab.emptyNote(tabs, "This result has no tables."));
            return;
        }
        if (tables.size() == 1) {
            item.setControl(page(tabs, tables.get(0)));
            return;
        }
        CTabFolder inner = new CTabFolder(tabs, SWT.TOP | SWT.FLAT);
        for (Table t : tables) {
            CTabItem tableItem = new CTabItem(inner, SWT.NONE);
            tableItem.setText(t.name());
            tableItem.setControl(page(inner, t));
        }
        inner.setSelection(0);
        item.setControl(inner);
    }

    private Composite page(Composite parent, Table table) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 4;
        layout.marginHeight = 4;
        page.setLayout(layout);
        Label caption = new Label(page, SWT.NONE);
        caption.setText(table.name() + ": " + table.rowCount() + (table.rowCount() == 1 ? " row, " : " rows, ")
                + table.columns().size() + (table.columns().size() == 1 ? " column" : " columns") + " (" + table.name() + ".csv)");
        TableViewer viewer = new TableViewer(page, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setUseHashlookup(true);
        TableViewerColumn index = new TableViewerColumn(viewer, SWT.RIGHT);
        index.getColumn().setText("row");
        index.getColumn().setWidth(56);
        index.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return Integer.toString((Integer) element + 1);
            }
        });
        for (Table.Column column : table.columns()) {
            TableViewerColumn c = new TableViewerColumn(viewer, column.isNumeric() ? SWT.RIGHT : SWT.LEFT);
            c.getColumn().setText(column.unit().isEmpty() ? column.name() : column.name() + " [" + column.unit() + "]");
            c.getColumn().setWidth(Math.max(90, 9 * c.getColumn().getText().length() + 20));
            c.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return column.text((Integer) element);
                }
            });
        }
        viewer.setContentProvider(new RowProvider(viewer));
        viewer.setInput(table);
        viewer.setItemCount(table.rowCount());
        viewers.add(viewer);
        return page;
    }

    /** The viewers, in table order. */
    List<TableViewer> viewers() {
        return List.copyOf(viewers);
    }

    /** Elements are row indexes, created on demand. */
    private static final class RowProvider implements ILazyContentProvider {
        private final TableViewer viewer;

        RowProvider(TableViewer viewer) {
            this.viewer = viewer;
        }

        @Override
        public void updateElement(int index) {
            viewer.replace(index, index);
        }

        @Override
        public void inputChanged(Viewer v, Object oldInput, Object newInput) {
            // rows are read from the table when shown
        }
    }
}
