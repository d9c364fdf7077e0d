package dev.rset.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.core.template.GoldenCases.Case;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@link GoldenCases}: output and error text must equal what real Go produced. */
class GoldenTemplateTest {

    static List<Case> cases() {
        return GoldenCases.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGo(Case c) {
        Object data = TestFuncs.json(c.data().isEmpty() ? GoldenCases.DEFAULT_DATA : c.data());
        StringBuilder out = new StringBuilder();
        String err = "";
        try {
            Template.Builder b = Template.builder("t").funcs(TestFuncs.forData(data));
            if (c.delims()) {
                b.delims("<<", ">>");
            }
            if (!c.mode().isEmpty()) {
                b.option("missingkey=" + c.mode());
            }
            b.parse(c.tpl()).execute(out, data, null);
        } catch (TemplateException e) {
            err = e.getMessage();
        }
        assertEquals(c.err(), err, "error of " + c.tpl());
        assertEquals(c.out(), out.toString(), "output of " + c.tpl());
    }
}
