package dev.rset.core.template.sprig;

/** Reads a Go double-quoted string literal, as written by {@code strconv.Quote}. */
final class GoQuote {
    private GoQuote() {
    }

    static String unquote(String q) {
        if (q.length() < 2 || q.charAt(0) != '"' || q.charAt(q.length() - 1) != '"') {
            throw new IllegalArgumentException("not a Go string literal: " + q);
        }
        StringBuilder sb = new StringBuilder();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 1; i < q.length() - 1; i++) {
            char c = q.charAt(i);
            if (c != '\\') {
                flush(sb, bytes);
                sb.append(c);
                continue;
            }
            char e = q.charAt(++i);
            switch (e) {
                case 'x' -> {
                    bytes.write(Integer.parseInt(q.substring(i + 1, i + 3), 16));
                    i += 2;
                    continue;
                }
                case 'u', 'U' -> {
                    int n = e == 'u' ? 4 : 8;
                    flush(sb, bytes);
                    sb.appendCodePoint(Integer.parseInt(q.substring(i + 1, i + 1 + n), 16));
                    i += n;
                    continue;
                }
                default -> {
                }
            }
            flush(sb, bytes);
            sb.append(switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'a' -> (char) 7;
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'v' -> (char) 11;
                default -> e;
            });
        }
        flush(sb, bytes);
        return sb.toString();
    }

    /** \x escapes are raw bytes; consecutive ones form UTF-8 sequences. */
    private static void flush(StringBuilder sb, java.io.ByteArrayOutputStream bytes) {
        if (bytes.size() > 0) {
            sb.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
            bytes.reset();
        }
    }
}
