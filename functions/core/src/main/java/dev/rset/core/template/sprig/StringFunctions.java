package dev.rset.core.template.sprig;

import static dev.rset.core.template.ParamType.ANY;
import static dev.rset.core.template.ParamType.INT;
import static dev.rset.core.template.ParamType.STRING;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.gotypes.GoTypedMap;
import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import dev.rset.core.template.Signature;
import dev.rset.core.template.budget.RenderMeter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** sprig's string functions (strings.go and the string entries of functions.go). */
final class StringFunctions {
    private StringFunctions() {
    }

    static void register(FuncMap m) {
        m.put("hello", Signature.of(), a -> "Hello!");
        m.put("trunc", Signature.of(INT, STRING), a -> trunc(i(a[0]), s(a[1])));
        m.put("trim", Signature.of(STRING), a -> GoStrings.trimSpace(s(a[0])));
        m.put("upper", Signature.of(STRING), a -> GoStrings.toUpper(s(a[0])));
        m.put("lower", Signature.of(STRING), a -> GoStrings.toLower(s(a[0])));
        m.put("title", Signature.of(STRING), a -> GoStrings.title(s(a[0])));
        m.put("substr", Signature.of(INT, INT, STRING), a -> substring(i(a[0]), i(a[1]), s(a[2])));
        m.putMetered("repeat", Signature.of(INT, STRING), (a, meter) -> repeat(s(a[1]), i(a[0]), meter));
        m.put("trimall", Signature.of(STRING, STRING), a -> GoStrings.trim(s(a[1]), s(a[0])));
        m.put("trimAll", Signature.of(STRING, STRING), a -> GoStrings.trim(s(a[1]), s(a[0])));
        m.put("trimSuffix", Signature.of(STRING, STRING), a -> trimSuffix(s(a[1]), s(a[0])));
        m.put("trimPrefix", Signature.of(STRING, STRING),
                a -> s(a[1]).startsWith(s(a[0])) ? s(a[1]).substring(s(a[0]).length()) : s(a[1]));
        m.put("contains", Signature.of(STRING, STRING), a -> s(a[1]).contains(s(a[0])));
        m.put("hasPrefix", Signature.of(STRING, STRING), a -> s(a[1]).startsWith(s(a[0])));
        m.put("hasSuffix", Signature.of(STRING, STRING), a -> s(a[1]).endsWith(s(a[0])));
        m.putMetered("quote", Signature.variadic(ANY), (a, meter) -> quote(a, true, meter));
        m.putMetered("squote", Signature.variadic(ANY), (a, meter) -> quote(a, false, meter));
        m.putMetered("cat", Signature.variadic(ANY), StringFunctions::cat);
        m.putMetered("indent", Signature.of(INT, STRING), (a, meter) -> indent(i(a[0]), s(a[1]), 0, meter));
        m.putMetered("nindent", Signature.of(INT, STRING), (a, meter) -> "\n" + indent(i(a[0]), s(a[1]), 1, meter));
        m.putMetered("replace", Signature.of(STRING, STRING, STRING),
                (a, meter) -> replace(s(a[2]), s(a[0]), s(a[1]), meter));
        m.put("plural", Signature.of(STRING, STRING, INT), a -> i(a[2]) == 1 ? a[0] : a[1]);
        m.put("toString", Signature.of(ANY), a -> GoConv.strval(a[0]));
        m.put("split", Signature.of(STRING, STRING), a -> indexed(GoStrings.splitN(s(a[1]), s(a[0]), -1)));
        m.put("splitn", Signature.of(STRING, INT, STRING),
                a -> indexed(GoStrings.splitN(s(a[2]), s(a[0]), clamp(i(a[1])))));
        m.put("splitList", Signature.of(STRING, STRING),
                a -> GoTypedList.strings(GoStrings.splitN(s(a[1]), s(a[0]), -1)));
        m.put("toStrings", Signature.of(ANY), a -> strslice(a[0]));
        m.putMetered("join", Signature.of(STRING, ANY), (a, meter) -> join(s(a[0]), strslice(a[1]), meter));
        m.put("sortAlpha", Signature.of(ANY), a -> sortAlpha(a[0]));
    }

    static String s(Object o) {
        return (String) o;
    }

    /** A Go int argument; 64 bits wide, so kept as a long. */
    static long i(Object o) {
        return ((GoInt) o).longValue();
    }

