package dev.rset.core.yaml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's encoding/json decoder into {@code interface{}}, with Go's syntax error texts. It works on
 * UTF-8 bytes because Go names the offending byte, not the character, in its messages.
 */
final class JsonDecoder {
    /** How numbers are typed: Go's float64 everywhere, or Kubernetes' int64-when-integral. */
    enum Numbers { FLOAT64, KUBERNETES }

    private static final String EOF_MESSAGE = "unexpected end of JSON input";

    /**
     * Go stops at 10,000 nested arrays and objects; this decoder recurses once per level, so it
     * stops where YAML does, well inside a default thread stack, with Go's words.
     */
    static final int MAX_DEPTH = YamlComposer.MAX_DEPTH;

    private final byte[] in;
    private final Numbers numbers;
    private int pos;
    private int depth;
    /** Go reports a number out of float64 range only after the whole input proved valid. */
    private String rangeError;

    private JsonDecoder(byte[] in, Numbers numbers) {
        this.in = in;
        this.numbers = numbers;
    }

    /** {@code json.Unmarshal(data, &v)} with v an {@code interface{}}. */
    static Object decode(String text, Numbers numbers) {
        JsonDecoder d = new JsonDecoder(utf8(text), numbers);
        d.skipSpace();
        Object v = d.value();
        d.skipSpace();
        if (d.pos < d.in.length) {
            throw d.invalid("after top-level value");
        }
        if (d.rangeError != null) {
            throw new GoJsonException(d.rangeError);
        }
        return v;
    }

    /** A stream of concatenated JSON values, as {@code json.Decoder} reads them one by one. */
    static List<Object> decodeStream(String text, Numbers numbers) {
        JsonDecoder d = new JsonDecoder(utf8(text), numbers);
        List<Object> values = new ArrayList<>();
        d.skipSpace();
        while (d.pos < d.in.length) {
            values.add(d.value());
            if (d.rangeError != null) {
                throw new GoJsonException(d.rangeError);
            }
            d.skipSpace();
        }
        return values;
    }

    /** UTF-8 bytes; a lone surrogate becomes U+FFFD as Go would see invalid UTF-8. */
    private static byte[] utf8(String s) {
        StringBuilder clean = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone && clean == null) {
                clean = new StringBuilder(s.substring(0, i));
            }
            if (clean != null) {
                clean.append(lone ? '\uFFFD' : c);
            }
        }
        return (clean == null ? s : clean.toString()).getBytes(StandardCharsets.UTF_8);
    }

    private void skipSpace() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }

    private int peek() {
        if (pos >= in.length) {
            throw new GoJsonException(EOF_MESSAGE);
        }
        return in[pos] & 0xFF;
    }

    private GoJsonException invalid(String context) {
        return new GoJsonException("invalid character " + quoteChar(in[pos] & 0xFF) + " " + context);
    }

    private Object value() {
        int c = peek();
        switch (c) {
            case '{':
            case '[':
                if (++depth > MAX_DEPTH) {
                    throw invalid("exceeded max depth");
                }
                Object nested = c == '{' ? object() : array();
                depth--;
                return nested;
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw invalid("looking for beginning of value");
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek() == '}') {
            pos++;
            return m;
        }
        while (true) {
            if (peek() != '"') {
                throw invalid("looking for beginning of object key string");
            }
            String key = string();
            skipSpace();
            if (peek() != ':') {
                throw invalid("after object key");
            }
            pos++;
            skipSpace();
            m.put(key, value());
            skipSpace();
            int c = peek();
            if (c == '}') {
                pos++;
                return m;
            }
            if (c != ',') {
                throw invalid("after object key:value pair");
            }
            pos++;
            skipSpace();
        }
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek() == ']') {
            pos++;
            return l;
        }
        while (true) {
            l.add(value());
            skipSpace();
            int c = peek();
            if (c == ']') {
                pos++;
                return l;
            }
            if (c != ',') {
                throw invalid("after array element");
            }
            pos++;
            skipSpace();
        }
    }

    private Object literal(String word, Object result) {
        for (int i = 0; i < word.length(); i++) {
            if (peek() != word.charAt(i)) {
                throw invalid("in literal " + word + " (expecting " + quoteChar(word.charAt(i)) + ")");
            }
            pos++;
        }
        return result;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
            if (peek() < '0' || peek() > '9') {
                throw invalid("in numeric literal");
            }
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits();
        }
        if (pos < in.length && in[pos] == '.') {
            pos++;
            if (peek() < '0' || peek() > '9') {
                throw invalid("after decimal point in numeric literal");
            }
            digits();
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (peek() < '0' || peek() > '9') {
                throw invalid("in exponent of numeric literal");
            }
            digits();
        }
        String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        if (numbers == Numbers.KUBERNETES) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notInt64) {
                // falls through to float64, as Kubernetes' decoder does
            }
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d) && rangeError == null) {
            rangeError = "json: cannot unmarshal number " + text + " into Go value of type float64";
        }
        return d;
    }

    private void digits() {
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
    }

    private String string() {
        pos++;
        StringBuilder sb = new StringBuilder();
        int runStart = pos;
        while (true) {
            int c = peek();
            if (c == '"') {
                sb.append(new String(in, runStart, pos - runStart, StandardCharsets.UTF_8));
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw invalid("in string literal");
            }
            if (c == '\\') {
                sb.append(new String(in, runStart, pos - runStart, StandardCharsets.UTF_8));
                pos++;
                escape(sb);
                runStart = pos;
            } else {
                pos++;
            }
        }
    }

    private void escape(StringBuilder sb) {
        int c = peek();
        pos++;
        switch (c) {
            case '"', '\\', '/' -> sb.append((char) c);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                int u = hex4();
                if (Character.isHighSurrogate((char) u) && pos + 1 < in.length && in[pos] == '\\'
                        && in[pos + 1] == 'u') {
                    int save = pos;
                    pos += 2;
                    int low = hex4();
                    if (Character.isLowSurrogate((char) low)) {
                        sb.appendCodePoint(Character.toCodePoint((char) u, (char) low));
                        return;
                    }
                    pos = save;
                }
                sb.append(Character.isSurrogate((char) u) ? '\uFFFD' : (char) u);
            }
            default -> {
                pos--;
                throw invalid("in string escape code");
            }
        }
    }

    private int hex4() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int c = peek();
            int d = Character.digit(c, 16);
            if (d < 0 || c > 'f') {
                throw invalid("in \\u hexadecimal character escape");
            }
            v = v * 16 + d;
            pos++;
        }
        return v;
    }

    /** Go's {@code quoteChar}: the byte as a rune, quoted like strconv.Quote but in single quotes. */
    static String quoteChar(int b) {
        if (b == '\'') {
            return "'\\''";
        }
        if (b == '"') {
            return "'\"'";
        }
        String s = switch (b) {
            case 7 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x0B -> "\\v";
            case '\\' -> "\\\\";
            default -> {
                if (b < 0x20 || b == 0x7F) {
                    yield String.format("\\x%02x", b);
                }
                if (b >= 0x80 && b < 0xA0 || b == 0xA0 || b == 0xAD) {
                    yield String.format("\\u%04x", b);
                }
                yield String.valueOf((char) b);
            }
        };
        return "'" + s + "'";
    }
}
