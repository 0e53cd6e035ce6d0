package org.quire.workbench.form;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.quire.api.AlgorithmDescriptor;
import org.quire.api.InputSpec;
import org.quire.api.params.ParameterSpec;

/**
 * A form generated from an algorithm's descriptor: a "Parameters" group with one validated row per
 * parameter (in schema order) and an "Inputs" group with one file row per input slot. Files dropped
 * anywhere on the form fill the next slot that accepts them. UI thread only.
 */
public final class ParameterForm {

    private static final String DROP_NOTE = "Drop files on this form to fill the next free slot, or use File \u203a Open data\u2026";

    private final AlgorithmDescriptor descriptor;
    private final Composite root;
    private final Map<String, ParameterField> fields = new LinkedHashMap<>();
    private final List<InputSlotRow> slots = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Label dropNote;
    private List<String> problems = List.of();

    /** Builds the form in {@code parent} (whose layout decides where the form's composite goes). */
    public ParameterForm(Composite parent, AlgorithmDescriptor descriptor) {
        this.descriptor = descriptor;
        root = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 8;
        root.setLayout(layout);

        Group params = group(root, "Parameters");
        if (descriptor.parameters().parameters().isEmpty()) {
            note(params, "This algorithm has no parameters.");
        }
        for (ParameterSpec spec : descriptor.parameters().parameters()) {
            fields.put(spec.name(), new ParameterField(params, spec, this::validate));
        }
        if (!descriptor.inputs().isEmpty()) {
            Group inputs = group(root, "Inputs");
            for (InputSpec slot : descriptor.inputs()) {
                slots.add(new InputSlotRow(inputs, slot, this::validate));
            }
            dropNote = note(inputs, DROP_NOTE);
        } else {
            dropNote = null;
        }
        installDropTargets(root);
        validate();
    }

    private static Group group(Composite parent, String title) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        GridLayout layout = new GridLayout(3, false);
        layout.horizontalSpacing = 8;
        layout.verticalSpacing = 4;
        g.setLayout(layout);
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return g;
    }

    private static Label note(Composite grid, String text) {
        Label l = new Label(grid, SWT.WRAP);
        l.setText(text);
        l.setForeground(FormStyle.HINT);
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        d.widthHint = 200;
        l.setLayoutData(d);
        return l;
    }

    private void installDropTargets(Control control) {
        if (control.getData(DND.DROP_TARGET_KEY) == null) {
            DropTarget drop = new DropTarget(control, DND.DROP_COPY | DND.DROP_LINK | DND.DROP_DEFAULT);
            drop.setTransfer(new Transfer[] {FileTransfer.getInstance()});
            drop.addDropListener(new DropTargetAdapter() {
                @Override
                public void dragEnter(DropTargetEvent event) {
                    event.detail = slots.isEmpty() ? DND.DROP_NONE : DND.DROP_COPY;
                }

                @Override
                public void drop(DropTargetEvent event) {
                    if (event.data instanceof String[] files) {
                        addFiles(java.util.Arrays.stream(files).map(Path::of).toList());
                    }
                }
            });
        }
        if (control instanceof Composite c) {
            for (Control child : c.getChildren()) {
                installDropTargets(child);
            }
        }
    }

    /** The form's top composite. */
    public Composite control() {
        return root;
    }

    /** The algorithm the form is for. */
    public AlgorithmDescriptor descriptor() {
        return descriptor;
    }

    /** Parameter values as text, in schema order. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, field) -> values.put(name, field.value()));
        return values;
    }

    /** Sets parameter values from text; unknown names are ignored. Validates afterwards. */
    public void setValues(Map<String, String> values) {
        values.forEach((name, value) -> {
            ParameterField f = fields.get(name);
            if (f != null) {
                f.setValue(value);
            }
        });
        validate();
    }

    /** The input files, slot by slot, in order. */
    public List<Path> inputs() {
        List<Path> all = new ArrayList<>();
        slots.forEach(s -> all.addAll(s.files()));
        return all;
    }

    /** The input rows, in slot order. */
    public List<InputSlotRow> slots() {
        return List.copyOf(slots);
    }

    /** The editor of a parameter (a {@code Text}, {@code Combo} or check {@code Button}), if the name is known. */
    public Optional<Control> editor(String parameter) {
        return Optional.ofNullable(fields.get(parameter)).map(f -> f.row().editor());
    }

    /** The error shown under a parameter, empty when valid or unknown. */
    public String errorOf(String parameter) {
        ParameterField f = fields.get(parameter);
        return f == null ? "" : f.row().errorText();
    }

    /**
     * Puts each file into the first slot that accepts its extension and has room, preferring empty
     * slots. Returns the files that fit nowhere, with the reason; the form shows them too.
     */
    public List<String> addFiles(List<Path> files) {
        List<String> rejected = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            Optional<InputSlotRow> target = slots.stream().filter(s -> s.files().isEmpty() && s.slot().accepts(name)).findFirst()
                    .or(() -> slots.stream().filter(s -> s.hasRoom() && s.slot().accepts(name)).findFirst());
            if (target.isPresent()) {
                target.get().append(file);
            } else {
                rejected.add(name + " fits no free input slot (" + slotSummary() + ")");
            }
        }
        if (dropNote != null) {
            dropNote.setText(rejected.isEmpty() ? DROP_NOTE : String.join("\n", rejected));
            dropNote.setForeground(rejected.isEmpty() ? FormStyle.HINT : FormStyle.ERROR);
            dropNote.requestLayout();
        }
        validate();
        return rejected;
    }

    private String slotSummary() {
        return String.join("; ", slots.stream().map(s -> s.slot().name() + ": "
                + (s.slot().formats().isEmpty() ? "any" : String.join(", ", s.slot().formats()))
                + (s.hasRoom() ? "" : ", full")).toList());
    }

    /** Whether every parameter and input is valid. */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The current problems as {@code name: message} lines, empty when valid. */
    public List<String> problems() {
        return problems;
    }

    /** Calls {@code listener} after every validation (each edit). */
    public void addValidityListener(Runnable listener) {
        listeners.add(listener);
    }

    /** Checks every field, updates the error lines and notifies the validity listeners. */
    public void validate() {
        List<String> found = new ArrayList<>();
        fields.forEach((name, f) -> {
            String p = f.validate();
            if (p != null) {
                found.add(name + ": " + p);
            }
        });
        for (InputSlotRow s : slots) {
            String p = s.validate();
            if (p != null) {
                found.add(s.slot().name() + ": " + p);
            }
        }
        problems = List.copyOf(found);
        listeners.forEach(Runnable::run);
    }
}
