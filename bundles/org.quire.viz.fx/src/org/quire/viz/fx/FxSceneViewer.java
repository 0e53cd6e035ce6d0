package org.quire.viz.fx;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;
import org.quire.viz.scene.Camera;
import org.quire.viz.scene.ColourBar;
import org.quire.viz.scene.ColourMap;
import org.quire.viz.scene.ScalarRange;
import org.quire.viz.scene.Scene;
import org.quire.viz.scene.SceneStyle;
import org.quire.viz.scene.ViewTransform;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.paint.Stop;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.transform.Affine;

/**
 * The JavaFX 3D view: one {@link TriangleMesh} per cloud (a small tetrahedron per point, coloured through a
 * {@link ColourAtlas} texture and lit by a white ambient light only, so points show their exact colours),
 * a {@link MeshView} per side of each mesh (Phong-lit by a light near the eye), a perspective camera,
 * and a colour bar on the right when a cloud is coloured by scalars. The scene is normalised to a sphere of
 * radius {@value #RADIUS} around its bounding box centre. UI thread only.
 */
final class FxSceneViewer implements SceneViewer {

    /** Radius of the normalised scene, JavaFX units. */
    static final double RADIUS = 100;

    /** Vertical field of view, degrees. */
    static final double FIELD_OF_VIEW = 30;

    /** Eye distance: the sphere fills 90 % of the view height at zoom 1. */
    static final double EYE = RADIUS / Math.sin(Math.toRadians(FIELD_OF_VIEW / 2)) / 0.9;

    /**
     * Most points shown in all (each costs a tetrahedron: 4 vertices, 4 faces); above that every k-th point
     * of each cloud is shown, k the same for all clouds, and the log says so. The software renderer and the
     * report pictures always draw every point.
     */
    static final int MAX_POINTS = 400_000;

    private static final double LEGEND_WIDTH = 120;
    private static final System.Logger LOG = System.getLogger("org.quire.viz.fx");

    private final EmbeddedFxCanvas canvas;
    private final Affine view = new Affine();
    private final Group clouds = new Group();
    private final Group meshes = new Group();
    private final SubScene sub;
    private final VBox legend = new VBox(4);
    private Scene scene;
    private Camera camera = Camera.standard().with(Camera.Projection.PERSPECTIVE);
    private SceneStyle style = SceneStyle.standard();
    private double[] bounds;
    /** Canvas height the point sizes were computed for. */
    private int builtForHeight = -1;

    FxSceneViewer(Composite parent) {
        canvas = new EmbeddedFxCanvas(parent, 0);
        try {
            Group world = new Group(clouds, meshes);
            world.getTransforms().add(view);
            AmbientLight pointLight = new AmbientLight(Color.WHITE);
            pointLight.getScope().add(clouds);
            AmbientLight meshAmbient = new AmbientLight(Color.gray(0.3));
            meshAmbient.getScope().add(meshes);
            PointLight lamp = new PointLight(Color.gray(0.8));
            lamp.setTranslateX(0.6 * EYE);
            lamp.setTranslateY(-0.8 * EYE);
            lamp.setTranslateZ(-1.5 * EYE);
            lamp.getScope().add(meshes);
            Group root3d = new Group(world, pointLight, meshAmbient, lamp);
            sub = new SubScene(root3d, 400, 300, true, SceneAntialiasing.DISABLED);
            sub.setFill(Color.WHITE);
            PerspectiveCamera eye = new PerspectiveCamera(true);
            eye.setFieldOfView(FIELD_OF_VIEW);
            eye.setNearClip(1);
            eye.setFarClip(20 * EYE);
            eye.setTranslateZ(-EYE);
            sub.setCamera(eye);
            Pane holder = new Pane(sub);
            sub.widthProperty().bind(holder.widthProperty());
            sub.heightProperty().bind(holder.heightProperty());
            holder.setMinSize(0, 0);
            legend.setPadding(new Insets(24, 8, 24, 8));
            legend.setPrefWidth(LEGEND_WIDTH);
            legend.setMinWidth(LEGEND_WIDTH);
            legend.setMinHeight(0); // a tall label in a short view is clipped; it never makes the scene taller
            legend.setVisible(false);
            legend.setManaged(false);
            BorderPane root = new BorderPane(holder);
            root.setRight(legend);
            root.setStyle("-fx-background-color: white;");
            canvas.setScene(new javafx.scene.Scene(root, Color.WHITE));
            applyCamera();
            // point sizes are in pixels: rebuild when the height changes much
            canvas.addListener(org.eclipse.swt.SWT.Resize, e -> {
                int h = canvas.getClientArea().height;
                if (bounds != null && Math.abs(h - builtForHeight) > 0.15 * Math.max(1, builtForHeight)) {
                    rebuild();
                }
            });
        } catch (RuntimeException | Error e) {
            canvas.dispose();
            throw e;
        }
    }

