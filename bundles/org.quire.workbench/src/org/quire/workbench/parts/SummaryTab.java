package org.quire.workbench.parts;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.quire.core.run.InputRecord;
import org.quire.core.run.RunOutcome;
import org.quire.workbench.form.FormStyle;
import org.quire.workbench.model.RunRecord;

/** The Summary tab of a Result part: status, message, warnings, metrics and provenance of a finished run. */
final class SummaryTab {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private final Label status;
    private final KeyValueTable metrics;
    private final KeyValueTable provenance;

    SummaryTab(CTabFolder tabs, RunRecord run, RunOutcome outcome) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText("Summary");
        Composite page = new Composite(tabs, SWT.NONE);
        item.setControl(page);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 8;
        layout.marginHeight = 8;
        page.setLayout(layout);

        status = new Label(page, SWT.NONE);
        status.setFont(FormStyle.heading(status, 2));
        status.setText(headline(run, outcome));
        status.setForeground(FormStyle.statusColor(page.getDisplay(), outcome.status().jsonName()));
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        Label what = new Label(page, SWT.WRAP);
        what.setText(run.label() + ", seed " + outcome.request().seed() + ", " + outcome.request().threads()
                + (outcome.request().threads() == 1 ? " thread" : " threads"));
        what.setLayoutData(wrapping());

        if (!outcome.message().isEmpty()) {
            Label message = new Label(page, SWT.WRAP);
            message.setText(outcome.message());
            message.setForeground(outcome.status().hasResult() ? FormStyle.HINT : FormStyle.ERROR);
            message.setLayoutData(wrapping());
        }
        for (String w : outcome.warnings()) {
            Label warning = new Label(page, SWT.WRAP);
            warning.setText("Warning: " + w);
            warning.setForeground(FormStyle.WARNING);
            warning.setLayoutData(wrapping());
        }
        if (!run.directoryError().isEmpty()) {
            Label dirError = new Label(page, SWT.WRAP);
            dirError.setText(run.directoryError());
            dirError.setForeground(FormStyle.ERROR);
            dirError.setLayoutData(wrapping());
        }
        run.directory().ifPresent(dir -> {
            Link link = new Link(page, SWT.NONE);
            link.setText("Run directory: <a>" + dir + "</a>");
            link.setToolTipText("Open the run directory (run.json, results.json, CSV, charts as PNG and SVG, index.html)");
            link.addListener(SWT.Selection, e -> Program.launch(dir.toString()));
            link.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        });

        SashForm sash = new SashForm(page, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        metrics = new KeyValueTable(sash, "Metric", "Value", 50, 50, SWT.RIGHT, metricRows(outcome));
        provenance = new KeyValueTable(sash, "Provenance", "Value", 42, 58, SWT.LEFT, provenanceRows(run, outcome));
        sash.setWeights(34, 66);
    }

    private static GridData wrapping() {
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false);
        d.widthHint = 300;
        return d;
    }

    private static String headline(RunRecord run, RunOutcome outcome) {
        String word = switch (outcome.status()) {
            case OK -> "Finished";
            case WARNINGS -> "Finished with warnings";
            case INVALID -> "Invalid request";
            case INPUT_ERROR -> "Input could not be read";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
        return word + " in " + Numbers.seconds(run.elapsed(Instant.now()).toNanos()) + " s";
    }

    private static List<KeyValueTable.Row> metricRows(RunOutcome outcome) {
        List<KeyValueTable.Row> rows = new ArrayList<>();
        if (outcome.result() != null) {
            for (Map.Entry<String, Double> m : outcome.result().metrics().entrySet()) {
                rows.add(new KeyValueTable.Row(m.getKey(), Numbers.format(m.getValue()), Double.toString(m.getValue())));
            }
        }
        return rows;
    }

    private static List<KeyValueTable.Row> provenanceRows(RunRecord run, RunOutcome outcome) {
        List<KeyValueTable.Row> rows = new ArrayList<>();
        rows.add(new KeyValueTable.Row("Algorithm", outcome.descriptor().name() + " (" + outcome.descriptor().id() + ")"));
        rows.add(new KeyValueTable.Row("Provided by", outcome.origin().bundle() + " " + outcome.origin().version()));
        rows.add(new KeyValueTable.Row("Status", outcome.status().jsonName() + " (exit code " + outcome.status().exitCode() + ")"));
        rows.add(new KeyValueTable.Row("Seed", Long.toString(outcome.request().seed())));
        rows.add(new KeyValueTable.Row("Threads", Integer.toString(outcome.request().threads())));
        outcome.parameters().forEach((k, v) -> rows.add(new KeyValueTable.Row("Parameter " + k, String.valueOf(v))));
        for (InputRecord in : outcome.inputs()) {
            rows.add(new KeyValueTable.Row("Input " + in.slot(), in.path() + " (" + in.bytes() + " bytes)",
                    in.path() + "\n" + in.bytes() + " bytes, SHA-256 " + in.sha256()));
        }
        rows.add(new KeyValueTable.Row("Started", time(outcome.startedAt())));
        rows.add(new KeyValueTable.Row("Finished", time(outcome.finishedAt())));
        rows.add(new KeyValueTable.Row("Algorithm time [s]", Numbers.seconds(outcome.algorithmNanos())));
        rows.add(new KeyValueTable.Row("Run directory", run.directory().map(Path::toString).orElse("(not written)")));
        return rows;
    }

    private static String time(Instant t) {
        return t == null ? "" : TIME.format(t.atZone(ZoneId.systemDefault()));
    }

    /** The status headline label. */
    Label status() {
        return status;
    }

    /** The metrics table. */
    KeyValueTable metrics() {
        return metrics;
    }

    /** The provenance table. */
    KeyValueTable provenance() {
        return provenance;
    }
}
