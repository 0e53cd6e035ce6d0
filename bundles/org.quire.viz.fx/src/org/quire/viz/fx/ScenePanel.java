package org.quire.viz.fx;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.quire.viz.scene.ColourMode;
import org.quire.viz.scene.Scene;

/**
 * A 3D view with its controls: point size (pixels, 0 = automatic), colour mode (automatic, rgb, scalar,
 * one colour per item), a button that resets the view, and a note saying which renderer draws. UI thread only.
 */
public final class ScenePanel extends Composite {

    /** Colour modes in the order of the combo box. */
    static final ColourMode[] MODES = { ColourMode.AUTO, ColourMode.RGB, ColourMode.SCALAR, ColourMode.UNIFORM };

    private static final String[] MODE_LABELS = { "automatic", "rgb colours", "scalar (colour map)", "one colour per item" };

    private final SceneViewer viewer;
    private final Spinner pointSize;
    private final Combo colour;

    public ScenePanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        RowLayout barLayout = new RowLayout(SWT.HORIZONTAL);
        barLayout.wrap = true;
        barLayout.center = true;
        barLayout.marginLeft = 0;
        barLayout.marginTop = 0;
        barLayout.marginBottom = 0;
        bar.setLayout(barLayout);
        Label sizeLabel = new Label(bar, SWT.NONE);
        sizeLabel.setText("Points:");
        pointSize = new Spinner(bar, SWT.BORDER);
        pointSize.setToolTipText("Point size in pixels (0 = automatic, by point count)");
        pointSize.setValues(0, 0, 20, 0, 1, 2);
        new Label(bar, SWT.NONE).setText("Colour:");
        colour = new Combo(bar, SWT.READ_ONLY);
        colour.setItems(MODE_LABELS);
        colour.select(0);
        Button reset = new Button(bar, SWT.PUSH);
        reset.setText("Reset view");
        Label note = new Label(bar, SWT.NONE);

        viewer = SceneViewers.create(this);
        viewer.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        note.setText((viewer.kind() == SceneViewer.Kind.JAVAFX ? "JavaFX 3D" : "software renderer")
                + ": drag to orbit, wheel to zoom");
        note.setToolTipText(SceneViewers.lastChoice());
        org.quire.viz.scene.Camera home = viewer.camera();
        pointSize.addListener(SWT.Selection, e -> viewer.setStyle(viewer.style().withPointSize(pointSize.getSelection())));
        colour.addListener(SWT.Selection, e -> viewer.setStyle(viewer.style().withColourMode(MODES[colour.getSelectionIndex()])));
        reset.addListener(SWT.Selection, e -> viewer.setCamera(home));
    }

    /** The view. */
    public SceneViewer viewer() {
        return viewer;
    }

    /** Shows a scene. */
    public void setScene(Scene scene) {
        viewer.setScene(scene);
    }

    /** Sets the colour mode and updates the combo box. */
    public void setColourMode(ColourMode mode) {
        for (int i = 0; i < MODES.length; i++) {
            if (MODES[i] == mode) {
                colour.select(i);
            }
        }
        viewer.setStyle(viewer.style().withColourMode(mode));
    }
}
