package dev.rset.core.template.sprig;

import dev.rset.core.template.FunctionException;
import java.util.ArrayList;
import java.util.List;
import com.google.re2j.Matcher;
import dev.rset.core.regex.GoRegexp;
import dev.rset.core.regex.RegexSyntaxException;

/**
 * A compiled Go regular expression (RE2/J, see {@link GoRegexp}) with the iteration rules of Go's
 * {@code regexp} package: an empty match right after a previous match is skipped by FindAll,
 * ReplaceAll and Split, and replacement templates use {@code $name}/{@code ${name}} expansion.
 */
final class GoRegex {
    private final String expr;
    private final GoRegexp pattern;
    private final int groupCount;

    private GoRegex(GoRegexp pattern) {
        this.expr = pattern.expr();
        this.pattern = pattern;
        this.groupCount = pattern.groupCount();
    }

    /** {@code regexp.Compile}: a FunctionException with Go's error text when invalid. */
    static GoRegex compile(String expr) {
        try {
            return new GoRegex(GoRegexp.compile(expr));
        } catch (RegexSyntaxException e) {
            throw new FunctionException(e.getMessage());
        }
    }

    /** {@code regexp.MustCompile}: the same failure, worded as its panic. */
    static GoRegex mustCompile(String expr) {
        try {
            return compile(expr);
        } catch (FunctionException e) {
            throw new FunctionException("regexp: Compile(" + backquote(expr) + "): " + e.getMessage());
        }
    }

    /** Go's {@code regexp.quote}: backquoted when possible, else strconv.Quote. */
    private static String backquote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '`' || c == '\uFEFF' || c < ' ' && c != '\t' || c == 0x7F) {
                return GoStrings.quote(s);
            }
        }
        return "`" + s + "`";
    }

    boolean matches(String s) {
        return pattern.matches(s);
    }

    String find(String s) {
        Matcher m = pattern.matcher(s);
        return m.find() ? m.group() : "";
    }

    /** The [start, end) char ranges of up to n matches (all when n &lt; 0), Go style. */
    List<int[]> findAllIndex(String s, int n) {
        List<int[]> out = new ArrayList<>();
        Matcher m = pattern.matcher(s);
        int pos = 0;
        int prevEnd = -1;
        while ((n < 0 || out.size() < n) && pos <= s.length() && m.find(pos)) {
            boolean accept = true;
            if (m.end() == m.start()) {
                if (m.start() == prevEnd) {
                    accept = false; // no empty match right after the previous match
                }
                pos = m.end() < s.length() ? m.end() + Character.charCount(s.codePointAt(m.end())) : s.length() + 1;
            } else {
                pos = m.end();
            }
            prevEnd = m.end();
            if (accept) {
                int[] groups = new int[2 * (groupCount + 1)];
                for (int g = 0; g <= groupCount; g++) {
                    groups[2 * g] = m.start(g);
                    groups[2 * g + 1] = m.end(g);
                }
                out.add(groups);
            }
        }
        return out;
    }

    List<String> findAll(String s, int n) {
        List<String> out = new ArrayList<>();
        for (int[] m : findAllIndex(s, n)) {
            out.add(s.substring(m[0], m[1]));
        }
        return out;
    }

    /** {@code ReplaceAllString} (expanding {@code $} references) or {@code ReplaceAllLiteralString}. */
    String replaceAll(String s, String repl, boolean literal) {
        StringBuilder out = new StringBuilder();
        int last = 0;
        int lastMatchEnd = 0;
        int searchPos = 0;
        Matcher m = pattern.matcher(s);
        while (searchPos <= s.length() && m.find(searchPos)) {
            out.append(s, last, m.start());
            // Skip an empty match that directly follows a match, as Go does.
            if (m.end() > lastMatchEnd || m.start() == 0) {
                if (literal) {
                    out.append(repl);
                } else {
                    expand(out, repl, s, m);
                }
            }
            last = m.end();
            lastMatchEnd = m.end();
            int width = searchPos < s.length() ? Character.charCount(s.codePointAt(searchPos)) : 0;
            if (searchPos + width > m.end()) {
                searchPos += width;
            } else if (searchPos + 1 > m.end()) {
                searchPos++;
            } else {
                searchPos = m.end();
            }
        }
        out.append(s, last, s.length());
        return out.toString();
    }

    /** Go's {@code Regexp.Expand} template language. */
    private void expand(StringBuilder out, String template, String s, Matcher m) {
        int i = 0;
        while (i < template.length()) {
            int dollar = template.indexOf('$', i);
            if (dollar < 0) {
                out.append(template, i, template.length());
                return;
            }
            out.append(template, i, dollar);
            i = dollar + 1;
            if (i < template.length() && template.charAt(i) == '$') {
                out.append('$');
                i++;
                continue;
            }
            int nameStart = i;
            int nameEnd;
            int next;
            if (i < template.length() && template.charAt(i) == '{') {
                int close = template.indexOf('}', i + 1);
                nameStart = i + 1;
                nameEnd = close;
                next = close + 1;
                if (close < 0 || !isName(template, nameStart, close)) {
                    out.append('$'); // malformed: the '$' is literal text
                    continue;
                }
            } else {
                nameEnd = i;
                while (nameEnd < template.length() && isNameChar(template.charAt(nameEnd))) {
                    nameEnd++;
                }
                next = nameEnd;
                if (nameEnd == nameStart) {
                    out.append('$');
                    continue;
                }
            }
            String name = template.substring(nameStart, nameEnd);
            int group = groupIndex(name);
            if (group >= 0 && group <= groupCount && m.start(group) >= 0) {
                out.append(s, m.start(group), m.end(group));
            }
            i = next;
        }
    }

    private int groupIndex(String name) {
        if (name.chars().allMatch(Character::isDigit)) {
            return name.length() > 8 ? -1 : Integer.parseInt(name);
        }
        return pattern.groupIndex(name);
    }

    private static boolean isName(String t, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (!isNameChar(t.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** {@code Regexp.Split(s, n)}. */
    List<String> split(String s, int n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (!expr.isEmpty() && s.isEmpty()) {
            out.add("");
            return out;
        }
        int beg = 0;
        int end = 0;
        for (int[] match : findAllIndex(s, n)) {
            if (n > 0 && out.size() == n - 1) {
                break;
            }
            end = match[0];
            if (match[1] != 0) {
                out.add(s.substring(beg, end));
            }
            beg = match[1];
        }
        if (end != s.length()) {
            out.add(s.substring(beg));
        }
        return out;
    }

    /** {@code regexp.QuoteMeta}. */
    static String quoteMeta(String s) {
        StringBuilder out = new StringBuilder(s.length() * 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