    /** Height of the 3D sub-scene, JavaFX pixels (tests: it must follow the canvas, not grow). */
    double subSceneHeight() {
        return sub.getHeight();
    }

    @Override
    public Kind kind() {
        return Kind.JAVAFX;
    }

    @Override
    public Control control() {
        return canvas;
    }

    @Override
    public void setScene(Scene scene) {
        this.scene = scene;
        bounds = scene == null || scene.isEmpty() ? null : scene.bounds();
        rebuild();
    }

    @Override
    public Scene scene() {
        return scene;
    }

    @Override
    public void setCamera(Camera camera) {
        this.camera = camera;
        applyCamera();
    }

    @Override
    public Camera camera() {
        return camera;
    }

    @Override
    public void setStyle(SceneStyle style) {
        this.style = style;
        rebuild();
    }

    @Override
    public SceneStyle style() {
        return style;
    }

    @Override
    public int[] lastFrame() {
        return canvas.lastFrame();
    }

    @Override
    public Point lastFrameSize() {
        return canvas.lastFrameSize();
    }

    @Override
    public int frames() {
        return canvas.frames();
    }

    /** World rows: right, -up, -back (JavaFX: y down, the eye looks along +z), times the zoom. */
    private void applyCamera() {
        ViewTransform t = new ViewTransform(new double[] { -1, -1, -1, 1, 1, 1 }, camera, 0, 0, 1, 1);
        double[] r = t.right();
        double[] u = t.up();
        double[] b = t.back();
        double z = camera.zoom();
        view.setToTransform(z * r[0], z * r[1], z * r[2], 0, -z * u[0], -z * u[1], -z * u[2], 0, -z * b[0], -z * b[1],
                -z * b[2], 0);
    }

    private void rebuild() {
        clouds.getChildren().clear();
        meshes.getChildren().clear();
        legend.getChildren().clear();
        legend.setVisible(false);
        legend.setManaged(false);
        if (bounds == null) {
            return;
        }
        double cx = (bounds[0] + bounds[3]) / 2;
        double cy = (bounds[1] + bounds[4]) / 2;
        double cz = (bounds[2] + bounds[5]) / 2;
        double dx = bounds[3] - bounds[0];
        double dy = bounds[4] - bounds[1];
        double dz = bounds[5] - bounds[2];
        double radius = Math.sqrt(dx * dx + dy * dy + dz * dz) / 2;
        double k = RADIUS / (radius > 0 ? radius : 1);
        long points = scene.clouds().stream().mapToLong(PointCloud::size).sum();
        // pixels per unit in the centre plane at zoom 1, for the view height of the canvas
        builtForHeight = canvas.getClientArea().height;
        double viewHeight = Math.max(100, builtForHeight);
        double pixelsPerUnit = viewHeight / 2 / (EYE * Math.tan(Math.toRadians(FIELD_OF_VIEW / 2)));
        double pointRadius = style.pointSize(points) / 2 / pixelsPerUnit;
        int stride = (int) Math.max(1, (points + MAX_POINTS - 1) / MAX_POINTS);
        if (stride > 1) {
            LOG.log(System.Logger.Level.INFO, "3D view: {0} points, showing every {1}th", points, stride);
        }
        ColourMap map = style.colourMap();
        ScalarRange range = scene.scalarRange(style.colourMode());
        for (Scene.Item item : scene.items()) {
            if (item.cloud() != null) {
                if (item.cloud().size() > 0) {
                    int[] colours = scene.pointColours(item, style.colourMode(), map, range);
                    clouds.getChildren().add(cloudView(item.cloud(), colours, cx, cy, cz, k, pointRadius, stride));
                }
            } else if (item.mesh().triangleCount() > 0) {
                meshes.getChildren().add(meshView(item.mesh(), Scene.meshColour(item.index()), cx, cy, cz, k));
            }
        }
        if (range != null) {
            showLegend(map, range);
        }
    }

