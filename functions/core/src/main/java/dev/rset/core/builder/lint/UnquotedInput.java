package dev.rset.core.builder.lint;

/**
 * A provider input printed unquoted where YAML reads it as a scalar. {@code template} names the
 * template ({@code resources[0]}, {@code steps[1].resourcesTemplate}); {@code line} and
 * {@code column} (both from 1) are the action's place in that template's text.
 */
public record UnquotedInput(String template, int line, int column, String action, String input) {
    public String message() {
        return template + ":" + line + ":" + column + ": " + input + " is printed unquoted in " + action
                + ": a branch or title such as `yes`, `{x}` or `'x` turns into another YAML value or breaks the "
                + "object; write `| quote` (or `| slugify` in names)";
    }
}
