package dev.rset.core.template.sprig;

import static dev.rset.core.template.ParamType.INT;
import static dev.rset.core.template.ParamType.STRING;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import dev.rset.core.template.Signature;

/**
 * sprig's regex.go. The plain variants compile with {@code regexp.MustCompile}, so a bad pattern
 * fails with the panic text; {@code regexMatch} alone swallows it and answers false.
 */
final class RegexFunctions {
    private RegexFunctions() {
    }

    private static String s(Object o) {
        return (String) o;
    }

    /** A Go int count; any value past the string's length means "all", so clamping is exact. */
    private static int n(Object o) {
        return StringFunctions.clamp(((GoInt) o).longValue());
    }

    static void register(FuncMap m) {
        m.put("regexMatch", Signature.of(STRING, STRING), a -> {
            try {
                return GoRegex.compile(s(a[0])).matches(s(a[1]));
            } catch (FunctionException invalid) {
                return false;
            }
        });
        m.put("mustRegexMatch", Signature.of(STRING, STRING), a -> GoRegex.compile(s(a[0])).matches(s(a[1])));
        m.put("regexFindAll", Signature.of(STRING, STRING, INT),
                a -> GoTypedList.strings(GoRegex.mustCompile(s(a[0])).findAll(s(a[1]), n(a[2]))));
        m.put("mustRegexFindAll", Signature.of(STRING, STRING, INT),
                a -> GoTypedList.strings(GoRegex.compile(s(a[0])).findAll(s(a[1]), n(a[2]))));
        m.put("regexFind", Signature.of(STRING, STRING), a -> GoRegex.mustCompile(s(a[0])).find(s(a[1])));
        m.put("mustRegexFind", Signature.of(STRING, STRING), a -> GoRegex.compile(s(a[0])).find(s(a[1])));
        m.put("regexReplaceAll", Signature.of(STRING, STRING, STRING),
                a -> GoRegex.mustCompile(s(a[0])).replaceAll(s(a[1]), s(a[2]), false));
        m.put("mustRegexReplaceAll", Signature.of(STRING, STRING, STRING),
                a -> GoRegex.compile(s(a[0])).replaceAll(s(a[1]), s(a[2]), false));
        m.put("regexReplaceAllLiteral", Signature.of(STRING, STRING, STRING),
                a -> GoRegex.mustCompile(s(a[0])).replaceAll(s(a[1]), s(a[2]), true));
        m.put("mustRegexReplaceAllLiteral", Signature.of(STRING, STRING, STRING),
                a -> GoRegex.compile(s(a[0])).replaceAll(s(a[1]), s(a[2]), true));
        m.put("regexSplit", Signature.of(STRING, STRING, INT),
                a -> GoTypedList.strings(GoRegex.mustCompile(s(a[0])).split(s(a[1]), n(a[2]))));
        m.put("mustRegexSplit", Signature.of(STRING, STRING, INT),
                a -> GoTypedList.strings(GoRegex.compile(s(a[0])).split(s(a[1]), n(a[2]))));
        m.put("regexQuoteMeta", Signature.of(STRING), a -> GoRegex.quoteMeta(s(a[0])));
    }
}
