package dev.rset.core.regex;

import com.google.re2j.GoParseLimits;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A regular expression compiled as Go's {@code regexp.Compile} compiles it: RE2 syntax, leftmost-first
 * matching in time linear in the input (RE2/J never backtracks), Go's parse limits and Go's error
 * texts ({@code error parsing regexp: missing closing ): `(a`}).
 */
public final class GoRegexp {
    /**
     * Longer patterns are refused with Go's "expression too large" although Go would take them:
     * RE2/J's parser is quadratic on some shapes ({@code [a-z]} 100,000 times parses for 30 s), so
     * an unbounded pattern from a template or a filter could stall a handler. Real filters and
     * template patterns are a few hundred characters at most.
     */
    public static final int MAX_LENGTH = 4096;

    private final String expr;
    private final Pattern pattern;

    private GoRegexp(String expr, Pattern pattern) {
        this.expr = expr;
        this.pattern = pattern;
    }

    /** Throws {@link RegexSyntaxException} with Go's message when Go would reject {@code expr}. */
    public static GoRegexp compile(String expr) {
        if (expr.length() > MAX_LENGTH) {
            throw new RegexSyntaxException("error parsing regexp: expression too large: `" + expr + "`");
        }
        try {
            GoParseLimits.check(expr);
            return new GoRegexp(expr, Pattern.compile(expr));
        } catch (PatternSyntaxException e) {
            throw new RegexSyntaxException(goMessage(e, expr));
        }
    }

    /** RE2/J words three failures differently from Go (checked against Go 1.26). */
    private static String goMessage(PatternSyntaxException e, String expr) {
        String description = e.getDescription();
        String quoted = e.getPattern();
        if (description.startsWith("regexp/syntax: internal error") && "stack underflow".equals(quoted)) {
            description = "unexpected )"; // a ')' with no '(' open: Go names the whole expression
            quoted = expr;
        } else if (description.equals("trailing backslash at end of expression")) {
            quoted = "";
        }
        return "error parsing regexp: " + description + ": `" + quoted + "`";
    }

    public String expr() {
        return expr;
    }

    /** Go's {@code MatchString}: whether the expression matches anywhere in {@code s}. */
    public boolean matches(CharSequence s) {
        return pattern.matcher(s).find();
    }

    public Matcher matcher(CharSequence s) {
        return pattern.matcher(s);
    }

    public int groupCount() {
        return pattern.groupCount();
    }

    /** The index of the first capture group with this name, or -1. */
    public int groupIndex(String name) {
        Integer i = pattern.namedGroups().get(name);
        return i == null ? -1 : i;
    }

    @Override
    public String toString() {
        return expr;
    }
}
