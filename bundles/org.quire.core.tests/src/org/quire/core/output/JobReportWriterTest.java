package org.quire.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quire.core.output.OutputFixtures.names;
import static org.quire.core.output.OutputFixtures.ok;
import static org.quire.core.output.OutputFixtures.outcome;
import static org.quire.core.output.OutputFixtures.read;
import static org.quire.core.output.OutputFixtures.temporaries;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.api.result.ChartSpec;
import org.quire.api.result.Result;
import org.quire.api.result.Series;
import org.quire.core.run.RunStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JobReportWriterTest {

    @TempDir
    Path tmp;

    @Test
    void writesSummaryJsonAndAPageLinkingEachRun() throws IOException {
        Result first = Result.builder().metric("hurst", 0.7).metric("bad", Double.NaN)
                .chart(ChartSpec.line("loss", "Loss", "x", "y", Series.indexed("loss", new double[] {2, 1}))).build();
        Result second = Result.builder().metric("hurst", 0.65).build();
        List<JobRunSummary> runs = List.of(
                new JobRunSummary("walk-steps_10-seed_1", ok(first)),
                new JobRunSummary("walk-steps_100-seed_1", ok(second)),
                new JobRunSummary("broken", outcome(RunStatus.FAILED, null, "diverged at step 7", List.of())));
        RunDirectoryWriter runWriter = new RunDirectoryWriter(new OutputFixtures.FakeCharts());
        for (JobRunSummary r : runs) {
            runWriter.write(r.outcome(), tmp.resolve(r.directory()));
        }

        new JobReportWriter().write("tour <&>", runs, tmp);

        JsonNode summary = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
        assertThat(summary.isArray()).isTrue();
        assertThat(summary).hasSize(3);
        JsonNode s0 = summary.get(0);
        List<String> keys = new ArrayList<>();
        s0.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("directory", "algorithm", "status", "metrics");
        assertThat(s0.get("directory").textValue()).isEqualTo("walk-steps_10-seed_1");
        assertThat(s0.get("algorithm").textValue()).isEqualTo("test.walk");
        assertThat(s0.get("status").textValue()).isEqualTo("ok");
        assertThat(s0.get("metrics").get("hurst").doubleValue()).isEqualTo(0.7);
        assertThat(s0.get("metrics").get("bad").isNull()).isTrue();
        assertThat(summary.get(1).get("metrics").get("hurst").doubleValue()).isEqualTo(0.65);
        assertThat(summary.get(2).get("status").textValue()).isEqualTo("failed");
        assertThat(summary.get(2).get("metrics").size()).isZero();

        String html = read(tmp.resolve("index.html"));
        assertThat(html).contains("<h1>tour &lt;&amp;&gt;</h1>");
        assertThat(html).contains("<strong>3 runs</strong>");
        assertThat(html).contains("<span class=\"badge s-ok\">ok</span> 2</span>");
        assertThat(html).contains("<span class=\"badge s-failed\">failed</span> 1</span>");
        assertThat(html).contains("<a href=\"walk-steps_10-seed_1/index.html\">walk-steps_10-seed_1</a>");
        assertThat(html).contains("<a href=\"broken/index.html\">broken</a>");
        assertThat(html).contains("<img class=\"thumb\" src=\"walk-steps_10-seed_1/loss.png\"");
        assertThat(html).contains("diverged at step 7");
        assertThat(count(html, "<img")).as("only the run with a chart has a thumbnail").isEqualTo(1);
        assertThat(html.indexOf("walk-steps_10-seed_1/index.html")).isLessThan(html.indexOf("walk-steps_100-seed_1/index.html"));
        assertThat(temporaries(tmp)).isEmpty();
        assertThat(names(tmp)).contains("index.html", "summary.json");
    }

    @Test
    void noThumbnailWhenTheChartWasNotRendered() throws IOException {
        Result r = Result.builder().chart(ChartSpec.line("loss", "Loss", "x", "y", Series.indexed("loss", new double[] {1}))).build();
        List<JobRunSummary> runs = List.of(new JobRunSummary("a", ok(r)));
        new RunDirectoryWriter(null).write(ok(r), tmp.resolve("a"));
        new JobReportWriter().write("job", runs, tmp);
        assertThat(read(tmp.resolve("index.html"))).doesNotContain("<img");
        assertThat(Files.exists(tmp.resolve("a/loss.png"))).isFalse();
    }

    @Test
    void directoryLinksArePercentEncoded() throws IOException {
        List<JobRunSummary> runs = List.of(new JobRunSummary("odd name#1", ok(Result.empty())));
        new JobReportWriter().write("job", runs, tmp);
        assertThat(read(tmp.resolve("index.html"))).contains("<a href=\"odd%20name%231/index.html\">odd name#1</a>");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
