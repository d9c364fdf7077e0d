package dev.rset.core.yaml;

import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.parser.ParserException;

/**
 * Turns SnakeYAML scanner/parser errors into go-yaml v2's: libyaml's problem texts, and v2's line
 * rule ({@code fail()}): the 0-based problem line, plus one for scanner errors, else the 0-based
 * context line, and no "line N: " at all when both are 0.
 */
final class YamlErrors {
    /** A SnakeYAML problem prefix and the libyaml text it corresponds to. */
    private record Translation(String context, String problemPrefix, String goProblem) {
    }

    private static final List<Translation> TRANSLATIONS = List.of(
            new Translation(null, "mapping values are not allowed", "mapping values are not allowed in this context"),
            new Translation(null, "sequence entries are not allowed",
                    "block sequence entries are not allowed in this context"),
            new Translation(null, "mapping keys are not allowed", "mapping keys are not allowed in this context"),
            new Translation(null, "found character", "found character that cannot start any token"),
            new Translation(null, "could not find expected ':'", "could not find expected ':'"),
            new Translation("while parsing a block mapping", "expected <block end>", "did not find expected key"),
            new Translation("while parsing a block collection", "expected <block end>",
                    "did not find expected '-' indicator"),
            new Translation("while parsing a flow sequence", "expected ','", "did not find expected ',' or ']'"),
            new Translation("while parsing a flow mapping", "expected ','", "did not find expected ',' or '}'"),
            new Translation(null, "expected the node content", "did not find expected node content"),
            new Translation(null, "expected '<document start>'", "did not find expected <document start>"),
            new Translation(null, "found undefined tag handle", "found undefined tag handle"),
            new Translation(null, "found unexpected end of stream", "found unexpected end of stream"),
            new Translation(null, "found unexpected document separator", "found unexpected document indicator"),
            new Translation(null, "found unknown escape character", "found unknown escape character"),
            new Translation(null, "expected escape sequence", "did not find expected hexdecimal number"),
            new Translation("while scanning an anchor", "", "did not find expected alphabetic or numeric character"),
            new Translation("while scanning an alias", "", "did not find expected alphabetic or numeric character"),
            new Translation(null, "expected indentation indicator in the range 1-9",
                    "found an indentation indicator equal to 0"),
            new Translation(null, "expected chomping or indentation indicators",
                    "did not find expected comment or line break"),
            new Translation(null, "expected a comment or a line break", "did not find expected comment or line break"),
            new Translation("while scanning a tag", "expected '>'", "did not find the expected '>'"),
            new Translation("while scanning a tag", "", "did not find expected whitespace or line break"),
            new Translation("while scanning a simple key", "", "could not find expected ':'"),
            new Translation("while scanning a plain scalar", "found unexpected ':'", "found unexpected ':'"),
            new Translation("while scanning a directive", "", "found unknown directive name"));

    private YamlErrors() {
    }

    /** The go-yaml error text ("yaml: line N: ...") for a SnakeYAML error. */
    static String goMessage(MarkedYAMLException e) {
        String problem = translate(e.getContext(), e.getProblem());
        boolean scanner = !(e instanceof ParserException);
        int line = 0;
        Mark problemMark = e.getProblemMark();
        Mark contextMark = e.getContextMark();
        if (problemMark != null && problemMark.getLine() != 0) {
            line = problemMark.getLine() + (scanner ? 1 : 0);
        } else if (contextMark != null && contextMark.getLine() != 0) {
            line = contextMark.getLine();
        }
        return "yaml: " + (line != 0 ? "line " + line + ": " : "") + problem;
    }

    static String translate(String context, String problem) {
        String p = problem == null ? "" : problem;
        for (Translation t : TRANSLATIONS) {
            boolean contextOk = t.context() == null || t.context().equals(context);
            if (contextOk && p.startsWith(t.problemPrefix())) {
                return t.goProblem();
            }
        }
        return p.isEmpty() ? "unknown problem parsing YAML content" : p;
    }
}
