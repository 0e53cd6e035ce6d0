package org.quire.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunPrinterTest {
    @Test
    void formatsMetricsReadably() {
        assertThat(RunPrinter.format(3.0)).isEqualTo("3");
        assertThat(RunPrinter.format(0.123456789)).isEqualTo("0.123457");
        assertThat(RunPrinter.format(1.5e-7)).isEqualTo("1.500000e-07");
        assertThat(RunPrinter.format(2.5e9)).isEqualTo("2500000000");
        assertThat(RunPrinter.format(2.25e9)).isEqualTo("2250000000");
        assertThat(RunPrinter.format(1.0e6 + 0.5)).isEqualTo("1.000001e+06");
        assertThat(RunPrinter.format(Double.NaN)).isEqualTo("NaN");
    }
}
