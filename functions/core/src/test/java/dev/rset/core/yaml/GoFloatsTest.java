package dev.rset.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatsTest {
    @ParameterizedTest
    @CsvSource({
        "2.5, 2.5", "1e6, 1e+06", "123456.0, 123456", "1234567.0, 1.234567e+06", "0.0001, 0.0001",
        "0.00001, 1e-05", "1e21, 1e+21", "-2.5e-10, -2.5e-10", "0.1, 0.1", "0.3, 0.3", "100.0, 100",
        "5e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308", "-0.0, -0",
    })
    void formatG(double in, String out) {
        assertEquals(out, GoFloats.formatG(in));
    }

    @ParameterizedTest
    @CsvSource({"2.82879384806159e17, 282879384806159", "9007199254740993.0, 9007199254740992"})
    void shortestDigitsRoundTrip(double in, String digits) {
        assertEquals(digits.replaceAll("0+$", ""), GoFloats.shortest(in).digits());
    }
}
