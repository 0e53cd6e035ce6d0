package org.quire.workbench.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;
import org.quire.viz.fx.ScenePanel;
import org.quire.viz.scene.Scene;

/**
 * The 3D tab of a Result part: the result's clouds and meshes in a checkbox list, the checked ones overlaid
 * in one interactive 3D view ({@link ScenePanel}: JavaFX where it runs, else the software renderer). Clouds
 * with scalars (residuals, distances) are coloured by them with a colour bar. The view is created when the
 * tab is first shown, so that results looked at for their numbers do not start JavaFX. UI thread only.
 */
final class SceneTab {

    private final CTabItem item;
    private final Composite page;
    private final Table list;
    private final List<Object> items = new ArrayList<>();
    private ScenePanel panel;

    SceneTab(CTabFolder tabs, List<PointCloud> clouds, List<Mesh> meshes) {
        item = new CTabItem(tabs, SWT.NONE);
        item.setText("3D (" + (clouds.size() + meshes.size()) + ")");
        page = new Composite(tabs, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        Label title = new Label(page, SWT.NONE);
        title.setText("Shown (overlaid):");
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false, 2, 1));
        list = new Table(page, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL | SWT.FULL_SELECTION);
        GridData listData = new GridData(SWT.FILL, SWT.FILL, false, true);
        listData.widthHint = 220;
        list.setLayoutData(listData);
        for (PointCloud c : clouds) {
            add(c, c.name() + " (" + c.size() + (c.size() == 1 ? " point" : " points")
                    + (c.scalarLabel() != null ? ", " + c.scalarLabel() : c.rgb() != null ? ", rgb" : "") + ")");
        }
        for (Mesh m : meshes) {
            add(m, m.name() + " (" + m.triangleCount() + (m.triangleCount() == 1 ? " triangle" : " triangles") + ")");
        }
        list.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                show();
            }
        });
        item.setControl(page);
        tabs.addListener(SWT.Selection, e -> {
            if (tabs.getSelection() == item) {
                ensureView();
            }
        });
    }

    private void add(Object o, String text) {
        TableItem row = new TableItem(list, SWT.NONE);
        row.setText(text);
        row.setChecked(true);
        items.add(o);
    }

    /** The tab's item in the folder. */
    CTabItem item() {
        return item;
    }

    /** Creates the 3D view if it is not there yet, and shows the checked items. */
    void ensureView() {
        if (panel != null || page.isDisposed()) {
            return;
        }
        panel = new ScenePanel(page, SWT.NONE);
        GridData d = new GridData(SWT.FILL, SWT.FILL, true, true);
        // fixed preferred size: the panel fills the page, but its preferred size must not follow the size the 3D
        // canvas has now, or each layout of an enclosing composite grows it (seen: a 16388-pixel-high JavaFX scene)
        d.widthHint = 300;
        d.heightHint = 300;
        panel.setLayoutData(d);
        page.layout(true, true);
        show();
    }

    /** Checks or unchecks the item at {@code index} (list order: clouds, then meshes) and updates the view. */
    void setChecked(int index, boolean checked) {
        list.getItem(index).setChecked(checked);
        show();
    }

    /** The scene of the checked items. */
    Scene checkedScene() {
        Scene.Builder b = Scene.builder();
        for (int i = 0; i < items.size(); i++) {
            if (list.getItem(i).getChecked()) {
                Object o = items.get(i);
                if (o instanceof PointCloud c) {
                    b.add(c);
                } else {
                    b.add((Mesh) o);
                }
            }
        }
        return b.build();
    }

    /** The 3D panel, or null before the tab was first shown. */
    ScenePanel panel() {
        return panel;
    }

    /** The checkbox list. */
    Table list() {
        return list;
    }

    private void show() {
        if (panel != null) {
            panel.setScene(checkedScene());
        }
    }
}
