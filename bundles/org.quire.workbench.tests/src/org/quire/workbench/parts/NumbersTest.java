package org.quire.workbench.parts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({
        "0.0, 0",
        "42.0, 42",
        "-3.5, -3.5",
        "0.1234567, 0.123457",
        "123456789.0, 123457000",
        "1.0E-7, 1e-07",
        "-2.5E12, -2.5e+12",
        "6.02214076E23, 6.02214e+23",
        "0.0001, 0.0001",
        "NaN, NaN",
        "Infinity, Infinity",
        "-Infinity, -Infinity"})
    void sixSignificantDigits(double value, String expected) {
        assertThat(Numbers.format(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 0.000", "1234567, 0.001", "1500000000, 1.500", "61234567890, 61.235"})
    void secondsWithThreeDecimals(long nanos, String expected) {
        assertThat(Numbers.seconds(nanos)).isEqualTo(expected);
    }
}
