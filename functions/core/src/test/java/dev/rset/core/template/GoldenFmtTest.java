package dev.rset.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code printf} with random flag/width/precision/verb/operand combinations must print exactly
 * what Go printed ({@link GoldenFmtCases}); this exercises {@code GoFormat.sprintf} through the
 * template engine, operands typed as Go types them.
 */
class GoldenFmtTest {
    private static final Object DATA = TestFuncs.json(GoldenCases.DEFAULT_DATA);
    private static final FuncMap FUNCS = TestFuncs.forData(DATA);

    record FmtCase(String format, String args, String expected) {
        @Override
        public String toString() {
            return format + " " + args;
        }
    }

    static Stream<FmtCase> cases() {
        return Arrays.stream(GoldenFmtCases.ALL).map(s -> {
            String[] p = s.split("\u0001", 3); // the output itself may contain U+0001
            return new FmtCase(p[0], p[1], p[2]);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printfMatchesGo(FmtCase c) {
        String tpl = "{{printf `" + c.format() + "` " + c.args() + "}}";
        String out;
        try {
            out = Template.builder("t").funcs(FUNCS).parse(tpl).execute(DATA, null);
        } catch (TemplateException e) {
            out = "ERROR: " + e.getMessage();
        }
        assertEquals(c.expected(), out, tpl);
    }
}
