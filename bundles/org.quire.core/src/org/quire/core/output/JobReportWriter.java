package org.quire.core.output;

import static org.quire.core.output.Html.esc;
import static org.quire.core.output.Html.href;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.core.run.RunOutcome;
import org.quire.core.run.RunStatus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the summary of a job into its output directory: {@code index.html}, with the counts of runs by
 * status at the top and one section per run (link to the run's own report, algorithm, status, message, key
 * metrics, the first chart and the picture of the first cloud or mesh as thumbnails), and {@code summary.json}, an array of
 * {@code {"directory", "algorithm", "status", "metrics"}} in run order. Both files are written atomically.
 * Stateless and thread-safe.
 */
public final class JobReportWriter {

    /** The job page. */
    public static final String INDEX_HTML = "index.html";

    /** The machine-readable summary. */
    public static final String SUMMARY_JSON = "summary.json";

    /** Metrics shown per run on the page (summary.json has all). */
    static final int KEY_METRICS = 6;

    /**
     * Writes {@code index.html} and {@code summary.json}; creates the directory when needed. Run
     * directories are expected under {@code dir} (thumbnails are shown for the chart and cloud/mesh PNGs found there).
     *
     * @param title the job's name, shown as the page title
     * @param runs  the runs in job order
     * @param dir   the job's output directory
     * @throws IOException when a file cannot be written
     */
    public void write(String title, List<JobRunSummary> runs, Path dir) throws IOException {
        Files.createDirectories(dir);
        ArrayNode summary = JsonValues.array();
        for (JobRunSummary r : runs) {
            RunOutcome o = r.outcome();
            ObjectNode s = summary.addObject();
            s.put("directory", r.directory());
            s.put("algorithm", RunJson.algorithmId(o));
            s.put("status", o.status().jsonName());
            s.set("metrics", JsonValues.metrics(metrics(o)));
        }
        AtomicFiles.write(dir, SUMMARY_JSON, out -> JsonValues.write(summary, out));
        AtomicFiles.writeText(dir, INDEX_HTML, page(title, runs, dir));
    }

    static String page(String title, List<JobRunSummary> runs, Path dir) {
        StringBuilder h = new StringBuilder(8192);
        Html.begin(h, title);
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
        RunStatus worst = RunStatus.OK;
        for (JobRunSummary r : runs) {
            counts.merge(r.outcome().status(), 1, Integer::sum);
            worst = RunStatus.worst(worst, r.outcome().status());
        }
        h.append("<p class=\"counts\"><strong>").append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
                .append("</strong> ");
        if (counts.size() > 1) {
            h.append("overall ").append(Html.badge(worst)).append(" &middot; ");
        }
        counts.forEach((s, n) -> h.append("<span>").append(Html.badge(s)).append(" ").append(n).append("</span>"));
        h.append("</p>\n");
        for (JobRunSummary r : runs) {
            section(h, r, dir);
        }
        h.append("<p class=\"note\">Machine-readable: <a href=\"").append(SUMMARY_JSON).append("\">").append(SUMMARY_JSON)
                .append("</a>.</p>\n");
        Html.end(h);
        return h.toString();
    }

    private static void section(StringBuilder h, JobRunSummary r, Path dir) {
        RunOutcome o = r.outcome();
        String link = href(r.directory() + "/" + RunDirectoryWriter.INDEX_HTML);
        String id = RunJson.algorithmId(o);
        String name = o.descriptor() == null ? id : o.descriptor().name();
        h.append("<section class=\"run\">\n<h2><a href=\"").append(link).append("\">").append(esc(r.directory()))
                .append("</a> ").append(Html.badge(o.status())).append("</h2>\n<p>").append(esc(name)).append(" <code>")
                .append(esc(id)).append("</code>");
        if (o.request() != null) {
            h.append(" &middot; seed ").append(o.request().seed());
        }
        if (!o.warnings().isEmpty()) {
            h.append(" &middot; ").append(o.warnings().size()).append(o.warnings().size() == 1 ? " warning" : " warnings");
        }
        h.append("</p>\n");
        if (!o.message().isEmpty()) {
            h.append("<div class=\"").append(o.status().hasResult() ? "warnings" : "message").append("\">")
                    .append(esc(o.message())).append("</div>\n");
        }
        Map<String, Double> metrics = metrics(o);
        if (!metrics.isEmpty()) {
            h.append("<table>\n<tr><th>metric</th><th>value</th></tr>\n");
            metrics.entrySet().stream().limit(KEY_METRICS).forEach(e -> h.append("<tr><td>").append(esc(e.getKey()))
                    .append("</td>").append(Html.numberCell(e.getValue())).append("</tr>\n"));
            h.append("</table>\n");
            if (metrics.size() > KEY_METRICS) {
                h.append("<p class=\"note\">").append(metrics.size() - KEY_METRICS).append(" more in the run's report.</p>\n");
            }
        }
        Result result = o.status().hasResult() ? o.result() : null;
        if (result != null && !result.charts().isEmpty()) {
            ChartSpec first = result.charts().get(0);
            thumbnail(h, link, r.directory(), dir, first.name(), first.title());
        }
        if (result != null) {
            String scene = result.clouds().isEmpty() ? result.meshes().isEmpty() ? null : result.meshes().get(0).name()
                    : result.clouds().get(0).name();
            if (scene != null) {
                thumbnail(h, link, r.directory(), dir, scene, scene + " (3D)");
            }
        }
        h.append("</section>\n");
    }

    /** A thumbnail of {@code <directory>/<name>.png} linking to the run's page, when that file is on disk. */
    private static void thumbnail(StringBuilder h, String link, String directory, Path dir, String name, String alt) {
        String rel = directory + "/" + name + ".png";
        if (Files.isRegularFile(dir.resolve(rel))) {
            h.append("<a href=\"").append(link).append("\"><img class=\"thumb\" src=\"").append(href(rel)).append("\" alt=\"")
                    .append(esc(alt)).append("\"></a>\n");
        }
    }

    private static Map<String, Double> metrics(RunOutcome o) {
        return o.status().hasResult() && o.result() != null ? o.result().metrics() : Map.of();
    }
}
