package org.quire.workbench.form;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.quire.api.params.ParameterException;
import org.quire.api.params.ParameterSpec;
import org.quire.api.params.ParameterType;

/**
 * The editor of one parameter: a check box for booleans, a read-only combo for choices and enums,
 * a text field otherwise; validated with {@link ParameterSpec#parse(String)} on every change.
 */
final class ParameterField {

    private final ParameterSpec spec;
    private final FieldRow row;

    ParameterField(Composite grid, ParameterSpec spec, Runnable onChange) {
        this.spec = spec;
        this.row = new FieldRow(grid, labelText(spec), tooltip(spec), parent -> editor(parent, spec, onChange), hint(spec));
    }

    private static Control editor(Composite parent, ParameterSpec spec, Runnable onChange) {
        if (spec.type() == ParameterType.BOOLEAN) {
            Button check = new Button(parent, SWT.CHECK);
            check.setSelection(Boolean.parseBoolean(spec.defaultText().trim()));
            check.addListener(SWT.Selection, e -> onChange.run());
            return check;
        }
        if (!spec.choices().isEmpty()) {
            Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
            combo.setItems(spec.choices().toArray(String[]::new));
            int index = spec.choices().indexOf(spec.defaultText());
            combo.select(Math.max(0, index));
            combo.setVisibleItemCount(Math.min(12, spec.choices().size()));
            combo.addListener(SWT.Selection, e -> onChange.run());
            return combo;
        }
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE);
        text.setText(spec.defaultText());
        text.setMessage("default " + spec.defaultText());
        text.addListener(SWT.Modify, e -> onChange.run());
        return text;
    }

    /** The label: the parameter's label with its unit in brackets. */
    static String labelText(ParameterSpec spec) {
        return spec.unit().isEmpty() ? spec.label() : spec.label() + " [" + spec.unit() + "]";
    }

    private static String tooltip(ParameterSpec spec) {
        StringBuilder s = new StringBuilder();
        if (!spec.description().isEmpty()) {
            s.append(spec.description()).append('\n');
        }
        s.append("Name: ").append(spec.name()).append(" (").append(spec.type().jsonName()).append("), default ")
                .append(spec.defaultText().isEmpty() ? "empty" : spec.defaultText());
        return s.toString();
    }

    /** The range of a numeric parameter in words, e.g. {@code > 0}, {@code [0, 1)}, or an empty string. */
    static String hint(ParameterSpec spec) {
        if (!spec.isNumeric() || !spec.isBounded()) {
            return "";
        }
        boolean lowOpen = spec.min() == Double.NEGATIVE_INFINITY;
        boolean highOpen = spec.max() == Double.POSITIVE_INFINITY;
        if (highOpen) {
            return (spec.minExclusive() ? "> " : "\u2265 ") + number(spec.min());
        }
        if (lowOpen) {
            return (spec.maxExclusive() ? "< " : "\u2264 ") + number(spec.max());
        }
        return (spec.minExclusive() ? "(" : "[") + number(spec.min()) + ", " + number(spec.max())
                + (spec.maxExclusive() ? ")" : "]");
    }

    /** A bound in few characters: plain below a million, else like {@code 1e7} or {@code 2.5e-9}. */
    static String number(double v) {
        double abs = Math.abs(v);
        if (v == 0 || (abs >= 1e-3 && abs < 1e6)) {
            return v == Math.rint(v) ? Long.toString((long) v) : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toString().toLowerCase(java.util.Locale.ROOT);
        return s.replace("e+", "e");
    }

    /** The parameter. */
    ParameterSpec spec() {
        return spec;
    }

    /** The row (label, editor, hint, error line). */
    FieldRow row() {
        return row;
    }

    /** The value as text, as {@code --param name=value} would give it. */
    String value() {
        Control c = row.editor();
        if (c instanceof Button b) {
            return Boolean.toString(b.getSelection());
        }
        if (c instanceof Combo combo) {
            return combo.getText();
        }
        return ((Text) c).getText();
    }

    /** Sets the value from text; a value a combo does not offer is ignored. */
    void setValue(String value) {
        Control c = row.editor();
        if (c instanceof Button b) {
            b.setSelection(Boolean.parseBoolean(value.trim()));
        } else if (c instanceof Combo combo) {
            int index = combo.indexOf(value);
            if (index >= 0) {
                combo.select(index);
            }
        } else {
            ((Text) c).setText(value);
        }
    }

    /** Checks the value, shows or clears the error line and returns the error, or null when valid. */
    String validate() {
        String problem = null;
        try {
            spec.parse(value());
        } catch (ParameterException e) {
            String m = e.getMessage();
            String prefix = spec.name() + ": ";
            problem = m.startsWith(prefix) ? m.substring(prefix.length()) : m;
        }
        row.showError(problem);
        return problem;
    }
}
