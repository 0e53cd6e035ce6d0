package org.quire.workbench.parts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import org.quire.api.SimpleRunContext;
import org.quire.api.params.ParameterSchema;
import org.quire.registration.MpeAlgorithm;
import java.time.Duration;
import java.time.Instant;
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
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.core.registry.Origin;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunRequest;
import org.quire.core.run.RunStatus;
import org.quire.viz.fx.SceneViewer;
import org.quire.viz.fx.SceneViewers;
import org.quire.viz.scene.ColourMap;
import org.quire.workbench.QuireIds;
import org.quire.workbench.model.RunHistory;
import org.quire.workbench.model.RunRecord;
import org.quire.workbench.uitest.ScreenshotOnFailure;
import org.quire.workbench.uitest.WorkbenchHarness;

/**
 * The 3D tab of the Result part in the real workbench: a finished run whose result is a residual map (a
 * cloud with scalars) over a fitted surface (a mesh) opens on its 3D view, which paints both, coloured by
 * residual; unchecking the mesh takes it out of the view. Saves {@code workbench-3d.png}. Then a real
 * {@code registration.mpe} result (the tour's blade pair, examples/data): its before/after overlays, residual map and
 * registered scan are listed, and the view paints the after-overlay (grey reference, orange scan)
 * ({@code workbench-registration-after.png}), then the residual map alone with its colour bar
 * ({@code workbench-registration-residuals.png}). One class, because the
 * workbench (with JavaFX embedded) starts once per test JVM.
 */
