package io.jgym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jgym.contracts.space.Value;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Response bodies are formatted as Python's json module with Flask's settings would format them. */
class FlaskJsonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.0, 1.0", "0.1, 0.1", "-0.0, -0.0", "0.0001, 0.0001", "0.00001, 1e-05", "123456789012345.6, 123456789012345.6",
        "1e16, 1e+16", "1234567890123456.0, 1234567890123456.0", "1e100, 1e+100", "-1e100, -1e+100",
        "4.9e-324, 5e-324", "2.5e-5, 2.5e-05", "1.7976931348623157e308, 1.7976931348623157e+308",
        "0.013696168549358845, 0.013696168549358845", "100.0, 100.0", "1e22, 1e+22"
    })
    void floatsArePrintedAsPythonReprPrintsThem(double value, String python) {
        assertEquals(python, PythonFloat.repr(value));
    }

    @Test
    void float32ValuesAreWidenedBeforePrinting() {
        assertEquals("[4.800000190734863,0.10000000149011612]", FlaskJson.dumps(Value.of(4.8f, 0.1f)));
    }

    @Test
    void keysAreSortedSeparatorsCompactAndNonAsciiEscaped() {
        assertEquals("{\"a\":[1,true,null],\"b\":\"caf\\u00e9 \\\"q\\\"\\n\",\"c\":2.0}\n",
                FlaskJson.write(Map.of("c", 2.0, "a", Arrays.asList(1, true, null), "b", "café \"q\"\n")));
    }
}
