package org.quire.workbench.parts;

import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The Values tab of a Result part: the result's named values as indented JSON. */
final class ValuesTab {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Text text;

    ValuesTab(CTabFolder tabs, Map<String, Object> values) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(values.isEmpty() ? "Values" : "Values (" + values.size() + ")");
        text = new Text(tabs, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(org.quire.workbench.form.FormStyle.monospace());
        text.setText(values.isEmpty() ? "This result has no values." : json(values));
        item.setControl(text);
    }

    /** The values as indented JSON (non-finite numbers as {@code NaN}, {@code Infinity}). */
    static String json(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            return "The values cannot be shown as JSON: " + e.getOriginalMessage();
        }
    }

    /** The text widget. */
    Text text() {
        return text;
    }
}
