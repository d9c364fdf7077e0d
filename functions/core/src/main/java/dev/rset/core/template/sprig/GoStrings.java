package dev.rset.core.template.sprig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of Go's {@code strings} and {@code strconv} packages that sprig builds on, with Go's
 * semantics where Java's differ: Unicode white space per {@code unicode.IsSpace}, simple
 * (one rune to one rune) case mapping, {@code strings.Split} keeping empty fields, byte-based
 * lengths and slicing.
 */
final class GoStrings {
    private GoStrings() {
    }

    /** {@code unicode.IsSpace}: the Unicode White_Space property. */
    static boolean isSpace(int c) {
        return switch (c) {
            case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F,
                    0x205F, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200A;
        };
    }

    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** {@code strings.Trim(s, cutset)}: drops leading and trailing runes contained in cutset. */
    static String trim(String s, String cutset) {
        int start = 0;
        int end = s.length();
        while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    static String toUpper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.toUpperCase(c)));
        return sb.toString();
    }

    static String toLower(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.toLowerCase(c)));
        return sb.toString();
    }

    /** {@code strings.Title}: title-cases the first letter of every word. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            sb.appendCodePoint(isTitleSeparator(prev) ? Character.toTitleCase(c) : c);
            prev = c;
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    /** The word boundary rule of {@code strings.Title}. */
    private static boolean isTitleSeparator(int c) {
        if (c <= 0x7F) {
            if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
                return false;
            }
            return true;
        }
        if (Character.isLetterOrDigit(c)) {
            return false;
        }
        return isSpace(c);
    }

    /** {@code strings.SplitN(s, sep, n)}; n &lt; 0 means all, 0 gives no fields. */
    static List<String> splitN(String s, String sep, int n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (sep.isEmpty()) {
            // Go explodes the string into runes; the last field keeps the rest.
            int i = 0;
            while (i < s.length()) {
                if (n > 0 && out.size() == n - 1) {
                    out.add(s.substring(i));
                    return out;
                }
                int next = i + Character.charCount(s.codePointAt(i));
                out.add(s.substring(i, next));
                i = next;
            }
            return out;
        }
        int start = 0;
        while (n < 0 || out.size() < n - 1) {
            int at = s.indexOf(sep, start);
            if (at < 0) {
                break;
            }
            out.add(s.substring(start, at));
            start = at + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String fromUtf8(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Go's {@code len(s)}: the length in UTF-8 bytes. */
    static int byteLength(String s) {
        return utf8(s).length;
    }

    /** {@code strconv.Quote}, i.e. {@code fmt.Sprintf("%q", s)} for a string. */
    static String quote(String s) {
        return dev.rset.core.gotypes.GoFormat.quote(s);
    }

}
