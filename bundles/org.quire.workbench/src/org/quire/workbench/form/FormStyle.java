package org.quire.workbench.form;

import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/** Colours and fonts shared by Quire's forms and views. Colours need no disposal; fonts are tied to a control. */
public final class FormStyle {

    /** Text of validation errors. */
    public static final Color ERROR = new Color(176, 0, 32);
    /** Secondary text: hints, units, ids. */
    public static final Color HINT = new Color(96, 96, 96);
    /** Text of a successful status. */
    public static final Color OK = new Color(0, 110, 40);
    /** Text of a status with warnings. */
    public static final Color WARNING = new Color(160, 90, 0);

    private FormStyle() {
    }

    /** A bold variant of the control's font, disposed with the control. */
    public static Font bold(Control control) {
        return derived(control, FontDescriptor.createFrom(control.getFont()).setStyle(SWT.BOLD));
    }

    /** A bold font {@code delta} points larger than the control's, disposed with the control. */
    public static Font heading(Control control, int delta) {
        return derived(control, FontDescriptor.createFrom(control.getFont()).setStyle(SWT.BOLD).increaseHeight(delta));
    }

    /** The text font (monospaced) from JFace. */
    public static Font monospace() {
        return JFaceResources.getTextFont();
    }

    private static Font derived(Control control, FontDescriptor descriptor) {
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(control.getDisplay()), control);
        return resources.create(descriptor);
    }

    /** The colour for a run status word as written by {@code RunStatus.jsonName()}. */
    public static Color statusColor(Display display, String status) {
        return switch (status) {
            case "ok" -> OK;
            case "warnings", "cancelled", "cancelling" -> WARNING;
            case "running" -> display.getSystemColor(SWT.COLOR_LIST_FOREGROUND);
            default -> ERROR;
        };
    }
}
