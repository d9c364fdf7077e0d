package dev.rset.core.template;

import dev.rset.core.gotypes.GoFormat;
import java.nio.charset.StandardCharsets;

/** The escaping builtins {@code html}, {@code js} and {@code urlquery}, byte for byte as Go's. */
final class Escapers {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Escapers() {
    }

    /**
     * Go's {@code evalArgs}: one string argument as is, otherwise {@code fmt.Sprint} of the
     * arguments with nil printed as {@code <no value>} (which then counts as a string operand).
     */
    static String evalArgs(Object[] args) {
        if (args.length == 1 && args[0] instanceof String s) {
            return s;
        }
        Object[] printable = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            printable[i] = args[i] == null ? "<no value>" : args[i];
        }
        return GoFormat.sprintArgs(printable);
    }

    static String html(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case 0 -> "\uFFFD";
                case '"' -> "&#34;";
                case '\'' -> "&#39;";
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                default -> null;
            };
            if (rep == null) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            sb.append(rep);
        }
        return sb == null ? s : sb.toString();
    }

    static String js(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            switch (r) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '"' -> sb.append("\\\"");
                case '<' -> sb.append("\\u003C");
                case '>' -> sb.append("\\u003E");
                case '&' -> sb.append("\\u0026");
                case '=' -> sb.append("\\u003D");
                default -> {
                    if (r < ' ') {
                        sb.append("\\u00").append(HEX[r >> 4]).append(HEX[r & 0xF]);
                    } else if (r < 0x80 || GoFormat.isPrint(r)) {
                        sb.appendCodePoint(r);
                    } else {
                        sb.append(GoFormat.sprintf("\\u%04X", dev.rset.core.gotypes.GoInt.of(r)));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Go's {@code url.QueryEscape}: unreserved bytes stay, space becomes '+', the rest %XX. */
    static String urlQuery(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }
}
