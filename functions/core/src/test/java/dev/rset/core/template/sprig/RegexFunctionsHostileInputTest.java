package dev.rset.core.template.sprig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.core.template.FuncMap;
import org.junit.jupiter.api.Test;

/**
 * Issue #11: {@code regexMatch} with this pattern took 54.5 s on 46 characters under
 * java.util.regex. On RE2/J the work grows linearly with the input, so long inputs answer at once.
 */
class RegexFunctionsHostileInputTest {
    private final FuncMap functions = SprigFunctions.hermetic();
    private static final String PATTERN = "^(feat|fix)/([a-z0-9]+[-_]?){1,10}$";

    @Test
    void catastrophicBacktrackingPatternsRunOnLongInput() throws Exception {
        String hostile = "feat/" + "a".repeat(250) + "!";
        assertEquals("bool|false", SprigFunctionsTest.run(functions.get("regexMatch"), new Object[] {PATTERN, hostile}));
        assertEquals("bool|true", SprigFunctionsTest.run(functions.get("mustRegexMatch"),
                new Object[] {PATTERN, "fix/" + "a".repeat(100_000)}));
        assertEquals("string|", SprigFunctionsTest.run(functions.get("regexFind"),
                new Object[] {"(a+)+b", "a".repeat(100_000)}));
    }
}