    /** A count or limit for Java APIs: beyond any string length either way, so clamping is exact. */
    static int clamp(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    /** Byte-based, as Go's {@code len} and slicing are. */
    static String trunc(long c, String s) {
        byte[] b = GoStrings.utf8(s);
        if (c < 0 && b.length + c > 0) {
            return GoStrings.fromUtf8(b, (int) (b.length + c), b.length);
        }
        if (c >= 0 && b.length > c) {
            return GoStrings.fromUtf8(b, 0, (int) c);
        }
        return s;
    }

    /** sprig {@code substring}, including Go's slice-bounds panics for bad indexes. */
    static String substring(long start, long end, String s) {
        byte[] b = GoStrings.utf8(s);
        if (start < 0) {
            if (end < 0) {
                throw new FunctionException("runtime error: slice bounds out of range [:" + end + "]");
            }
            if (end > b.length) {
                throw new FunctionException("runtime error: slice bounds out of range [:" + end
                        + "] with length " + b.length);
            }
            return GoStrings.fromUtf8(b, 0, (int) end);
        }
        if (end < 0 || end > b.length) {
            if (start > b.length) {
                throw new FunctionException("runtime error: slice bounds out of range [" + start + ":"
                        + b.length + "]");
            }
            return GoStrings.fromUtf8(b, (int) start, b.length);
        }
        if (start > end) {
            throw new FunctionException("runtime error: slice bounds out of range [" + start + ":" + end
                    + "]");
        }
        return GoStrings.fromUtf8(b, (int) start, (int) end);
    }

    static String repeat(String s, long count, RenderMeter meter) {
        if (count < 0) {
            throw new FunctionException("strings: negative Repeat count");
        }
        if (s.isEmpty()) {
            return s;
        }
        if (count > (Integer.MAX_VALUE / 2) / GoStrings.byteLength(s)) {
            // Go would try to allocate it (and likely die); refuse with Go's overflow text instead.
            throw new FunctionException("strings: Repeat output length overflow");
        }
        meter.value(count * s.length());
        return s.repeat((int) count);
    }

    private static String trimSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    /** {@code quote} uses %q of strval; {@code squote} uses '%v'; both skip nil arguments. */
    private static String quote(Object[] args, boolean dbl, RenderMeter meter) {
        List<String> out = new ArrayList<>();
        long size = 0;
        for (Object o : args) {
            if (o != null) {
                String q = dbl ? GoStrings.quote(GoConv.strval(o)) : "'" + GoConv.strval(o) + "'";
                size += q.length() + 1;
                meter.value(size);
                out.add(q);
            }
        }
        return String.join(" ", out);
    }

    private static String cat(Object[] args, RenderMeter meter) {
        List<String> out = new ArrayList<>();
        long size = 0;
        for (Object o : args) {
            if (o != null) {
                String v = GoConv.strval(o);
                size += v.length() + 1;
                meter.value(size);
                out.add(v);
            }
        }
        return String.join(" ", out);
    }

    /** {@code indent}; {@code extra} leading characters ({@code nindent}'s newline) count towards the size. */
    static String indent(long spaces, String v, int extra, RenderMeter meter) {
        if (spaces > 0) {
            long lines = 1 + v.chars().filter(c -> c == '\n').count();
            meter.value(spaces > Long.MAX_VALUE / (lines + 1) ? -1 : v.length() + lines * spaces + extra);
        }
        String pad = repeat(" ", spaces, meter);
        return pad + v.replace("\n", "\n" + pad);
    }

    /** {@code strings.Replace(src, old, new, -1)}; an empty old matches before every rune. */
    static String replace(String src, String old, String repl, RenderMeter meter) {
        if (!old.isEmpty()) {
            if (repl.length() > old.length()) {
                long matches = 0;
                for (int k = src.indexOf(old); k >= 0; k = src.indexOf(old, k + old.length())) {
                    matches++;
                }
                meter.value(src.length() + matches * (repl.length() - old.length()));
            }
            return src.replace(old, repl);
        }
        long runes = src.codePointCount(0, src.length());
        meter.value(src.length() + (runes + 1) * repl.length());
        StringBuilder sb = new StringBuilder(repl);
        src.codePoints().forEach(c -> sb.appendCodePoint(c).append(repl));
        return sb.toString();
    }

    private static String join(String sep, List<Object> parts, RenderMeter meter) {
        long size = (long) sep.length() * Math.max(0, parts.size() - 1);
        for (Object part : parts) {
            size += part.toString().length();
        }
        meter.value(size);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < parts.size(); k++) {
            sb.append(k > 0 ? sep : "").append(parts.get(k));
        }
        return sb.toString();
    }

    /** sprig {@code split}/{@code splitn}: a {@code map[string]string} keyed _0, _1, ... */
    private static GoTypedMap indexed(List<String> parts) {
        GoTypedMap out = new GoTypedMap("string");
        for (int k = 0; k < parts.size(); k++) {
            out.put("_" + k, parts.get(k));
        }
        return out;
    }

    /** sprig {@code strslice}: a slice's non-nil elements as strings, anything else as one. */
    static GoTypedList strslice(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (o != null) {
                    out.add(GoConv.strval(o));
                }
            }
        } else if (v != null) {
            out.add(GoConv.strval(v));
        }
        return GoTypedList.strings(out);
    }

    /** Sorted byte-wise like Go's sort.Strings, i.e. by code point rather than UTF-16 unit. */
    private static GoTypedList sortAlpha(Object v) {
        if (!(v instanceof List)) {
            return GoTypedList.strings(List.of(GoConv.strval(v)));
        }
        String[] a = strslice(v).toArray(new String[0]);
        Arrays.sort(a, StringFunctions::compareCodePoints);
        return GoTypedList.strings(Arrays.asList(a));
    }

    static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}
