package org.quire.workbench.form;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Text;
import org.quire.api.InputSpec;

/**
 * The file row of one input slot: a path field and a Browse… button whose dialog is filtered by
 * the slot's formats. A slot taking several files holds them separated by {@value #SEPARATOR}.
 * Files dropped on the field replace its content.
 */
public final class InputSlotRow {

    /** Separates files in a slot that takes more than one. */
    public static final String SEPARATOR = ";";

    private final InputSpec slot;
    private final FieldRow row;
    private Text path;
    private Button browse;

    InputSlotRow(Composite grid, InputSpec slot, Runnable onChange) {
        this.slot = slot;
        this.row = new FieldRow(grid, labelText(slot), tooltip(slot), parent -> editor(parent, onChange), hint(slot), true);
    }

    private Composite editor(Composite parent, Runnable onChange) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        box.setLayout(layout);
        path = new Text(box, SWT.BORDER | SWT.SINGLE);
        path.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        path.setMessage(slot.minCount() == 0 ? "optional" : "choose or drop a file");
        path.addListener(SWT.Modify, e -> onChange.run());
        browse = new Button(box, SWT.PUSH);
        browse.setText("Browse\u2026");
        browse.addListener(SWT.Selection, e -> browse());
        DropTarget drop = new DropTarget(path, DND.DROP_COPY | DND.DROP_LINK | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[] {FileTransfer.getInstance()});
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                if (event.detail == DND.DROP_DEFAULT) {
                    event.detail = DND.DROP_COPY;
                }
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] files && files.length > 0) {
                    setFiles(Arrays.stream(files).map(Path::of).limit(slot.maxCount()).toList());
                }
            }
        });
        return box;
    }

    private static String labelText(InputSpec slot) {
        return slot.name() + (slot.minCount() == 0 ? " (optional)" : "");
    }

    private static String tooltip(InputSpec slot) {
        String count = slot.maxCount() == 1 ? "one file" : slot.minCount() + " to "
                + (slot.maxCount() == Integer.MAX_VALUE ? "any number of" : String.valueOf(slot.maxCount()))
                + " files separated by " + SEPARATOR;
        return (slot.description().isEmpty() ? "" : slot.description() + "\n") + "Input slot '" + slot.name() + "': " + count;
    }

    private static String hint(InputSpec slot) {
        return slot.formats().isEmpty() ? "any file" : String.join(", ", slot.formats().stream().map(f -> "." + f).toList());
    }

    private void browse() {
        FileDialog dialog = new FileDialog(path.getShell(), SWT.OPEN | (slot.maxCount() > 1 ? SWT.MULTI : 0));
        dialog.setText("Input '" + slot.name() + "'");
        if (slot.formats().isEmpty()) {
            dialog.setFilterExtensions(new String[] {"*"});
            dialog.setFilterNames(new String[] {"All files"});
        } else {
            String patterns = String.join(";", slot.formats().stream()
                    .flatMap(f -> List.of("*." + f, "*." + f.toUpperCase(Locale.ROOT)).stream()).toList());
            dialog.setFilterExtensions(new String[] {patterns, "*"});
            dialog.setFilterNames(new String[] {hint(slot) + " files", "All files"});
        }
        List<Path> current = files();
        if (!current.isEmpty() && current.get(0).getParent() != null) {
            dialog.setFilterPath(current.get(0).getParent().toString());
        }
        if (dialog.open() == null) {
            return;
        }
        List<Path> chosen = new ArrayList<>();
        for (String name : dialog.getFileNames()) {
            chosen.add(Path.of(dialog.getFilterPath(), name));
        }
        setFiles(chosen);
    }

    /** The slot. */
    public InputSpec slot() {
        return slot;
    }

    /** The path field. */
    public Text pathField() {
        return path;
    }

    /** The Browse… button. */
    public Button browseButton() {
        return browse;
    }

    /** The row. */
    FieldRow row() {
        return row;
    }

    /** The files in the field, in order; blank entries are skipped. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String part : path.getText().split(SEPARATOR)) {
            String p = part.trim();
            if (!p.isEmpty()) {
                try {
                    files.add(Path.of(p).toAbsolutePath());
                } catch (InvalidPathException e) {
                    files.add(Path.of("invalid-path"));
                }
            }
        }
        return files;
    }

    /** Replaces the files in the field. */
    public void setFiles(List<Path> files) {
        path.setText(String.join(SEPARATOR + " ", files.stream().map(p -> p.toAbsolutePath().toString()).toList()));
    }

    /** Whether the slot can take one more file. */
    boolean hasRoom() {
        return files().size() < slot.maxCount();
    }

    /** Adds a file after those already in the field. */
    void append(Path file) {
        List<Path> files = new ArrayList<>(files());
        files.add(file);
        setFiles(files);
    }

    /** Checks the files, shows or clears the error line and returns the error, or null when valid. */
    String validate() {
        String problem = problem();
        row.showError(problem);
        return problem;
    }

    private String problem() {
        for (String part : path.getText().split(SEPARATOR)) {
            try {
                Path.of(part.trim());
            } catch (InvalidPathException e) {
                return "'" + part.trim() + "' is not a valid path: " + e.getReason();
            }
        }
        List<Path> files = files();
        if (files.size() < slot.minCount()) {
            return slot.minCount() == 1 ? "required: choose a " + hint(slot) + " file"
                    : "needs at least " + slot.minCount() + " files, has " + files.size();
        }
        if (files.size() > slot.maxCount()) {
            return "takes at most " + slot.maxCount() + (slot.maxCount() == 1 ? " file" : " files") + ", has " + files.size();
        }
        for (Path f : files) {
            String name = f.getFileName() == null ? f.toString() : f.getFileName().toString();
            if (!slot.accepts(name)) {
                return "'" + name + "' is not a " + hint(slot) + " file";
            }
            if (!Files.isRegularFile(f)) {
                return f + " does not exist or is not a file";
            }
            if (!Files.isReadable(f)) {
                return f + " cannot be read";
            }
        }
        return null;
    }
}
