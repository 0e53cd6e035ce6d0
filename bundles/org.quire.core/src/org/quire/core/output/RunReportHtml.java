package org.quire.core.output;

import static org.quire.core.output.Html.esc;
import static org.quire.core.output.Html.href;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quire.api.AlgorithmDescriptor;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Image;
import org.quire.api.result.ResultFile;
import org.quire.api.result.Mesh;
import org.quire.api.result.PointCloud;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.api.result.Table;
import org.quire.core.run.InputRecord;
import org.quire.core.run.RunOutcome;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds a run directory's {@code index.html}: a self-contained page (inline CSS, no script, no external
 * resources) with the status, message and warnings first, then metrics, values, charts, tables, series,
 * clouds, meshes and images, and the provenance at the bottom. All text is HTML-escaped.
 * Stateless and thread-safe.
 */
final class RunReportHtml {

    /** Rows of a table shown on the page; the CSV holds all. */
    static final int TABLE_ROWS_SHOWN = 50;

    /** Values whose pretty JSON is longer than this many lines are collapsed. */
    static final int VALUE_LINES_OPEN = 12;

    /** Values whose pretty JSON is longer than this many characters are collapsed. */
    static final int VALUE_CHARS_OPEN = 300;

    private RunReportHtml() {
    }

    /**
     * The page.
     *
     * @param outcome        the run
     * @param result         the result, or null when the status has none
     * @param values         the result's values already converted to JSON, in order (empty without result)
     * @param chartsRendered whether chart PNG/SVG files were written
     * @param pictures       names of the clouds and meshes whose PNG picture was written
     * @param files          names of the data files written so far (for the provenance list)
     */
    static String page(RunOutcome outcome, Result result, Map<String, JsonNode> values, boolean chartsRendered,
            Set<String> pictures, List<String> files) {
        AlgorithmDescriptor d = outcome.descriptor();
        String id = RunJson.algorithmId(outcome);
        String name = d == null ? id : d.name();
        StringBuilder h = new StringBuilder(16_384);
        Html.begin(h, name + " (" + id + ") - " + outcome.status().jsonName());
        h.append("<h1>").append(esc(name)).append(" <code>").append(esc(id)).append("</code> ")
                .append(Html.badge(outcome.status())).append("</h1>\n");
        if (d != null && !d.description().isEmpty()) {
            h.append("<p class=\"note\">").append(esc(d.description())).append("</p>\n");
        }
        if (!outcome.message().isEmpty()) {
            boolean bad = !outcome.status().hasResult();
            h.append("<div class=\"").append(bad ? "message" : "warnings").append("\"><strong>")
                    .append(bad ? "Error" : "Message").append(":</strong> ").append(esc(outcome.message())).append("</div>\n");
        }
        if (!outcome.warnings().isEmpty()) {
            h.append("<div class=\"warnings\"><strong>").append(outcome.warnings().size())
                    .append(outcome.warnings().size() == 1 ? " warning" : " warnings").append("</strong>\n<ul>\n");
            outcome.warnings().forEach(w -> h.append("<li>").append(esc(w)).append("</li>\n"));
            h.append("</ul></div>\n");
        }
        if (result == null) {
            h.append("<p class=\"note\">No result: the run ended as <strong>").append(esc(outcome.status().jsonName()))
                    .append("</strong>.</p>\n");
        } else {
            metrics(h, result);
            values(h, values);
            charts(h, result.charts(), chartsRendered);
            tables(h, result.tables());
            series(h, result.series());
            geometry(h, result.clouds(), result.meshes(), pictures);
            images(h, result.images());
            resultFiles(h, result.files());
        }
        provenance(h, outcome, files);
        Html.end(h);
        return h.toString();
    }