    /**
     * One mesh for the whole cloud: a regular tetrahedron of circumradius {@code r} around every
     * {@code stride}-th point (points 0, stride, 2 stride, ...).
     */
    static MeshView cloudView(PointCloud cloud, int[] colours, double cx, double cy, double cz, double k, double r,
            int stride) {
        float[] all = cloud.xyz();
        int n = (cloud.size() + stride - 1) / stride;
        float[] xyz = new float[3 * n];
        int[] shown = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(all, 3 * i * stride, xyz, 3 * i, 3);
            shown[i] = colours[i * stride];
        }
        ColourAtlas atlas = ColourAtlas.of(shown);
        double a = r / Math.sqrt(3); // corners (+-a, +-a, +-a) with an even number of minus signs
        double[][] corners = { { a, a, a }, { a, -a, -a }, { -a, a, -a }, { -a, -a, a } };
        float[] points = new float[n * 12];
        int[] faces = new int[n * 24];
        int[][] tetra = { { 0, 1, 2 }, { 0, 3, 1 }, { 0, 2, 3 }, { 1, 3, 2 } };
        for (int i = 0; i < n; i++) {
            double x = (xyz[3 * i] - cx) * k;
            double y = (xyz[3 * i + 1] - cy) * k;
            double z = (xyz[3 * i + 2] - cz) * k;
            for (int c = 0; c < 4; c++) {
                points[12 * i + 3 * c] = (float) (x + corners[c][0]);
                points[12 * i + 3 * c + 1] = (float) (y + corners[c][1]);
                points[12 * i + 3 * c + 2] = (float) (z + corners[c][2]);
            }
            int t = atlas.texel(i);
            for (int f = 0; f < 4; f++) {
                for (int v = 0; v < 3; v++) {
                    faces[24 * i + 6 * f + 2 * v] = 4 * i + tetra[f][v];
                    faces[24 * i + 6 * f + 2 * v + 1] = t;
                }
            }
        }
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().setAll(points);
        mesh.getTexCoords().setAll(atlas.texCoords());
        mesh.getFaces().setAll(faces);
        WritableImage texture = new WritableImage(atlas.width(), atlas.height());
        texture.getPixelWriter().setPixels(0, 0, atlas.width(), atlas.height(), PixelFormat.getIntArgbInstance(),
                atlas.texture(), 0, atlas.width());
        PhongMaterial material = new PhongMaterial(Color.WHITE);
        material.setDiffuseMap(texture);
        material.setSpecularColor(Color.BLACK);
        MeshView view = new MeshView(mesh);
        view.setMaterial(material);
        view.setCullFace(CullFace.NONE);
        view.setId(cloud.name());
        return view;
    }

    /**
     * A mesh as two views culling back faces, the second with every triangle reversed: JavaFX lights only
     * the side its normal points to, so this lights both sides whatever the winding.
     */
    static Group meshView(Mesh m, int rgb, double cx, double cy, double cz, double k) {
        float[] v = m.vertices();
        float[] points = new float[v.length];
        for (int i = 0; i < v.length; i += 3) {
            points[i] = (float) ((v[i] - cx) * k);
            points[i + 1] = (float) ((v[i + 1] - cy) * k);
            points[i + 2] = (float) ((v[i + 2] - cz) * k);
        }
        int[] t = m.triangles();
        int[] front = new int[t.length * 2];
        int[] back = new int[t.length * 2];
        for (int f = 0; f < t.length; f += 3) {
            for (int c = 0; c < 3; c++) {
                front[2 * (f + c)] = t[f + c];
                back[2 * (f + c)] = t[f + (3 - c) % 3]; // a b c -> a c b
            }
        }
        PhongMaterial material = new PhongMaterial(Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
        material.setSpecularColor(Color.gray(0.15));
        Group both = new Group(side(points, front, material), side(points, back, material));
        both.setId(m.name());
        return both;
    }

    private static MeshView side(float[] points, int[] faces, PhongMaterial material) {
        TriangleMesh mesh = new TriangleMesh();
        mesh.getPoints().setAll(points);
        mesh.getTexCoords().setAll(0, 0);
        mesh.getFaces().setAll(faces);
        MeshView view = new MeshView(mesh);
        view.setMaterial(material);
        view.setCullFace(CullFace.BACK);
        return view;
    }

    private void showLegend(ColourMap map, ScalarRange range) {
        int[] anchors = map.anchors();
        Stop[] stops = new Stop[anchors.length];
        for (int i = 0; i < anchors.length; i++) {
            int c = anchors[i];
            // top of the bar is the map's end
            stops[i] = new Stop(1 - i / (double) (anchors.length - 1), Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF));
        }
        // The bar is a resizable region that takes the height the legend has left under the label. No size is bound
        // to the legend's own height: a bar bound to it raised the legend's minimum height by the label's excess
        // every layout pass, and the scene grew past JavaFX's largest texture (the view stopped repainting).
        Region bar = new Region();
        bar.setBackground(new Background(new BackgroundFill(
                new LinearGradient(0, 0, 0, 1, true, CycleMethod.NO_CYCLE, stops), CornerRadii.EMPTY, Insets.EMPTY)));
        bar.setMinSize(16, 20);
        bar.setPrefSize(16, 200);
        bar.setMaxWidth(16);
        Text max = new Text(ColourBar.format(range.max()));
        Text min = new Text(ColourBar.format(range.min()));
        Region spring = new Region();
        spring.setMinHeight(0);
        VBox.setVgrow(spring, Priority.ALWAYS);
        VBox numbers = new VBox(max, spring, min);
        HBox row = new HBox(6, bar, numbers);
        row.setFillHeight(true);
        row.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(row, Priority.ALWAYS);
        Text label = new Text(range.label());
        label.setFont(Font.font(12));
        label.setWrappingWidth(LEGEND_WIDTH - 16);
        legend.setAlignment(Pos.TOP_LEFT);
        legend.getChildren().setAll(label, row);
        legend.setVisible(true);
        legend.setManaged(true);
    }
}
