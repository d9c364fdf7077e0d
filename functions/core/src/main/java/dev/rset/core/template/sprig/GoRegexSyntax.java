package dev.rset.core.template.sprig;

import dev.rset.core.template.FunctionException;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates Go RE2 syntax into an equivalent {@link java.util.regex.Pattern} source, rejecting
 * what Go rejects with Go's {@code error parsing regexp: ...} texts. Differences handled: named
 * groups {@code (?P<name>)}, {@code $} meaning end of text outside multi-line mode, {@code \s}
 * and {@code \v}, octal escapes, POSIX classes, and characters that are literal in Go but special
 * in Java ({@code [} and {@code &&} inside classes, a {@code {} that starts no repetition).
 */
final class GoRegexSyntax {
    private static final Map<String, String> POSIX = new HashMap<>();

    static {
        POSIX.put("alnum", "0-9A-Za-z");
        POSIX.put("alpha", "A-Za-z");
        POSIX.put("ascii", "\\x00-\\x7F");
        POSIX.put("blank", "\\t ");
        POSIX.put("cntrl", "\\x00-\\x1F\\x7F");
        POSIX.put("digit", "0-9");
        POSIX.put("graph", "!-~");
        POSIX.put("lower", "a-z");
        POSIX.put("print", " -~");
        POSIX.put("punct", "!-/:-@\\[-`{-~");
        POSIX.put("space", "\\t\\n\\x0B\\f\\r ");
        POSIX.put("upper", "A-Z");
        POSIX.put("word", "0-9A-Za-z_");
        POSIX.put("xdigit", "0-9A-Fa-f");
    }

    /** A translated pattern and the Go names of its capture groups (index to name). */
    record Translated(String javaSource, Map<String, Integer> groupNames, int groupCount) {
    }

    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, Integer> names = new HashMap<>();
    private final boolean multiLine;
    private int pos;
    private int groups;
    private int depth;
    /** Whether the last item can take a repetition operator, and the text of a preceding one. */
    private boolean operand;
    private String lastRepeat;

    private GoRegexSyntax(String src) {
        this.src = src;
        this.multiLine = src.matches("(?s).*\\(\\?[imsU]*m.*");
    }

    static Translated translate(String goRegex) {
        GoRegexSyntax t = new GoRegexSyntax(goRegex);
        t.parse();
        return new Translated(t.out.toString(), t.names, t.groups);
    }

    private static FunctionException error(String code, String expr) {
        return new FunctionException("error parsing regexp: " + code + ": `" + expr + "`");
    }

    private void parse() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            switch (c) {
                case '(' -> openGroup();
                case ')' -> {
                    if (depth == 0) {
                        throw error("unexpected )", src);
                    }
                    depth--;
                    pos++;
                    out.append(')');
                    atom();
                }
                case '|' -> {
                    pos++;
                    out.append('|');
                    operand = false;
                    lastRepeat = null;
                }
                case '*', '+', '?' -> repeat(String.valueOf(c), 1);
                case '{' -> brace();
                case '[' -> charClass();
                case '\\' -> {
                    out.append(escape(false));
                    atom();
                }
                case '$' -> {
                    pos++;
                    out.append(multiLine ? "$" : "\\z");
                    operand = true;
                    lastRepeat = null;
                }
                case '^' -> {
                    pos++;
                    out.append('^');
                    operand = true;
                    lastRepeat = null;
                }
                default -> {
                    int cp = src.codePointAt(pos);
                    pos += Character.charCount(cp);
                    out.appendCodePoint(cp);
                    atom();
                }
            }
        }
        if (depth > 0) {
            throw error("missing closing )", src);
        }
    }

    private void atom() {
        operand = true;
        lastRepeat = null;
    }

    private void repeat(String op, int len) {
        int start = pos;
        pos += len;
        if (pos < src.length() && src.charAt(pos) == '?') {
            pos++; // non-greedy
        }
        String text = src.substring(start, pos);
        if (lastRepeat != null) {
            throw error("invalid nested repetition operator", lastRepeat + op);
        }
        if (!operand) {
            throw error("missing argument to repetition operator", op);
        }
        out.append(text);
        lastRepeat = op;
    }

    /** A {@code {n}}, {@code {n,}} or {@code {n,m}} repetition, else a literal brace. */
    private void brace() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)(,(\\d*))?\\}")
                .matcher(src).region(pos, src.length());
        if (!m.lookingAt()) {
            pos++;
            out.append("\\{");
            atom();
            return;
        }
        String op = m.group();
        long min = parseCount(m.group(1));
        long max = m.group(2) == null ? min : m.group(3).isEmpty() ? -1 : parseCount(m.group(3));
        if (min > 1000 || max > 1000 || max >= 0 && max < min) {
            throw error("invalid repeat count", op);
        }
        repeat(op, op.length());
    }

    private static long parseCount(String digits) {
        return digits.length() > 5 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private void openGroup() {
        if (!src.startsWith("(?", pos)) {
            pos++;
            groups++;
            depth++;
            out.append('(');
            operand = false;
            lastRepeat = null;
            return;
        }
        if (src.startsWith("(?P<", pos) || src.startsWith("(?<", pos)) {
            int nameStart = src.indexOf('<', pos) + 1;
            int end = src.indexOf('>', nameStart);
            if (end < 0) {
                throw error("invalid named capture", src.substring(pos));
            }
            String name = src.substring(nameStart, end);
            if (name.isEmpty() || !name.matches("[A-Za-z0-9_]+")) {
                throw error("invalid named capture", src.substring(pos, end + 1));
            }
            groups++;
            names.putIfAbsent(name, groups);
            pos = end + 1;
            depth++;
            out.append('(');
            operand = false;
            lastRepeat = null;
            return;
        }
        // Flags: (?flags) or (?flags:re), flags from imsU with an optional '-'.
        int i = pos + 2;
        StringBuilder flags = new StringBuilder();
        while (i < src.length() && "imsU-".indexOf(src.charAt(i)) >= 0) {
            char f = src.charAt(i);
            if (f != 'U') { // Java has no ungreedy mode; 'U' means something else there
                flags.append(f);
            }
            i++;
        }
        if (i < src.length() && (src.charAt(i) == ')' || src.charAt(i) == ':')) {
            boolean group = src.charAt(i) == ':';
            String f = flags.toString();
            out.append("(?").append(f.equals("-") ? "" : f).append(group ? ":" : ")");
            if (group) {
                depth++;
            } else if (f.isEmpty() || f.equals("-")) {
                out.setLength(out.length() - 3); // "(?)" is no-op
            }
            pos = i + 1;
            operand = false;
            lastRepeat = null;
            return;
        }
        throw error("invalid or unsupported Perl syntax", src.substring(pos, Math.min(i + 1, src.length())));
    }

    /** Translates the escape at {@code pos} (a backslash); inside a class when {@code inClass}. */
    private String escape(boolean inClass) {
        if (pos + 1 >= src.length()) {
            throw error("trailing backslash at end of expression", "");
        }
        char c = src.charAt(pos + 1);
        int start = pos;
        pos += 2;
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7', '0' -> {
                if (c != '0' && (pos >= src.length() || src.charAt(pos) < '0' || src.charAt(pos) > '7')) {
                    throw error("invalid escape sequence", src.substring(start, pos));
                }
                int value = c - '0';
                for (int k = 0; k < 2 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; k++) {
                    value = value * 8 + (src.charAt(pos++) - '0');
                }
                return String.format("\\x{%x}", value);
            }
            case 's' -> {
                return inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]";
            }
            case 'S' -> {
                return inClass ? "\\x00-\\x08\\x0B\\x0E-\\x1F!-\\x{10FFFF}" : "[^\\t\\n\\f\\r ]";
            }
            case 'v' -> {
                return "\\x{b}";
            }
            case 'd', 'D', 'w', 'W', 'a', 'f', 'n', 'r', 't' -> {
                return src.substring(start, pos);
            }
            case 'A', 'b', 'B', 'z' -> {
                if (inClass) {
                    throw error("invalid escape sequence", src.substring(start, pos));
                }
                return src.substring(start, pos);
            }
            case 'x' -> {
                return hexEscape(start);
            }
            case 'p', 'P' -> {
                return unicodeClass(start, c == 'P');
            }
            case 'Q' -> {
                int end = src.indexOf("\\E", pos);
                String lit = end < 0 ? src.substring(pos) : src.substring(pos, end);
                pos = end < 0 ? src.length() : end + 2;
                return java.util.regex.Pattern.quote(lit);
            }
            default -> {
                if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                    return "\\" + c;
                }
                int end = start + 1 + Character.charCount(src.codePointAt(start + 1));
                throw error("invalid escape sequence", src.substring(start, end));
            }
        }
    }

    private String hexEscape(int start) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([0-9a-fA-F]+)\\}|[0-9a-fA-F]{2}")
                .matcher(src).region(pos, src.length());
        if (!m.lookingAt()) {
            throw error("invalid escape sequence", src.substring(start, Math.min(src.length(), pos + 1)));
        }
        pos = m.end();
        String hex = m.group(1) != null ? m.group(1) : m.group();
        if (hex.length() > 8 || Long.parseLong(hex, 16) > 0x10FFFF) {
            throw error("invalid escape sequence", src.substring(start, pos));
        }
        return "\\x{" + hex + "}";
    }

    private String unicodeClass(int start, boolean negated) {
        String name;
        if (pos < src.length() && src.charAt(pos) == '{') {
            int end = src.indexOf('}', pos);
            if (end < 0) {
                throw error("invalid character class range", src.substring(start));
            }
            name = src.substring(pos + 1, end);
            pos = end + 1;
        } else if (pos < src.length()) {
            name = src.substring(pos, pos + 1);
            pos++;
        } else {
            throw error("invalid character class range", src.substring(start));
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        String javaName = name.equals("Any") ? "\\x{0}-\\x{10FFFF}"
                : name.matches("[A-Z][a-z]?") ? name : "Is" + name;
        String p = (negated ? "\\P{" : "\\p{") + javaName + "}";
        if (name.equals("Any")) {
            p = negated ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]";
        }
        try {
            java.util.regex.Pattern.compile(p);
        } catch (java.util.regex.PatternSyntaxException unknown) {
            throw error("invalid character class range", src.substring(start, pos));
        }
        return p;
    }

    private void charClass() {
        int start = pos;
        pos++;
        out.append('[');
        if (pos < src.length() && src.charAt(pos) == '^') {
            out.append('^');
            pos++;
        }
        boolean first = true;
        while (true) {
            if (pos >= src.length()) {
                throw error("missing closing ]", src.substring(start));
            }
            char c = src.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                break;
            }
            first = false;
            if (c == '[' && src.startsWith("[:", pos)) {
                int end = src.indexOf(":]", pos + 2);
                if (end >= 0) {
                    String name = src.substring(pos + 2, end);
                    boolean neg = name.startsWith("^");
                    String set = POSIX.get(neg ? name.substring(1) : name);
                    if (set == null) {
                        throw error("invalid character class range", src.substring(pos, end + 2));
                    }
                    out.append(neg ? "[^" + set + "]" : set);
                    pos = end + 2;
                    continue;
                }
            }
            int memberStart = pos;
            Member lo = classMember();
            if (lo.cp() >= 0 && pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
                pos++;
                Member hi = classMember();
                if (hi.cp() < 0 || hi.cp() < lo.cp()) {
                    throw error("invalid character class range", src.substring(memberStart, pos));
                }
                out.append(lo.java()).append('-').append(hi.java());
            } else {
                out.append(lo.java());
            }
        }
        out.append(']');
        atom();
    }

    /** One member of a character class: a single character (cp &gt;= 0) or a class escape. */
    private record Member(int cp, String java) {
    }

    private Member classMember() {
        if (src.charAt(pos) == '\\') {
            char e = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
            String translated = escape(true);
            if ("dDwWsSpP".indexOf(e) >= 0) {
                return new Member(-1, translated);
            }
            int cp = literalOf(translated);
            return new Member(cp, classLiteral(cp));
        }
        int cp = src.codePointAt(pos);
        pos += Character.charCount(cp);
        return new Member(cp, classLiteral(cp));
    }

    private static int literalOf(String javaEscape) {
        if (javaEscape.startsWith("\\x{")) {
            return Integer.parseInt(javaEscape.substring(3, javaEscape.length() - 1), 16);
        }
        return switch (javaEscape) {
            case "\\a" -> 7;
            case "\\f" -> '\f';
            case "\\n" -> '\n';
            case "\\r" -> '\r';
            case "\\t" -> '\t';
            default -> javaEscape.codePointAt(javaEscape.length() - 1);
        };
    }

    /** A class member as Java source; ASCII punctuation is escaped since Java gives it meaning. */
    private static String classLiteral(int cp) {
        if (cp < 0x80 && !Character.isLetterOrDigit(cp) && cp != ' ') {
            return String.format("\\x{%x}", cp);
        }
        return new String(Character.toChars(cp));
    }
}