    private static void metrics(StringBuilder h, Result r) {
        if (r.metrics().isEmpty()) {
            return;
        }
        h.append("<h2>Metrics</h2>\n<table>\n<tr><th>metric</th><th>value</th></tr>\n");
        r.metrics().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td>").append(Html.numberCell(v))
                .append("</tr>\n"));
        h.append("</table>\n");
    }

    private static void values(StringBuilder h, Map<String, JsonNode> values) {
        if (values.isEmpty()) {
            return;
        }
        h.append("<h2>Values</h2>\n");
        values.forEach((k, node) -> {
            String json = JsonValues.pretty(node);
            long lines = json.chars().filter(c -> c == '\n').count() + 1;
            if (lines > VALUE_LINES_OPEN || json.length() > VALUE_CHARS_OPEN) {
                h.append("<details><summary><code>").append(esc(k)).append("</code> (").append(size(node))
                        .append(")</summary>\n<pre>").append(esc(json)).append("</pre></details>\n");
            } else {
                h.append("<h3><code>").append(esc(k)).append("</code></h3>\n<pre>").append(esc(json)).append("</pre>\n");
            }
        });
    }

    /** "array of 400", "12 keys" or "2048 characters", for a collapsed value's summary. */
    private static String size(JsonNode node) {
        if (node.isArray()) {
            return "array of " + node.size();
        } else if (node.isObject()) {
            return node.size() + (node.size() == 1 ? " key" : " keys");
        }
        return node.asText().length() + " characters";
    }

    private static void charts(StringBuilder h, List<ChartSpec> charts, boolean rendered) {
        if (charts.isEmpty()) {
            return;
        }
        h.append("<h2>Charts</h2>\n");
        if (!rendered) {
            h.append("<p class=\"note\">Charts were not rendered: no chart renderer was available. Charts in this result: ");
            for (int i = 0; i < charts.size(); i++) {
                h.append(i == 0 ? "" : ", ").append("<code>").append(esc(charts.get(i).name())).append("</code>");
            }
            h.append(".</p>\n");
            return;
        }
        for (ChartSpec c : charts) {
            String png = c.name() + ".png";
            String svg = c.name() + ".svg";
            h.append("<figure><a href=\"").append(href(svg)).append("\"><img src=\"").append(href(png)).append("\" alt=\"")
                    .append(esc(c.title())).append("\" width=\"").append(RunDirectoryWriter.CHART_WIDTH).append("\" height=\"")
                    .append(RunDirectoryWriter.CHART_HEIGHT).append("\"></a>\n<figcaption>").append(esc(c.title()))
                    .append(" &mdash; <a href=\"").append(href(svg)).append("\">SVG</a>, <a href=\"").append(href(png))
                    .append("\">PNG</a></figcaption></figure>\n");
        }
    }

    private static void tables(StringBuilder h, List<Table> tables) {
        for (Table t : tables) {
            String csv = t.name() + ".csv";
            h.append("<h2>Table <code>").append(esc(t.name())).append("</code></h2>\n<p class=\"note\">")
                    .append(t.rowCount()).append(t.rowCount() == 1 ? " row" : " rows");
            if (t.rowCount() > TABLE_ROWS_SHOWN) {
                h.append(", the first ").append(TABLE_ROWS_SHOWN).append(" shown");
            }
            h.append("; all in <a href=\"").append(href(csv)).append("\">").append(esc(csv)).append("</a>.</p>\n<table>\n<tr>");
            for (Table.Column c : t.columns()) {
                h.append("<th>").append(esc(c.name()));
                if (!c.unit().isEmpty()) {
                    h.append(" [").append(esc(c.unit())).append("]");
                }
                h.append("</th>");
            }
            h.append("</tr>\n");
            int rows = Math.min(TABLE_ROWS_SHOWN, t.rowCount());
            for (int r = 0; r < rows; r++) {
                h.append("<tr>");
                for (Table.Column c : t.columns()) {
                    h.append(c.isNumeric() ? "<td class=\"num\">" : "<td>").append(esc(c.text(r))).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
    }

    private static void series(StringBuilder h, List<Series> series) {
        if (series.isEmpty()) {
            return;
        }
        h.append("<h2>Series</h2>\n<ul>\n");
        for (Series s : series) {
            String csv = s.name() + ".csv";
            h.append("<li><a href=\"").append(href(csv)).append("\">").append(esc(csv)).append("</a> &mdash; ").append(s.size())
                    .append(s.size() == 1 ? " point" : " points").append(s.hasBand() ? ", with a low/high band" : "").append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static void geometry(StringBuilder h, List<PointCloud> clouds, List<Mesh> meshes, Set<String> pictures) {
        if (clouds.isEmpty() && meshes.isEmpty()) {
            return;
        }
        h.append("<h2>3D data</h2>\n");
        for (PointCloud c : clouds) {
            StringBuilder what = new StringBuilder("point cloud, ").append(c.size()).append(c.size() == 1 ? " point" : " points")
                    .append(c.normals() != null ? ", normals" : "").append(c.rgb() != null ? ", colours" : "");
            if (c.scalarLabel() != null) {
                what.append(", scalar ").append(c.scalarLabel());
            }
            item(h, c.name(), what.toString(), pictures.contains(c.name()));
        }
        for (Mesh m : meshes) {
            item(h, m.name(), "mesh, " + m.vertexCount() + " vertices, " + m.triangleCount() + " triangles",
                    pictures.contains(m.name()));
        }
    }

    private static void item(StringBuilder h, String name, String what, boolean picture) {
        String ply = name + ".ply";
        String png = name + ".png";
        if (picture) {
            h.append("<figure><a href=\"").append(href(png)).append("\"><img src=\"").append(href(png)).append("\" alt=\"")
                    .append(esc(name)).append("\" width=\"").append(RunDirectoryWriter.SCENE_WIDTH).append("\" height=\"")
                    .append(RunDirectoryWriter.SCENE_HEIGHT).append("\"></a>\n<figcaption><code>").append(esc(name))
                    .append("</code> &mdash; ").append(esc(what)).append(" &mdash; <a href=\"").append(href(ply)).append("\">")
                    .append(esc(ply)).append("</a>, <a href=\"").append(href(png)).append("\">PNG</a></figcaption></figure>\n");
        } else {
            h.append("<p><a href=\"").append(href(ply)).append("\">").append(esc(ply)).append("</a> &mdash; ").append(esc(what))
                    .append("</p>\n");
        }
    }

    private static void images(StringBuilder h, List<Image> images) {
        if (images.isEmpty()) {
            return;
        }
        h.append("<h2>Images</h2>\n");
        for (Image i : images) {
            String png = i.name() + ".png";
            h.append("<figure><img src=\"").append(href(png)).append("\" alt=\"").append(esc(i.name())).append("\" width=\"")
                    .append(i.width()).append("\" height=\"").append(i.height()).append("\">\n<figcaption><a href=\"")
                    .append(href(png)).append("\">").append(esc(png)).append("</a> &mdash; ").append(i.width()).append(" &times; ")
                    .append(i.height()).append(" pixels</figcaption></figure>\n");
        }
    }

    private static void resultFiles(StringBuilder h, List<ResultFile> files) {
        if (files.isEmpty()) {
            return;
        }
        h.append("<h2>Files</h2>\n<ul>\n");
        for (ResultFile f : files) {
            h.append("<li><a href=\"").append(href(f.fileName())).append("\">").append(esc(f.fileName())).append("</a> (")
                    .append(f.content().length).append(" bytes)");
            if (!f.description().isEmpty()) {
                h.append(" &mdash; ").append(esc(f.description()));
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n");
    }

    private static void provenance(StringBuilder h, RunOutcome o, List<String> files) {
        h.append("<h2>Provenance</h2>\n<table>\n");
        AlgorithmDescriptor d = o.descriptor();
        row(h, "algorithm", RunJson.algorithmId(o) + (d == null ? "" : " (" + d.name() + ", family " + d.family() + ")"));
        if (o.origin() != null) {
            row(h, "provided by", o.origin().bundle() + " " + o.origin().version());
        }
        row(h, "status", o.status().jsonName() + " (exit code " + o.status().exitCode() + ")");
        if (o.request() != null) {
            row(h, "seed", Long.toString(o.request().seed()));
            row(h, "threads", Integer.toString(o.request().threads()));
        }
        row(h, "started", time(o.startedAt()));
        row(h, "finished", time(o.finishedAt()));
        row(h, "algorithm time", o.algorithmNanos() / 1e9 + " s");
        row(h, "Quire", QuireVersion.get());
        row(h, "host", "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " processors");
        h.append("</table>\n<h3>Parameters</h3>\n");
        if (o.parameters().isEmpty()) {
            h.append("<p class=\"note\">none</p>\n");
        } else {
            h.append("<table>\n<tr><th>parameter</th><th>value</th></tr>\n");
            o.parameters().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td><code>")
                    .append(esc(String.valueOf(v))).append("</code></td></tr>\n"));
            h.append("</table>\n");
        }
        h.append("<h3>Inputs</h3>\n");
        if (o.inputs().isEmpty()) {
            h.append("<p class=\"note\">none</p>\n");
        } else {
            h.append("<table>\n<tr><th>slot</th><th>path</th><th>bytes</th><th>SHA-256</th></tr>\n");
            for (InputRecord in : o.inputs()) {
                h.append("<tr><td>").append(esc(in.slot())).append("</td><td><code>").append(esc(String.valueOf(in.path())))
                        .append("</code></td><td class=\"num\">").append(in.bytes()).append("</td><td><code>")
                        .append(esc(in.sha256())).append("</code></td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h3>Files</h3>\n<p class=\"note\">");
        for (String f : files) {
            h.append("<a href=\"").append(href(f)).append("\">").append(esc(f)).append("</a> ");
        }
        h.append("<a href=\"index.html\">index.html</a> <a href=\"run.json\">run.json</a></p>\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static String time(Instant t) {
        return t == null ? "unknown" : t.toString();
    }
}
