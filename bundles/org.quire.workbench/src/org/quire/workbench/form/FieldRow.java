package org.quire.workbench.form;

import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * One row of a three-column form grid: label, editor, hint (unit, range or formats), and under the
 * editor an error line that is shown only while the value is invalid.
 */
public final class FieldRow {

    private final Label label;
    private final Control editor;
    private final Label hint;
    private final Label spacer;
    private final Label error;

    /** Smallest width of an editor, pixels. */
    static final int EDITOR_WIDTH = 120;

    /**
     * A row with label, editor and hint side by side.
     *
     * @param grid     a composite with a three-column {@code GridLayout}
     * @param text     label text
     * @param tooltip  tooltip for label and editor, may be empty
     * @param editor   creates the editor in the given parent
     * @param hintText short text after the editor, may be empty
     */
    public FieldRow(Composite grid, String text, String tooltip, Function<Composite, Control> editor, String hintText) {
        this(grid, text, tooltip, editor, hintText, false);
    }

    /**
     * A row; when {@code stacked}, label and hint share the first line and the editor takes the full
     * width of the next (for wide editors such as file paths).
     */
    public FieldRow(Composite grid, String text, String tooltip, Function<Composite, Control> editor, String hintText,
            boolean stacked) {
        label = new Label(grid, SWT.NONE);
        label.setText(text);
        label.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, stacked ? 2 : 1, 1));
        if (stacked) {
            hint = hint(grid, hintText);
            this.editor = editor.apply(grid);
            this.editor.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        } else {
            this.editor = editor.apply(grid);
            GridData editorData = new GridData(SWT.FILL, SWT.CENTER, true, false);
            editorData.widthHint = EDITOR_WIDTH;
            editorData.minimumWidth = EDITOR_WIDTH;
            this.editor.setLayoutData(editorData);
            hint = hint(grid, hintText);
        }
        if (tooltip != null && !tooltip.isEmpty()) {
            label.setToolTipText(tooltip);
            this.editor.setToolTipText(tooltip);
            hint.setToolTipText(tooltip);
        }
        spacer = new Label(grid, SWT.NONE);
        spacer.setLayoutData(new GridData());
        error = new Label(grid, SWT.WRAP);
        error.setForeground(FormStyle.ERROR);
        GridData errorData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        errorData.widthHint = 160;
        error.setLayoutData(errorData);
        showError(null);
    }

    private static Label hint(Composite grid, String hintText) {
        Label hint = new Label(grid, SWT.NONE);
        hint.setText(hintText == null ? "" : hintText);
        hint.setForeground(FormStyle.HINT);
        hint.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        return hint;
    }

    /** Shows {@code message} under the editor, or hides the error line when null or empty. */
    public void showError(String message) {
        boolean show = message != null && !message.isEmpty();
        if (show == error.getVisible() && (!show || message.equals(error.getText()))) {
            return;
        }
        error.setText(show ? message : "");
        error.setVisible(show);
        spacer.setVisible(show);
        ((GridData) error.getLayoutData()).exclude = !show;
        ((GridData) spacer.getLayoutData()).exclude = !show;
        error.requestLayout();
    }

    /** The error shown, or an empty string. */
    public String errorText() {
        return error.getVisible() ? error.getText() : "";
    }

    /** The editor control. */
    public Control editor() {
        return editor;
    }

    /** The label. */
    public Label label() {
        return label;
    }

    /** The hint label after the editor. */
    public Label hint() {
        return hint;
    }
}
