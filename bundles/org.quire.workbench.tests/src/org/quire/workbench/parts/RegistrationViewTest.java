package org.quire.workbench.parts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quire.api.InputFile;
import org.quire.api.SimpleRunContext;
import org.quire.api.params.ParameterSchema;
import org.quire.api.result.Result;
import org.quire.core.registry.Origin;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunRequest;
import org.quire.core.run.RunStatus;
import org.quire.registration.MpeAlgorithm;
import org.quire.viz.fx.SceneViewer;
import org.quire.workbench.QuireIds;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.model.RunRecord;
import org.quire.workbench.uitest.ScreenshotOnFailure;
import org.quire.workbench.uitest.WorkbenchHarness;

/**
 * A real {@code registration.mpe} result (the tour's blade pair, examples/data) in the workbench's 3D tab: the
 * before/after overlays, the residual map and the registered scan are listed; the view paints the after-overlay
 * (grey reference, orange scan) and then the residual map. Saves {@code workbench-registration-after.png} and
 * {@code workbench-registration-residuals.png}.
 */
@Tag("ui")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationViewTest {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration PAINT = Duration.ofSeconds(60);
    private static final Path DATA = Path.of(System.getProperty("quire.root", "../..")).resolve("examples/data");

    private WorkbenchHarness wb;

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

    @Test
    void aRegistrationResultShowsItsOverlaysAndResidualMapIn3D() throws Exception {
        Path ref = DATA.resolve("blade-reference.ply");
        Path scan = DATA.resolve("blade-scan.ply");
        assertThat(ref).exists();
        assertThat(scan).exists();
        MpeAlgorithm mpe = new MpeAlgorithm();
        MpeAlgorithm.Params params = (MpeAlgorithm.Params) ParameterSchema.of(MpeAlgorithm.Params.class).bind(Map.of());
        Result result = mpe.run(params, List.of(new InputFile("reference", ref), new InputFile("scans", scan)),
                new SimpleRunContext(1, 2));
        assertThat(result.clouds()).extracting(c -> c.name()).contains("before", "after", "residuals");

        RunHistory history = wb.sync(() -> wb.application().getContext().get(RunHistory.class));
        RunRequest request = new RunRequest("registration.mpe", Map.of(), List.of(ref, scan), 1L, 2);
        RunOutcome outcome = new RunOutcome(request, mpe.descriptor(), new Origin("org.quire.registration", "0.1.0"),
                Map.of(), List.of(), RunStatus.OK, "", List.of(), result, Instant.now(), Instant.now(), 1_000_000L, null);
        RunRecord run = history.submit(request, outcome.descriptor(), Instant.now());
        history.finish(run, outcome, (Path) null, "not written in this test");
        wb.run(() -> {
            IEclipseContext window = ((MTrimmedWindow) wb.find(QuireIds.MAIN_WINDOW)).getContext();
            ContextInjectionFactory.make(ResultOpener.class, window).open(run);
        });
        ResultPart part = wb.sync(() -> {
            for (MPart p : wb.modelService().findElements(wb.application(), QuireIds.RESULT_PART, MPart.class)) {
                if (Integer.toString(run.number()).equals(p.getPersistedState().get(QuireIds.RUN_NUMBER))
                        && p.getObject() instanceof ResultPart r) {
                    return r;
                }
            }
            throw new AssertionError("no Result part for " + run.label());
        });
        wb.run(() -> part.tabs().setSelection(part.scenes().item()));
        wb.run(() -> part.scenes().ensureView());
        wb.waitFor("the 3D tab to be filled", PAINT, () -> part.scenes().panel() != null);
        SceneTab tab = part.scenes();
        List<String> names = wb.sync(() -> {
            List<String> n = new ArrayList<>();
            for (int i = 0; i < tab.list().getItemCount(); i++) {
                n.add(tab.list().getItem(i).getText().split(" ")[0]);
            }
            return n;
        });
        assertThat(names).contains("before", "after", "residuals");
        wb.run(() -> wb.mainShell().setBounds(0, 0, 1500, 940));

        SceneViewer viewer = wb.sync(() -> tab.panel().viewer());
        show(tab, names, "after");
        wb.waitFor("the after-overlay (orange scan on the grey reference)", PAINT,
                () -> count(viewer.lastFrame(), 0xFF8C00, 60) > 200 && viewer.lastFrameSize().equals(viewer.control().getSize()));
        Path after = wb.screenshot("workbench-registration-after.png");

        int[] afterFrame = wb.sync(viewer::lastFrame);
        show(tab, names, "residuals");
        wb.waitFor("the residual map", PAINT, () -> !java.util.Arrays.equals(viewer.lastFrame(), afterFrame)
                && count(viewer.lastFrame(), 0xFF8C00, 60) < 50);
        Path residuals = wb.screenshot("workbench-registration-residuals.png");
        System.out.println("screenshots: " + after + ", " + residuals);
        assertThat(Files.size(after)).isPositive();
    }

    /** Checks only the item called {@code name}. */
    private void show(SceneTab tab, List<String> names, String name) {
        wb.run(() -> {
            for (int i = 0; i < names.size(); i++) {
                tab.setChecked(i, names.get(i).equals(name));
            }
        });
    }

    private static int count(int[] pixels, int rgb, int tolerance) {
        if (pixels == null) {
            return 0;
        }
        int n = 0;
        for (int p : pixels) {
            if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) <= tolerance
                    && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) <= tolerance
                    && Math.abs((p & 0xFF) - (rgb & 0xFF)) <= tolerance) {
                n++;
            }
        }
        return n;
    }
}
