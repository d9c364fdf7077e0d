package dev.rset.core.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * go-yaml v2's syntax errors as sigs.k8s.io/yaml reports them. v2's line rule: the 0-based line
 * of the problem, plus one for scanner errors (so scanner errors show the 1-based line and parser
 * errors the line before), and no line at all for problems on the first line.
 */
class GoYamlErrorsTest {
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "a: b: c => yaml: mapping values are not allowed in this context",
        "a: 1\\nb: c: d => yaml: line 2: mapping values are not allowed in this context",
        "a: 1\\n b: 2 => yaml: line 2: mapping values are not allowed in this context",
        "key: value\\n  other: x\\n => yaml: line 2: mapping values are not allowed in this context",
        "a:\\n  b: 1\\n c: 2\\n => yaml: line 2: did not find expected key",
        "a: |\\n  x\\n y\\n => yaml: line 2: did not find expected key",
        "a: b\\n- c\\n => yaml: line 1: did not find expected key",
        "- a\\nb: c\\n => yaml: line 1: did not find expected '-' indicator",
        "a: [b => yaml: did not find expected ',' or ']'",
        "x: 1\\na: [b\\n => yaml: line 2: did not find expected ',' or ']'",
        "a: {b: c => yaml: did not find expected ',' or '}'",
        "a: \"abc => yaml: found unexpected end of stream",
        "x: 1\\na: 'abc\\n => yaml: line 3: found unexpected end of stream",
        "\\ta: b => yaml: found character that cannot start any token",
        "a:\\n\\tb: c => yaml: line 2: found character that cannot start any token",
        "a: @b => yaml: found character that cannot start any token",
        "x: 1\\ny: `b => yaml: line 2: found character that cannot start any token",
        "v: &lt;a&amp;b&gt;|it\\'s => yaml: did not find expected alphabetic or numeric character",
        "x: 1\\nv: &lt;a => yaml: line 2: did not find expected alphabetic or numeric character",
        "x: \"\\q\" => yaml: found unknown escape character",
        "x: 1\\ny: \"\\xZZ\" => yaml: line 2: did not find expected hexdecimal number",
        "a: 1\\n- b: 2\\n => yaml: line 1: did not find expected key",
        "a: [b, c]d => yaml: did not find expected key",
        "a: \\u0001 => yaml: control characters are not allowed",
        "a: *x => yaml: unknown anchor 'x' referenced",
    })
    void syntaxErrors(String yaml, String goError) {
        String input = yaml.replace("\\n", "\n").replace("\\t", "\t").replace("\\u0001", "\u0001");
        GoYamlException e = assertThrows(GoYamlException.class, () -> GoYaml.unmarshal(input));
        assertEquals("error converting YAML to JSON: " + goError, e.getMessage());
    }
}
