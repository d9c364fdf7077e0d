package dev.rset.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random templates, mostly malformed token soup plus generated well-formed ones, must fail or
 * render exactly as in Go ({@link GoldenFuzzCases}): same parse error lines, same execution
 * error positions and contexts, same partial output.
 */
class GoldenFuzzTest {
    private static final Object DATA = TestFuncs.json(GoldenCases.DEFAULT_DATA);
    private static final FuncMap FUNCS = TestFuncs.forData(DATA);

    record FuzzCase(String mode, String tpl, String err, String out) {
        @Override
        public String toString() {
            return "[" + tpl.replace("\n", "\\n") + "]";
        }
    }

    static Stream<FuzzCase> cases() {
        return Arrays.stream(GoldenFuzzCases.ALL).map(s -> {
            String[] p = s.split("\u0001", 4);
            return new FuzzCase(p[0], p[1], p[2], p[3]);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void behavesAsGo(FuzzCase c) {
        StringBuilder out = new StringBuilder();
        String err = "";
        try {
            Template.Builder b = Template.builder("t").funcs(FUNCS);
            if (!c.mode().isEmpty()) {
                b.option("missingkey=" + c.mode());
            }
            b.parse(c.tpl()).execute(out, DATA, null);
        } catch (TemplateException e) {
            err = e.getMessage();
        }
        assertEquals(c.err(), err, "error");
        assertEquals(c.out(), out.toString(), "output");
    }
}
