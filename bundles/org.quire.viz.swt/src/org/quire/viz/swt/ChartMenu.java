package org.quire.viz.swt;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.MenuAdapter;
import org.eclipse.swt.events.MenuEvent;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.quire.viz.ChartFormat;

/** The context menu of a {@link ChartView}: zoom, save as PNG or SVG, copy the data as CSV. */
final class ChartMenu {

    static final String ZOOM_IN = "Zoom in";
    static final String ZOOM_OUT = "Zoom out";
    static final String RESET_ZOOM = "Reset zoom";
    static final String SAVE_PNG = "Save as PNG\u2026";
    static final String SAVE_SVG = "Save as SVG\u2026";
    static final String COPY_CSV = "Copy data as CSV";

    /** Factor of the menu's zoom steps. */
    static final double ZOOM_STEP = 0.5;

    private ChartMenu() {
    }

    /** Creates the menu and makes it the context menu of {@code control}. */
    static Menu install(ChartView view, Control control) {
        Menu menu = new Menu(control);
        MenuItem zoomIn = item(menu, ZOOM_IN, () -> view.zoom(ZOOM_STEP));
        MenuItem zoomOut = item(menu, ZOOM_OUT, () -> view.zoom(1 / ZOOM_STEP));
        MenuItem reset = item(menu, RESET_ZOOM + "\tDouble-click", view::resetZoom);
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem png = item(menu, SAVE_PNG, () -> view.saveWithDialog(ChartFormat.PNG));
        MenuItem svg = item(menu, SAVE_SVG, () -> view.saveWithDialog(ChartFormat.SVG));
        MenuItem csv = item(menu, COPY_CSV, view::copyDataAsCsv);
        menu.addMenuListener(new MenuAdapter() {
            @Override
            public void menuShown(MenuEvent e) {
                boolean hasChart = view.chart() != null;
                for (MenuItem item : new MenuItem[] { zoomIn, zoomOut, reset, png, svg, csv }) {
                    item.setEnabled(hasChart);
                }
            }
        });
        control.setMenu(menu);
        return menu;
    }

    private static MenuItem item(Menu menu, String text, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        item.addListener(SWT.Selection, event -> action.run());
        return item;
    }
}