@Tag("ui")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SceneTabTest {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration PAINT = Duration.ofSeconds(60);
    private static final Path DATA = Path.of(System.getProperty("quire.root", "../..")).resolve("examples/data");

    private WorkbenchHarness wb;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> wb);

    /** Supplies the descriptor of the run shown; never registered or run. */
    @AlgorithmInfo(id = "demo.residuals", name = "Residual map", description = "A scan against its fitted surface")
    static final class Residuals implements Algorithm<Residuals.Params> {
        record Params() {
        }

        @Override
        public Class<Params> parameterType() {
            return Params.class;
        }

        @Override
        public Result run(Params p, List<InputFile> inputs, RunContext context) {
            return Result.empty();
        }
    }

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

    /** A bumpy unit sphere sampled on a 60 x 30 grid with its radial residual in mm, and a 24 x 12 UV sphere. */
    static Result residualMap() {
        int nu = 60;
        int nv = 30;
        float[] xyz = new float[3 * nu * nv];
        float[] res = new float[nu * nv];
        for (int i = 0; i < nu; i++) {
            for (int j = 0; j < nv; j++) {
                double phi = 2 * Math.PI * i / nu;
                double theta = Math.PI * (j + 0.5) / nv;
                double bump = 0.06 * Math.sin(3 * phi) * Math.sin(2 * theta);
                double r = 1 + bump;
                int k = i * nv + j;
                xyz[3 * k] = (float) (r * Math.sin(theta) * Math.cos(phi));
                xyz[3 * k + 1] = (float) (r * Math.sin(theta) * Math.sin(phi));
                xyz[3 * k + 2] = (float) (r * Math.cos(theta));
                res[k] = (float) (bump * 1000);
            }
        }
        int mu = 24;
        int mv = 12;
        float[] v = new float[3 * mu * (mv + 1)];
        for (int i = 0; i < mu; i++) {
            for (int j = 0; j <= mv; j++) {
                double phi = 2 * Math.PI * i / mu;
                double theta = Math.PI * j / mv;
                int k = i * (mv + 1) + j;
                v[3 * k] = (float) (Math.sin(theta) * Math.cos(phi));
                v[3 * k + 1] = (float) (Math.sin(theta) * Math.sin(phi));
                v[3 * k + 2] = (float) Math.cos(theta);
            }
        }
        int[] t = new int[6 * mu * mv];
        int n = 0;
        for (int i = 0; i < mu; i++) {
            int i1 = (i + 1) % mu;
            for (int j = 0; j < mv; j++) {
                int a = i * (mv + 1) + j;
                int b = i1 * (mv + 1) + j;
                t[n++] = a;
                t[n++] = b;
                t[n++] = a + 1;
                t[n++] = b;
                t[n++] = b + 1;
                t[n++] = a + 1;
            }
        }
        return Result.builder().metric("rms residual (mm)", 30)
                .cloud(new PointCloud("residuals", xyz, null, null, res, "residual (mm)"))
                .mesh(new Mesh("surface", v, t)).build();
    }

    @Test
    void aResultOfACloudAndAMeshOpensOnItsThreeDView() throws Exception {
        RunHistory history = wb.sync(() -> wb.application().getContext().get(RunHistory.class));
        RunRequest request = new RunRequest("demo.residuals", Map.of(), List.of(), 1L, 1);
        RunOutcome outcome = new RunOutcome(request, new Residuals().descriptor(),
                new Origin("org.quire.workbench.tests", "0.1.0"), Map.of(), List.of(), RunStatus.OK,
                "", List.of(), residualMap(), Instant.now(), Instant.now(), 1_000_000L, null);
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
        wb.waitFor("the 3D tab to be filled", PAINT, () -> part.scenes() != null && part.scenes().panel() != null);
        SceneTab tab = part.scenes();
        wb.run(() -> {
            assertThat(part.tabs().getSelection()).isSameAs(tab.item());
            assertThat(tab.item().getText()).isEqualTo("3D (2)");
            assertThat(tab.list().getItemCount()).isEqualTo(2);
            assertThat(tab.list().getItem(0).getText()).isEqualTo("residuals (1800 points, residual (mm))");
            assertThat(tab.list().getItem(1).getText()).isEqualTo("surface (576 triangles)");
        });
        SceneViewer viewer = wb.sync(() -> tab.panel().viewer());
        System.out.println("3D view in the workbench: " + SceneViewers.lastChoice());
        int yellow = ColourMap.VIRIDIS.rgb(1);
        int purple = ColourMap.VIRIDIS.rgb(0);
        wb.waitFor("residual colours in the 3D view", PAINT,
                () -> count(viewer.lastFrame(), yellow, 30) > 100 && count(viewer.lastFrame(), purple, 30) > 100);
        // a larger window for the picture (the Xvfb screen of ./mvnw is 1600 x 1000); wait for the new frame
        int framesBefore = wb.sync(viewer::frames);
        wb.run(() -> wb.mainShell().setBounds(0, 0, 1500, 940));
        wb.waitFor("a frame of the new size", PAINT, () -> viewer.frames() > framesBefore
                && viewer.lastFrameSize().equals(viewer.control().getSize())
                && count(viewer.lastFrame(), yellow, 30) > 100);
        Path shot = wb.screenshot("workbench-3d.png");
        int[] withMesh = wb.sync(viewer::lastFrame);
        System.out.println("screenshot: " + shot);

        wb.run(() -> tab.setChecked(1, false));
        assertThat(wb.sync(() -> tab.checkedScene().items())).hasSize(1);
        wb.waitFor("a frame without the mesh", PAINT,
                () -> !java.util.Arrays.equals(viewer.lastFrame(), withMesh)
                        && count(viewer.lastFrame(), yellow, 30) > 100);
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

        System.out.println("screenshot: " + after);
        assertThat(Files.size(after)).isPositive();

        // the residual map alone, coloured through the colour map, with the legend's long label
        int[] afterFrame = wb.sync(viewer::lastFrame);
        show(tab, names, "residuals");
        int yellow = ColourMap.VIRIDIS.rgb(1);
        int purple = ColourMap.VIRIDIS.rgb(0);
        wb.waitFor("the residual map with its colour bar", PAINT,
                () -> !java.util.Arrays.equals(viewer.lastFrame(), afterFrame) && count(viewer.lastFrame(), yellow, 30) > 100
                        && count(viewer.lastFrame(), purple, 30) > 100 && count(viewer.lastFrame(), 0xFF8C00, 60) < 50);
        Path residuals = wb.screenshot("workbench-registration-residuals.png");
        System.out.println("screenshot: " + residuals);
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
