package org.quire.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    @Test
    void linesAreWrittenPerTenPercentStep() {
        StringWriter s = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(s), false, false, "demo");
        for (int i = 0; i <= 100; i++) {
            p.progress("work", i / 100.0, "");
        }
        String[] lines = s.toString().split("\n");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).isEqualTo("progress   0% demo work");
        assertThat(lines[10]).isEqualTo("progress 100% demo work");
    }

    @Test
    void terminalBarIsRedrawnInPlaceAndEndedBeforeWarnings() {
        StringWriter s = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(s), true, false, "demo");
        p.progress("work", 0.5, "step 5");
        p.log(false, "hidden info");
        p.log(true, "look here");
        p.done();
        String text = s.toString();
        assertThat(text).startsWith("\rdemo [" + "#".repeat(15) + ".".repeat(15) + "]  50% 00:00 work - step 5");
        assertThat(text).doesNotContain("hidden info").endsWith("\nwarning: look here\n");
    }
}
