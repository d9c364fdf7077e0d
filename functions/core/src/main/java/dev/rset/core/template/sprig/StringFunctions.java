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
        m.put("repeat", Signature.of(INT, STRING), a -> repeat(s(a[1]), i(a[0])));
        m.put("trimall", Signature.of(STRING, STRING), a -> GoStrings.trim(s(a[1]), s(a[0])));
        m.put("trimAll", Signature.of(STRING, STRING), a -> GoStrings.trim(s(a[1]), s(a[0])));
        m.put("trimSuffix", Signature.of(STRING, STRING), a -> trimSuffix(s(a[1]), s(a[0])));
        m.put("trimPrefix", Signature.of(STRING, STRING),
                a -> s(a[1]).startsWith(s(a[0])) ? s(a[1]).substring(s(a[0]).length()) : s(a[1]));
        m.put("contains", Signature.of(STRING, STRING), a -> s(a[1]).contains(s(a[0])));
        m.put("hasPrefix", Signature.of(STRING, STRING), a -> s(a[1]).startsWith(s(a[0])));
        m.put("hasSuffix", Signature.of(STRING, STRING), a -> s(a[1]).endsWith(s(a[0])));
        m.put("quote", Signature.variadic(ANY), a -> quote(a, true));
        m.put("squote", Signature.variadic(ANY), a -> quote(a, false));
        m.put("cat", Signature.variadic(ANY), StringFunctions::cat);
        m.put("indent", Signature.of(INT, STRING), a -> indent(i(a[0]), s(a[1])));
        m.put("nindent", Signature.of(INT, STRING), a -> "\n" + indent(i(a[0]), s(a[1])));
        m.put("replace", Signature.of(STRING, STRING, STRING), a -> replace(s(a[2]), s(a[0]), s(a[1])));
        m.put("plural", Signature.of(STRING, STRING, INT), a -> i(a[2]) == 1 ? a[0] : a[1]);
        m.put("toString", Signature.of(ANY), a -> GoConv.strval(a[0]));
        m.put("split", Signature.of(STRING, STRING), a -> indexed(GoStrings.splitN(s(a[1]), s(a[0]), -1)));
        m.put("splitn", Signature.of(STRING, INT, STRING),
                a -> indexed(GoStrings.splitN(s(a[2]), s(a[0]), clamp(i(a[1])))));
        m.put("splitList", Signature.of(STRING, STRING),
                a -> GoTypedList.strings(GoStrings.splitN(s(a[1]), s(a[0]), -1)));
        m.put("toStrings", Signature.of(ANY), a -> strslice(a[0]));
        m.put("join", Signature.of(STRING, ANY), a -> join(s(a[0]), strslice(a[1])));
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

    static String repeat(String s, long count) {
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
        return s.repeat((int) count);
    }

    private static String trimSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    /** {@code quote} uses %q of strval; {@code squote} uses '%v'; both skip nil arguments. */
    private static String quote(Object[] args, boolean dbl) {
        List<String> out = new ArrayList<>();
        for (Object o : args) {
            if (o != null) {
                out.add(dbl ? GoStrings.quote(GoConv.strval(o)) : "'" + GoConv.strval(o) + "'");
            }
        }
        return String.join(" ", out);
    }

    private static String cat(Object[] args) {
        List<String> out = new ArrayList<>();
        for (Object o : args) {
            if (o != null) {
                out.add(GoConv.strval(o));
            }
        }
        return String.join(" ", out);
    }

    static String indent(long spaces, String v) {
        String pad = repeat(" ", spaces);
        return pad + v.replace("\n", "\n" + pad);
    }

    /** {@code strings.Replace(src, old, new, -1)}; an empty old matches before every rune. */
    static String replace(String src, String old, String repl) {
        if (!old.isEmpty()) {
            return src.replace(old, repl);
        }
        StringBuilder sb = new StringBuilder(repl);
        src.codePoints().forEach(c -> sb.appendCodePoint(c).append(repl));
        return sb.toString();
    }

    private static String join(String sep, List<Object> parts) {
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
