package org.quire.workbench.parts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.MContribution;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quire.core.job.JobFile;
import org.quire.core.job.JobRun;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.RegisteredAlgorithm;
import org.quire.core.run.CancelSignal;
import org.quire.core.run.RunEngine;
import org.quire.core.run.RunListener;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunStatus;
import org.quire.viz.swt.ChartView;
import org.quire.workbench.QuireIds;
import org.quire.workbench.form.ParameterForm;
import org.quire.workbench.handlers.ExportJobHandler;
import org.quire.workbench.model.JobFileExporter;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.model.RunRecord;
import org.quire.workbench.uitest.ScreenshotOnFailure;
import org.quire.workbench.uitest.WorkbenchHarness;

/**
 * The real workbench, started from the product's application model, driven through its widgets:
 * choosing algorithms, the generated forms and their validation, a run of {@code test.walk} whose
 * Result part is checked against the numbers it shows in its own table, cancelling, and exporting
 * a run as a job file that reruns to the same numbers. Saves {@code workbench-run.png} always and a
 * screenshot of every failure.
 */
@Tag("ui") // needs a display; skipped with the other UI tests when there is none
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchTest {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration RUN = Duration.ofSeconds(120);

    private WorkbenchHarness wb;
    private RunRecord walkRun;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> wb);

    @BeforeAll
    void start() throws Exception {
        wb = WorkbenchHarness.start(START);
    }

    @AfterAll
    void stop() throws Exception {
        if (wb != null) {
            wb.close();
        }
    }

    // ---------------------------------------------------------------- helpers (test thread)

    /** The object behind a part or tool control of the model. */
    private <T> T part(String id, Class<T> type) {
        return wb.sync(() -> type.cast(((MContribution) wb.find(id)).getObject()));
    }

    private AlgorithmRegistry registry() {
        return wb.sync(() -> wb.application().getContext().get(AlgorithmRegistry.class));
    }

    private RunHistory history() {
        return wb.sync(() -> wb.application().getContext().get(RunHistory.class));
    }

    /** Double-clicks the algorithm in the Algorithms tree, as a user would. */
    private void doubleClickAlgorithm(String id) {
        AlgorithmsPart algorithms = part(QuireIds.ALGORITHMS_PART, AlgorithmsPart.class);
        wb.waitFor(id + " in the Algorithms view", START, () -> registry() != null && registry().find(id).isPresent()
                && algorithms.viewer().getTree().getItemCount() > 0);
        wb.run(() -> {
            RegisteredAlgorithm a = registry().find(id).orElseThrow();
            algorithms.viewer().setSelection(new StructuredSelection(a), true);
            Tree tree = algorithms.viewer().getTree();
            assertThat(tree.getSelection()).as("tree selection of %s", id).hasSize(1);
            Event e = new Event();
            e.item = tree.getSelection()[0];
            tree.notifyListeners(SWT.DefaultSelection, e);
        });
        ParametersPart parameters = part(QuireIds.PARAMETERS_PART, ParametersPart.class);
        wb.waitFor("the form of " + id, START, () -> parameters.form().map(f -> f.descriptor().id().equals(id)).orElse(false));
    }

    private ParameterForm form() {
        return part(QuireIds.PARAMETERS_PART, ParametersPart.class).form().orElseThrow();
    }

    private void type(String parameter, String text) {
        wb.run(() -> ((Text) form().editor(parameter).orElseThrow()).setText(text));
    }

    private void choose(String parameter, String item) {
        wb.run(() -> {
            Combo combo = (Combo) form().editor(parameter).orElseThrow();
            int index = combo.indexOf(item);
            assertThat(index).as("%s offers %s", parameter, item).isNotNegative();
            combo.select(index);
            combo.notifyListeners(SWT.Selection, new Event());
        });
    }

    private void click(Button button) {
        wb.run(() -> {
            assertThat(button.isEnabled()).as("button '%s' is enabled", button.getText()).isTrue();
            button.notifyListeners(SWT.Selection, new Event());
        });
    }

    private boolean canExecute(String commandId) {
        return wb.sync(() -> {
            IEclipseContext window = ((MTrimmedWindow) wb.find(QuireIds.MAIN_WINDOW)).getContext();
            ParameterizedCommand command = window.get(ECommandService.class).createCommand(commandId, null);
            return window.get(EHandlerService.class).canExecute(command);
        });
    }

    private ResultPart awaitResult(RunRecord run) {
        wb.waitFor("run " + run.label() + " to finish", RUN, () -> !run.isRunning());
        wb.waitFor("the Result part of " + run.label(), RUN, () -> {
            for (MPart p : wb.modelService().findElements(wb.application(), QuireIds.RESULT_PART, MPart.class)) {
                if (Integer.toString(run.number()).equals(p.getPersistedState().get(QuireIds.RUN_NUMBER))
                        && p.getObject() instanceof ResultPart r && r.tabs() != null) {
                    return true;
                }
            }
            return false;
        });
        return wb.sync(() -> {
            for (MPart p : wb.modelService().findElements(wb.application(), QuireIds.RESULT_PART, MPart.class)) {
                if (Integer.toString(run.number()).equals(p.getPersistedState().get(QuireIds.RUN_NUMBER))) {
                    return (ResultPart) p.getObject();
                }
            }
            throw new AssertionError("no result part");
        });
    }

    private static List<String> labels(List<MMenuElement> items) {
        return items.stream().map(MMenuElement::getLabel).filter(l -> l != null).toList();
    }

    // ---------------------------------------------------------------- tests

    @Test
    @Order(1)
    void theProductStartsTheModelOfPluginXml() {
        IProduct product = Platform.getProduct();
        assertThat(product).as("-product is set by the test configuration").isNotNull();
        assertThat(product.getId()).isEqualTo(QuireIds.PRODUCT);
        assertThat(product.getApplication()).isEqualTo("org.eclipse.e4.ui.workbench.swt.E4Application");
        assertThat(product.getProperty("applicationXMI")).isEqualTo("org.quire.workbench/Application.e4xmi");
        assertThat(product.getProperty("appName")).isEqualTo("Quire");

        wb.run(() -> {
            assertThat(wb.application().getElementId()).isEqualTo(QuireIds.APPLICATION);
            MTrimmedWindow window = (MTrimmedWindow) wb.find(QuireIds.MAIN_WINDOW);
            assertThat(window.getLabel()).isEqualTo("Quire");
            assertThat(window.getWidth()).isEqualTo(1200);
            assertThat(window.getHeight()).isEqualTo(800);
            assertThat(wb.mainShell().getText()).isEqualTo("Quire");
            List<MMenuElement> menus = window.getMainMenu().getChildren();
            assertThat(labels(menus)).containsExactly("&File", "&Run", "&Help");
            assertThat(labels(((MMenu) menus.get(0)).getChildren()))
                    .containsExactly("&Open data\u2026", "&Export as job file\u2026", "&Quit");
            assertThat(labels(((MMenu) menus.get(1)).getChildren())).containsExactly("&Run", "&Cancel");
            assertThat(labels(((MMenu) menus.get(2)).getChildren())).containsExactly("&About Quire");
            for (String id : List.of(QuireIds.ALGORITHMS_PART, QuireIds.PARAMETERS_PART, QuireIds.RUNS_PART)) {
                MUIElement e = wb.find(id);
                assertThat(e).as(id).isInstanceOf(MPart.class);
                assertThat(((MPart) e).getObject()).as("object of %s", id).isNotNull();
                assertThat(((Control) e.getWidget()).isVisible()).as("%s visible", id).isTrue();
            }
            assertThat(wb.find(QuireIds.RESULTS_STACK)).isInstanceOf(MPartStack.class);
            MToolControl trim = (MToolControl) wb.find(QuireIds.PROGRESS_CONTROL);
            assertThat(trim.getObject()).isInstanceOf(ProgressTrimControl.class);
            assertThat(((ProgressTrimControl) trim.getObject()).text()).isEqualTo("Ready");
        });
        assertThat(canExecute("org.quire.workbench.command.quit")).isTrue();
        assertThat(canExecute("org.quire.workbench.command.exportJob")).as("no run yet").isFalse();
        assertThat(canExecute("org.quire.workbench.command.run")).as("no algorithm chosen").isFalse();
    }

    @Test
    @Order(2)
    void theAlgorithmsViewListsFamiliesFromTheRegistry() {
        AlgorithmsPart algorithms = part(QuireIds.ALGORITHMS_PART, AlgorithmsPart.class);
        wb.waitFor("test.walk and test.echo in the registry", START,
                () -> registry() != null && registry().find("test.walk").isPresent() && registry().find("test.echo").isPresent());
        wb.waitFor("the test family in the tree", START, () -> {
            for (TreeItem family : algorithms.viewer().getTree().getItems()) {
                if (family.getText().startsWith("test")) {
                    return family.getItemCount() >= 2;
                }
            }
            return false;
        });
        wb.run(() -> {
            TreeItem test = null;
            for (TreeItem family : algorithms.viewer().getTree().getItems()) {
                if (family.getText().startsWith("test")) {
                    test = family;
                }
            }
            List<String> names = new ArrayList<>();
            for (TreeItem item : test.getItems()) {
                names.add(item.getText());
            }
            assertThat(names).contains("Echo parameters  test.echo", "Random walk  test.walk");
            assertThat(test.getText()).isEqualTo("test  " + test.getItemCount());
            RegisteredAlgorithm walk = registry().find("test.walk").orElseThrow();
            String tip = ((org.eclipse.jface.viewers.CellLabelProvider) algorithms.viewer().getLabelProvider()).getToolTipText(walk);
            assertThat(tip).contains("Random walk (test.walk)").contains(walk.descriptor().description())
                    .contains("org.quire.testalgorithms");
        });
        Text filter = wb.sync(() -> (Text) algorithms.viewer().getTree().getParent().getChildren()[0]);
        wb.run(() -> filter.setText("echo"));
        wb.run(() -> {
            TreeItem[] families = algorithms.viewer().getTree().getItems();
            assertThat(families).hasSize(1);
            assertThat(families[0].getItems()).extracting(TreeItem::getText).containsExactly("Echo parameters  test.echo");
            filter.setText("");
            assertThat(algorithms.viewer().getTree().getItems()[0].getItemCount()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    @Order(3)
    void theEchoFormHasAnEditorPerParameterTypeAndValidatesInline() {
        doubleClickAlgorithm("test.echo");
        ParametersPart parameters = part(QuireIds.PARAMETERS_PART, ParametersPart.class);
        wb.run(() -> {
            ParameterForm f = form();
            assertThat(f.values().keySet()).containsExactly("count", "big", "ratio", "flag", "colour", "shape", "note");
            assertThat(f.editor("count").orElseThrow()).isInstanceOf(Text.class);
            assertThat(f.editor("big").orElseThrow()).isInstanceOf(Text.class);
            assertThat(f.editor("ratio").orElseThrow()).isInstanceOf(Text.class);
            Control flag = f.editor("flag").orElseThrow();
            assertThat(flag).isInstanceOf(Button.class);
            assertThat((flag.getStyle() & SWT.CHECK) != 0).as("flag is a check box").isTrue();
            assertThat(((Button) flag).getSelection()).isTrue();
            assertThat(((Combo) f.editor("colour").orElseThrow()).getItems()).containsExactly("red", "green", "blue");
            assertThat(((Combo) f.editor("shape").orElseThrow()).getItems()).containsExactly("CIRCLE", "SQUARE", "TRIANGLE");
            Map<String, String> defaults = new LinkedHashMap<>();
            defaults.put("count", "3");
            defaults.put("big", "1234567890123");
            defaults.put("ratio", "0.5");
            defaults.put("flag", "true");
            defaults.put("colour", "green");
            defaults.put("shape", "SQUARE");
            defaults.put("note", "");
            assertThat(f.values()).as("defaults in schema order").containsExactlyEntriesOf(defaults);
            assertThat(f.slots()).as("echo takes no inputs").isEmpty();
            assertThat(f.isValid()).isTrue();
            assertThat(parameters.runButton().isEnabled()).isTrue();
        });
        assertThat(canExecute("org.quire.workbench.command.run")).isTrue();
        assertThat(canExecute("org.quire.workbench.command.openData")).as("echo takes no inputs").isFalse();

        type("ratio", "0");
        wb.run(() -> {
            assertThat(form().errorOf("ratio")).isEqualTo("0.0 is out of range (0, 1]");
            assertThat(form().problems()).containsExactly("ratio: 0.0 is out of range (0, 1]");
            assertThat(parameters.runButton().isEnabled()).as("Run while invalid").isFalse();
        });
        assertThat(canExecute("org.quire.workbench.command.run")).isFalse();
        type("count", "abc");
        wb.run(() -> {
            assertThat(form().errorOf("count")).isEqualTo("'abc' is not an integer");
            assertThat(form().problems()).hasSize(2);
        });
        type("ratio", "1");
        type("count", "100");
        wb.run(() -> {
            assertThat(form().errorOf("ratio")).isEmpty();
            assertThat(form().errorOf("count")).isEmpty();
            assertThat(form().isValid()).isTrue();
            assertThat(parameters.runButton().isEnabled()).isTrue();
            parameters.seedField().setText("12x");
            assertThat(parameters.runButton().isEnabled()).as("Run with a bad seed").isFalse();
            parameters.seedField().setText("1");
            assertThat(parameters.runButton().isEnabled()).isTrue();
        });
    }

    @Test
    @Order(4)
    void aRandomWalkRunFromTheFormShowsMetricsTablesAndCharts() throws Exception {
        Path offsets = Files.createTempFile("offsets", ".csv");
        Files.writeString(offsets, "offset\n100\n-100\n", StandardCharsets.UTF_8);
        Path notes = Files.createTempFile("notes", ".txt");

        doubleClickAlgorithm("test.walk");
        ParametersPart parameters = part(QuireIds.PARAMETERS_PART, ParametersPart.class);
        type("steps", "200");
        type("paths", "4");
        choose("mode", "rademacher");
        wb.run(() -> {
            parameters.seedField().setText("7");
            // the same call a file drop on the form makes
            assertThat(parameters.addInputFiles(List.of(offsets))).isEmpty();
            assertThat(parameters.addInputFiles(List.of(notes))).singleElement().asString()
                    .contains(notes.getFileName().toString()).contains("fits no free input slot");
            assertThat(form().inputs()).containsExactly(offsets.toAbsolutePath());
            assertThat(form().isValid()).isTrue();
        });
        click(parameters.runButton());
        RunHistory history = history();
        walkRun = history.latest().orElseThrow();
        assertThat(walkRun.request().algorithmId()).isEqualTo("test.walk");
        assertThat(walkRun.request().parameters()).containsEntry("steps", "200").containsEntry("paths", "4")
                .containsEntry("mode", "rademacher");
        assertThat(walkRun.request().seed()).isEqualTo(7);
        assertThat(walkRun.request().inputs()).containsExactly(offsets.toAbsolutePath());

        ResultPart result = awaitResult(walkRun);
        assertThat(walkRun.status()).contains(RunStatus.OK);

        Map<String, Double> shownMetrics = new LinkedHashMap<>();
        List<double[]> rows = new ArrayList<>();
        wb.run(() -> {
            assertThat(result.tabs().getItems()).extracting(i -> i.getText())
                    .containsExactly("Summary", "Charts (3)", "Images (1)", "3D (2)", "Tables (1)", "Values (2)");
            assertThat(result.summary().status().getText()).startsWith("Finished in ");
            Table metrics = result.summary().metrics().viewer().getTable();
            for (int i = 0; i < metrics.getItemCount(); i++) {
                shownMetrics.put(metrics.getItem(i).getText(0), Double.parseDouble(metrics.getItem(i).getText(1)));
            }
            TableViewer paths = result.tables().viewers().get(0);
            Table t = paths.getTable();
            assertThat(t.getColumnCount()).as("row, step, path0..path3").isEqualTo(6);
            assertThat(t.getItemCount()).as("steps 0..200").isEqualTo(201);
            for (int r : new int[] {0, t.getItemCount() - 1}) {
                double[] row = new double[t.getColumnCount() - 1];
                for (int c = 1; c < t.getColumnCount(); c++) {
                    row[c - 1] = Double.parseDouble(t.getItem(r).getText(c));
                }
                rows.add(row);
            }
        });
        assertThat(shownMetrics.keySet()).containsExactly("finalMean", "finalSd", "maxAbs");
        double[] first = rows.get(0);
        double[] last = rows.get(1);
        assertThat(first).as("step 0: the offsets of the CSV, cycled over 4 paths").containsExactly(0, 100, -100, 100, -100);
        assertThat(last[0]).isEqualTo(200);
        double mean = 0;
        for (int p = 1; p <= 4; p++) {
            double x = last[p];
            // +-1 steps from an even offset: an even integer within 200 of the start
            assertThat(x).isEqualTo(Math.rint(x));
            assertThat(Math.floorMod((long) x, 2)).isZero();
            assertThat(Math.abs(x - first[p])).isLessThanOrEqualTo(200);
            mean += x / 4;
        }
        double ss = 0;
        double maxAbsFinal = 0;
        for (int p = 1; p <= 4; p++) {
            ss += (last[p] - mean) * (last[p] - mean);
            maxAbsFinal = Math.max(maxAbsFinal, Math.abs(last[p]));
        }
        double sd = Math.sqrt(ss / 3);
        // the Summary shows six significant digits
        assertThat(shownMetrics.get("finalMean")).isCloseTo(mean, within(1e-5 * Math.max(1, Math.abs(mean))));
        assertThat(shownMetrics.get("finalSd")).isCloseTo(sd, within(1e-5 * Math.max(1, sd)));
        assertThat(shownMetrics.get("maxAbs")).isBetween(maxAbsFinal, 300.0);

        // charts: three interactive views, drawn (many colours, not a blank area)
        wb.run(() -> result.tabs().setSelection(1));
        wb.flush();
        wb.waitFor("the first chart to be painted", RUN, () -> {
            ChartView view = result.charts().views().get(0);
            return view.isVisible() && view.getSize().x > 200 && view.getSize().y > 150 && colours(wb.capture(view)) > 20;
        });
        wb.run(() -> {
            assertThat(result.charts().views()).hasSize(3);
            assertThat(result.charts().views()).extracting(v -> v.chart().title())
                    .containsExactly("Random walks", "Mean and spread across paths", "Final positions");
        });
        wb.run(() -> {
            assertThat(result.values().text().getText()).contains("\"finalPositions\"").contains("\"settings\"");
            Table runs = part(QuireIds.RUNS_PART, RunsPart.class).viewer().getTable();
            assertThat(runs.getItem(0).getText(0)).isEqualTo(Integer.toString(walkRun.number()));
            assertThat(runs.getItem(0).getText(2)).isEqualTo("Random walk (test.walk)");
            assertThat(runs.getItem(0).getText(3)).isEqualTo("ok");
        });
        ProgressTrimControl trim = part(QuireIds.PROGRESS_CONTROL, ProgressTrimControl.class);
        wb.waitFor("the status line to report the run", RUN,
                () -> trim.text().startsWith("Last run #" + walkRun.number() + " Random walk (test.walk): ok in "));
        wb.run(() -> {
            assertThat(trim.cancelButton().isEnabled()).as("status line Cancel while idle").isFalse();
            assertThat(trim.bar().getSelection()).isZero();
        });

        Path dir = walkRun.directory().orElseThrow(() -> new AssertionError("no run directory: " + walkRun.directoryError()));
        assertThat(dir.getParent()).isEqualTo(Path.of(System.getProperty("quire.home"), "runs").toAbsolutePath());
        assertThat(dir.getFileName().toString()).matches("\\d{8}-\\d{6}-test\\.walk(-\\d+)?");
        for (String file : List.of("run.json", "results.json", "index.html", "paths.csv", "walks.png", "walks.svg",
                "spread.png", "final.png")) {
            assertThat(dir.resolve(file)).as(file).isNotEmptyFile();
        }
        assertThat(canExecute("org.quire.workbench.command.exportJob")).isTrue();
        assertThat(canExecute("org.quire.workbench.command.cancel")).as("nothing running").isFalse();

        wb.run(() -> wb.mainShell().setActive());
        assertThat(wb.screenshot("workbench-run.png")).isNotEmptyFile();
        wb.run(() -> result.tabs().setSelection(0));
        assertThat(wb.screenshot("workbench-summary.png")).isNotEmptyFile();
        wb.run(() -> result.tabs().setSelection(2));
        assertThat(wb.screenshot("workbench-tables.png")).isNotEmptyFile();
        wb.run(() -> result.tabs().setSelection(1));
    }

    /** Number of distinct pixel values, sampled every second pixel. */
    private static int colours(ImageData data) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < data.height; y += 2) {
            for (int x = 0; x < data.width; x += 2) {
                seen.add(data.getPixel(x, y));
            }
        }
        return seen.size();
    }

    @Test
    @Order(5)
    void cancellingASlowRunStopsItAndTheStatusLineFollowsProgress() {
        doubleClickAlgorithm("test.walk");
        ParametersPart parameters = part(QuireIds.PARAMETERS_PART, ParametersPart.class);
        type("steps", "20000");
        type("paths", "1");
        type("sleepMillisPerStep", "1");
        click(parameters.runButton());
        RunRecord slow = history().latest().orElseThrow();
        assertThat(slow).isNotSameAs(walkRun);
        ProgressTrimControl trim = part(QuireIds.PROGRESS_CONTROL, ProgressTrimControl.class);
        wb.waitFor("progress in the status line", RUN, () -> trim.bar().getSelection() > 0
                && trim.text().startsWith(slow.label() + ": walking"));
        assertThat(slow.isRunning()).as("20 000 steps of 1 ms are still going").isTrue();
        assertThat(canExecute("org.quire.workbench.command.cancel")).isTrue();
        wb.run(() -> assertThat(trim.cancelButton().isEnabled()).isTrue());

        // double-click the running run in the Runs view: its Result part opens and waits for the end
        RunsPart runs = part(QuireIds.RUNS_PART, RunsPart.class);
        wb.run(() -> {
            runs.viewer().setSelection(new StructuredSelection(slow), true);
            Table table = runs.viewer().getTable();
            assertThat(table.getSelection()).hasSize(1);
            assertThat(table.getSelection()[0].getText(3)).startsWith("running");
            Event e = new Event();
            e.item = table.getSelection()[0];
            table.notifyListeners(SWT.DefaultSelection, e);
        });
        wb.waitFor("the Result part of the running run", RUN, () -> {
            for (MPart p : wb.modelService().findElements(wb.application(), QuireIds.RESULT_PART, MPart.class)) {
                if (Integer.toString(slow.number()).equals(p.getPersistedState().get(QuireIds.RUN_NUMBER))
                        && p.getObject() instanceof ResultPart r) {
                    return r.tabs() == null && texts((org.eclipse.swt.widgets.Composite) p.getWidget()).stream()
                            .anyMatch(t -> t.contains("is still running"));
                }
            }
            return false;
        });

        click(parameters.cancelButton());

        ResultPart result = awaitResult(slow);
        assertThat(slow.status()).contains(RunStatus.CANCELLED);
        wb.run(() -> {
            assertThat(result.summary().status().getText()).startsWith("Cancelled in ");
            assertThat(result.tabs().getSelectionIndex()).as("a run without result opens on its Summary").isZero();
        });
        wb.waitFor("Cancel to be disabled", RUN, () -> !parameters.cancelButton().isEnabled());
        wb.waitFor("the status line to report the cancellation", RUN,
                () -> trim.text().startsWith("Last run " + slow.label() + ": cancelled in ") && trim.bar().getSelection() == 0);
    }

    @Test
    @Order(6)
    void theExportedJobFileRerunsTheSameRequestToTheSameNumbers() throws Exception {
        assertThat(walkRun).as("the run of test 4").isNotNull();
        Path file = Files.createTempDirectory("export").resolve("walk.yaml");

        JobFileExporter.write(walkRun.request(), ExportJobHandler.jobName(walkRun), ExportJobHandler.comments(walkRun), file);

        List<JobRun> runs = JobFile.read(file).expand();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).request()).isEqualTo(walkRun.request());
        RunEngine engine = new RunEngine(registry());
        RunOutcome again = engine.execute(engine.prepare(runs.get(0).request()), RunListener.NONE, new CancelSignal());
        assertThat(again.status()).isEqualTo(RunStatus.OK);
        assertThat(again.result().metrics())
                .containsExactlyEntriesOf(walkRun.outcome().orElseThrow().result().metrics());
    }

    @Test
    @Order(7)
    void warningsAndFailuresAreShownInTheSummary() {
        doubleClickAlgorithm("test.walk");
        ParametersPart parameters = part(QuireIds.PARAMETERS_PART, ParametersPart.class);
        type("steps", "10");
        type("sleepMillisPerStep", "0");
        wb.run(() -> {
            Button warn = (Button) form().editor("warn").orElseThrow();
            warn.setSelection(true);
            warn.notifyListeners(SWT.Selection, new Event());
        });
        click(parameters.runButton());
        RunRecord warned = history().latest().orElseThrow();
        ResultPart warnedResult = awaitResult(warned);
        assertThat(warned.status()).contains(RunStatus.WARNINGS);
        wb.run(() -> {
            assertThat(warnedResult.summary().status().getText()).startsWith("Finished with warnings in ");
            assertThat(texts(warnedResult.summary().status().getParent()))
                    .contains("Warning: warning requested by the test parameter");
        });

        wb.run(() -> {
            Button fail = (Button) form().editor("fail").orElseThrow();
            fail.setSelection(true);
            fail.notifyListeners(SWT.Selection, new Event());
        });
        click(parameters.runButton());
        RunRecord failed = history().latest().orElseThrow();
        ResultPart failedResult = awaitResult(failed);
        assertThat(failed.status()).contains(RunStatus.FAILED);
        wb.run(() -> {
            assertThat(failedResult.summary().status().getText()).startsWith("Failed in ");
            assertThat(String.join("\n", texts(failedResult.summary().status().getParent())))
                    .contains("failure requested by the test parameter");
            assertThat(failedResult.tabs().getSelectionIndex()).isZero();
            Table runs = part(QuireIds.RUNS_PART, RunsPart.class).viewer().getTable();
            assertThat(runs.getItem(0).getText(3)).isEqualTo("failed");
            assertThat(runs.getItem(1).getText(3)).isEqualTo("warnings");
        });
    }

    private static List<String> texts(org.eclipse.swt.widgets.Composite page) {
        List<String> texts = new ArrayList<>();
        for (Control c : page.getChildren()) {
            if (c instanceof org.eclipse.swt.widgets.Label l) {
                texts.add(l.getText());
            }
        }
        return texts;
    }

    @Test
    @Order(8)
    void errorsOfTheRunEngineAreShownAboveTheButtons() throws Exception {
        doubleClickAlgorithm("test.walk");
        ParametersPart parameters = part(QuireIds.PARAMETERS_PART, ParametersPart.class);
        Path vanishing = Files.createTempFile("vanishing", ".csv");
        Files.writeString(vanishing, "offset\n1\n", StandardCharsets.UTF_8);
        wb.run(() -> {
            form().slots().get(0).setFiles(List.of(vanishing));
            Button fail = (Button) form().editor("fail").orElseThrow();
            fail.setSelection(false);
            fail.notifyListeners(SWT.Selection, new Event());
            assertThat(form().isValid()).isTrue();
        });
        Files.delete(vanishing); // gone after the form checked it: only the engine's preparation can notice
        int before = history().runs().size();

        click(parameters.runButton());

        wb.run(() -> assertThat(parameters.setupErrorText()).contains(vanishing.getFileName().toString()));
        assertThat(history().runs()).as("nothing ran").hasSize(before);
        wb.run(() -> {
            form().slots().get(0).setFiles(List.of());
            assertThat(form().isValid()).as("the slot is optional").isTrue();
        });
        click(parameters.runButton());
        wb.run(() -> assertThat(parameters.setupErrorText()).as("cleared by the next start").isEmpty());
        awaitResult(history().latest().orElseThrow());
    }

    @Test
    @Order(9)
    void theViewsFollowPluginsComingAndGoing() throws Exception {
        org.osgi.framework.Bundle plugin = null;
        for (org.osgi.framework.Bundle b : org.osgi.framework.FrameworkUtil.getBundle(WorkbenchTest.class).getBundleContext()
                .getBundles()) {
            if (b.getSymbolicName().equals("org.quire.testalgorithms")) {
                plugin = b;
            }
        }
        assertThat(plugin).as("the test algorithms bundle").isNotNull();
        AlgorithmsPart algorithms = part(QuireIds.ALGORITHMS_PART, AlgorithmsPart.class);
        ParametersPart parameters = part(QuireIds.PARAMETERS_PART, ParametersPart.class);
        plugin.stop();
        try {
            wb.waitFor("the test family to leave the Algorithms view", RUN, () -> {
                for (TreeItem family : algorithms.viewer().getTree().getItems()) {
                    if (family.getText().startsWith("test")) {
                        return false;
                    }
                }
                return true;
            });
            wb.waitFor("the form to be dropped", RUN, () -> parameters.form().isEmpty() && !parameters.runButton().isEnabled());
        } finally {
            plugin.start(org.osgi.framework.Bundle.START_ACTIVATION_POLICY);
        }
        wb.waitFor("test.walk to come back to the form", RUN,
                () -> parameters.form().map(f -> f.descriptor().id().equals("test.walk")).orElse(false));
        wb.waitFor("the test family to come back", RUN, () -> algorithms.viewer().getTree().getItemCount() > 0
                && algorithms.viewer().getTree().getItems()[0].getItemCount() >= 2);
    }

    @Test
    @Order(10)
    void nothingWasLoggedAsAnError() {
        assertThat(wb.loggedErrors()).isEmpty();
    }
}
