package dev.rset.forge.notify;

/**
 * Makes text from users (a pull request's title, branch, author; error messages that quote them)
 * inert in the Markdown forges render: every punctuation character Markdown gives an inline
 * meaning is backslash-escaped (so {@code ](http://evil)} cannot close a link or open one), as are
 * a list marker or {@code 1.} at the start (a template may put the value first on a line); HTML is written as
 * entities, and the sequences forges turn into links on their own are broken with a zero-width
 * space: {@code @} (mentions of users and teams), {@code #} (issue references), {@code ://} and
 * {@code www.} (autolinks). The text reads the same on the page.
 */
public final class Markdown {
    private static final char ZWSP = '\u200B';
    private static final String ESCAPED = "\\`*_{}[]()!|~";

    private Markdown() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '@', '#' -> out.append(c).append(ZWSP);
                case '\r', '\n' -> out.append(' ');
                default -> {
                    if (ESCAPED.indexOf(c) >= 0 || startsBlock(text, i)) {
                        out.append('\\');
                    }
                    out.append(c);
                    if (c == '.' && i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3)) {
                        out.append(ZWSP);
                    }
                    if (c == ':' && text.startsWith("//", i + 1)) {
                        out.append(ZWSP);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A list marker or an ordered list's {@code 1.} where a value starts: it could begin a block. */
    private static boolean startsBlock(String text, int i) {
        char c = text.charAt(i);
        if (i == 0) {
            return c == '-' || c == '+' || c == '=';
        }
        return (c == '.' || c == ')') && text.substring(0, i).chars().allMatch(Character::isDigit);
    }

    /**
     * A URL that may stand in a Markdown link target: http(s) only, with the characters that
     * could end the target or start markup percent-encoded; empty for anything else (non-ASCII
     * hosts must be given in punycode).
     */
    public static String url(String url) {
        String u = url.trim();
        if (!(u.startsWith("https://") || u.startsWith("http://")) || u.length() > 2048) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : u.toCharArray()) {
            if (c >= 0x7f) {
                return "";
            }
            if (c <= ' ' || "()<>[]\"'`\\".indexOf(c) >= 0) {
                out.append(String.format("%%%02X", (int) c & 0xff));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
