package dev.rset.core.gotypes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Go's {@code fmt} and the parts of {@code strconv} it relies on, applied to template values (see
 * {@link GoTypes} for the value mapping).
 *
 * <p>Go strings are UTF-8 bytes while Java strings are UTF-16; every width, precision and
 * {@code %x} here counts runes or UTF-8 bytes as Go does. The implementation classes are nested
 * because this file is the gotypes package's formatting unit: {@link Printer} is {@code fmt}'s
 * printer state, {@link Floats} is {@code strconv.FormatFloat}, {@link Quoting} is
 * {@code strconv.Quote}.
 */
public final class GoFormat {
    private GoFormat() {
    }

    /** No limit on the size of what is printed. */
    private static final LongConsumer UNCHECKED = n -> { };

    /** {@code fmt.Sprint(v)}, i.e. the {@code %v} verb applied to one operand. */
    public static String sprint(Object v) {
        return sprint(v, UNCHECKED);
    }

    /**
     * {@code fmt.Sprint(v)}; {@code sizeCheck} is told the size the output is about to reach
     * before each write that may make it large, and throws to stop it.
     */
    public static String sprint(Object v, LongConsumer sizeCheck) {
        Printer p = new Printer(sizeCheck);
        p.printArg(v, 'v');
        return p.buf.toString();
    }

    /**
     * {@code fmt.Sprint(args...)}: operands in their {@code %v} form, with a space between two
     * operands when neither is a string.
     */
    public static String sprintArgs(Object... args) {
        return sprintArgs(UNCHECKED, args);
    }

    /** {@code fmt.Sprint(args...)} with a size check, as {@link #sprint(Object, LongConsumer)}. */
    public static String sprintArgs(LongConsumer sizeCheck, Object... args) {
        Printer p = new Printer(sizeCheck);
        boolean prevString = false;
        for (int i = 0; i < args.length; i++) {
            boolean isString = args[i] instanceof String;
            if (i > 0 && !isString && !prevString) {
                p.buf.append(' ');
            }
            p.printArg(args[i], 'v');
            prevString = isString;
        }
        return p.buf.toString();
    }

    /** {@code fmt.Sprintln(args...)}: operands separated by spaces, then a newline. */
    public static String sprintln(Object... args) {
        return sprintln(UNCHECKED, args);
    }

    /** {@code fmt.Sprintln(args...)} with a size check, as {@link #sprint(Object, LongConsumer)}. */
    public static String sprintln(LongConsumer sizeCheck, Object... args) {
        Printer p = new Printer(sizeCheck);
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                p.buf.append(' ');
            }
            p.printArg(args[i], 'v');
        }
        p.buf.append('\n');
        return p.buf.toString();
    }

    /** {@code fmt.Sprintf(format, args...)}, including Go's in-band error forms such as {@code %!d(string=x)}. */
    public static String sprintf(String format, Object... args) {
        return sprintf(UNCHECKED, format, args);
    }

    /** {@code fmt.Sprintf(format, args...)} with a size check, as {@link #sprint(Object, LongConsumer)}. */
    public static String sprintf(LongConsumer sizeCheck, String format, Object... args) {
        Printer p = new Printer(sizeCheck);
        p.doPrintf(format, args);
        return p.buf.toString();
    }

    /** {@code strconv.FormatFloat(f, 'g', -1, 64)}, the form {@code %v} prints, e.g. {@code 2.5}, {@code 1e+06}. */
    public static String formatFloat(double f) {
        return Floats.format(f, 'g', -1);
    }

    /** {@code strconv.FormatFloat(f, fmt, prec, 64)} for {@code fmt} one of {@code b e E f g G x X}. */
    public static String formatFloat(double f, char fmt, int prec) {
        return Floats.format(f, fmt, prec);
    }

    /** {@code strconv.Quote(s)}: a double-quoted Go string literal. */
    public static String quote(String s) {
        return Quoting.quote(s, '"', false);
    }

    /** {@code strconv.QuoteToASCII(s)}. */
    public static String quoteToASCII(String s) {
        return Quoting.quote(s, '"', true);
    }

    /** {@code strconv.QuoteRune(r)}: a single-quoted Go character literal. */
    public static String quoteRune(int r) {
        return Quoting.quoteRune(r, false);
    }

    /** {@code strconv.IsPrint(r)}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    public static boolean isPrint(int r) {
        return Quoting.isPrint(r);
    }

    /**
     * Go's string ordering (byte-wise on UTF-8, i.e. by code point), which differs from
     * {@link String#compareTo} for characters outside the Basic Multilingual Plane.
     */
    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                // Surrogates encode code points above every BMP character.
                boolean sa = Character.isSurrogate(ca);
                boolean sb = Character.isSurrogate(cb);
                if (sa != sb) {
                    return sa ? 1 : -1;
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }

    /** The number of runes Go counts in {@code s}. */
    public static int runeCount(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }

    /** fmt's printer: one format operation's flags and output buffer. */
    private static final class Printer {
        final StringBuilder buf = new StringBuilder();
        /** Told the length the buffer is about to reach before each large write. */
        final LongConsumer sizeCheck;
        boolean widPresent;
        boolean precPresent;
        boolean minus;
        boolean plus;
        boolean sharp;
        boolean space;
        boolean zero;
        boolean plusV;
        boolean sharpV;
        int wid;
        int prec;
        /** The operand being printed, for error forms; {@link #elementMode} when it came from a container. */
        Object arg;
        boolean elementMode;
        boolean reordered;
        boolean goodArgNum;

        void clearFlags() {
            widPresent = false;
            precPresent = false;
            minus = false;
            plus = false;
            sharp = false;
            space = false;
            zero = false;
            plusV = false;
            sharpV = false;
            wid = 0;
            prec = 0;
        }

        // ---- padding ----

        Printer(LongConsumer sizeCheck) {
            this.sizeCheck = sizeCheck;
        }

        void writePadding(int n) {
            if (n > 0) {
                sizeCheck.accept((long) buf.length() + n);
            }
            char pad = zero && !minus ? '0' : ' ';
            for (int i = 0; i < n; i++) {
                buf.append(pad);
            }
        }

        void padString(String s) {
            sizeCheck.accept((long) buf.length() + s.length());
            if (!widPresent || wid == 0) {
                buf.append(s);
                return;
            }
            int width = wid - runeCount(s);
            if (!minus) {
                writePadding(width);
                buf.append(s);
            } else {
                buf.append(s);
                writePadding(width);
            }
        }

        String truncate(String s) {
            if (precPresent) {
                int n = prec;
                for (int i = 0; i < s.length(); i = s.offsetByCodePoints(i, 1)) {
                    n--;
                    if (n < 0) {
                        return s.substring(0, i);
                    }
                }
            }
            return s;
        }

        void fmtS(String s) {
            padString(truncate(s));
        }

        // ---- operands ----

        void printArg(Object a, int verb) {
            arg = a;
            elementMode = false;
            if (a == null) {
                if (verb == 'T' || verb == 'v') {
                    padString("<nil>");
                } else {
                    badVerb(verb);
                }
                return;
            }
            if (verb == 'T') {
                fmtS(GoTypes.typeName(a));
                return;
            }
            if (verb == 'w') {
                badVerb(verb);
                return;
            }
            printOperand(a, verb, 0);
        }

        /** printValue for an element of a container; {@code v} null is a nil interface. */
        void printElement(Object v, int verb, int depth) {
            arg = v;
            elementMode = true;
            if (v == null) {
                buf.append(sharpV ? "interface {}(nil)" : "<nil>");
                return;
            }
            printOperand(v, verb, depth);
        }

        void printOperand(Object a, int verb, int depth) {
            if (a instanceof String s) {
                fmtString(s, verb);
            } else if (a instanceof Boolean b) {
                fmtBool(b, verb);
            } else if (a instanceof GoInt || a instanceof Long) {
                fmtInteger(((Number) a).longValue(), verb);
            } else if (a instanceof Double d) {
                fmtFloat(d, verb);
            } else if (a instanceof Map<?, ?> m) {
                printMap(m, verb, depth);
            } else if (a instanceof List<?> l) {
                printList(l, verb, depth);
            } else if (a instanceof GoValue g && g.goKind().isInteger() && isDecimal(g.goString())) {
                // An integer-kinded value without a String() method, such as a uint8.
                fmtInteger(Long.parseLong(g.goString()), verb);
            } else if (a instanceof GoValue g) {
                // A Go type with a String() method: fmt uses it for these verbs.
                if (sharpV || verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q') {
                    if (sharpV) {
                        fmtS(g.goString());
                    } else {
                        fmtString(g.goString(), verb);
                    }
                } else {
                    badVerb(verb);
                }
            } else if (a instanceof Integer || a instanceof Short || a instanceof Byte) {
                fmtInteger(((Number) a).longValue(), verb);
            } else {
                fmtString(String.valueOf(a), verb);
            }
        }

        static boolean isDecimal(String s) {
            int start = s.startsWith("-") ? 1 : 0;
            if (s.length() == start || s.length() > 19) {
                return false;
            }
            for (int i = start; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        void printMap(Map<?, ?> m, int verb, int depth) {
            if (sharpV) {
                buf.append(GoTypes.typeName(m)).append('{');
            } else {
                buf.append("map[");
            }
            List<String> keys = new ArrayList<>(m.size());
            for (Object k : m.keySet()) {
                keys.add((String) k);
            }
            keys.sort(GoFormat::compareStrings);
            boolean first = true;
            for (String k : keys) {
                // Shared sub-values can make a small value print exponentially large.
                sizeCheck.accept(buf.length());
                if (!first) {
                    buf.append(sharpV ? ", " : " ");
                }
                first = false;
                printElement(k, verb, depth + 1);
                buf.append(':');
                printElement(m.get(k), verb, depth + 1);
            }
            buf.append(sharpV ? '}' : ']');
        }

        void printList(List<?> l, int verb, int depth) {
            if (sharpV) {
                buf.append(GoTypes.typeName(l)).append('{');
                for (int i = 0; i < l.size(); i++) {
                    sizeCheck.accept(buf.length());
                    if (i > 0) {
                        buf.append(", ");
                    }
                    printElement(l.get(i), verb, depth + 1);
                }
                buf.append('}');
                return;
            }
            buf.append('[');
            for (int i = 0; i < l.size(); i++) {
                sizeCheck.accept(buf.length());
                if (i > 0) {
                    buf.append(' ');
                }
                printElement(l.get(i), verb, depth + 1);
            }
            buf.append(']');
        }

        void badVerb(int verb) {
            Object a = arg;
            boolean element = elementMode;
            buf.append("%!").appendCodePoint(verb).append('(');
            if (a != null) {
                buf.append(GoTypes.typeName(a)).append('=');
                if (element) {
                    printElement(a, 'v', 0);
                } else {
                    printArg(a, 'v');
                }
            } else {
                buf.append("<nil>");
            }
            buf.append(')');
        }

        // ---- basic kinds ----

        void fmtBool(boolean v, int verb) {
            if (verb == 't' || verb == 'v') {
                padString(v ? "true" : "false");
            } else {
                badVerb(verb);
            }
        }

        void fmtInteger(long v, int verb) {
            switch (verb) {
                case 'v', 'd' -> fmtInteger(v, 10, verb, false);
                case 'b' -> fmtInteger(v, 2, verb, false);
                case 'o', 'O' -> fmtInteger(v, 8, verb, false);
                case 'x' -> fmtInteger(v, 16, verb, false);
                case 'X' -> fmtInteger(v, 16, verb, true);
                case 'c' -> fmtC(v);
                case 'q' -> fmtQc(v);
                case 'U' -> fmtUnicode(v);
                default -> badVerb(verb);
            }
        }

        /** fmt's integer formatter: precision is a minimum digit count, zero padding leaves room for the sign. */
        void fmtInteger(long v, int base, int verb, boolean upper) {
            boolean negative = v < 0;
            // The magnitude as an unsigned 64-bit value, so that Long.MIN_VALUE works.
            String digits = Long.toUnsignedString(negative ? -v : v, base);
            if (upper) {
                digits = digits.toUpperCase();
            }
            int minDigits = 0;
            if (precPresent) {
                minDigits = prec;
                if (prec == 0 && v == 0) {
                    boolean oldZero = zero;
                    zero = false;
                    writePadding(wid);
                    zero = oldZero;
                    return;
                }
            } else if (zero && !minus && widPresent) {
                minDigits = wid;
                if (negative || plus || space) {
                    minDigits--;
                }
            }
            StringBuilder num = new StringBuilder();
            if (negative) {
                num.append('-');
            } else if (plus) {
                num.append('+');
            } else if (space) {
                num.append(' ');
            }
            if (verb == 'O') {
                num.append("0o");
            }
            if (sharp) {
                switch (base) {
                    case 2 -> num.append("0b");
                    case 8 -> {
                        if (digits.charAt(0) != '0' && digits.length() >= minDigits) {
                            num.append('0');
                        }
                    }
                    case 16 -> num.append(upper ? "0X" : "0x");
                    default -> {
                    }
                }
            }
            for (int i = digits.length(); i < minDigits; i++) {
                num.append('0');
            }
            num.append(digits);
            boolean oldZero = zero;
            zero = false;
            padString(num.toString());
            zero = oldZero;
        }

        void fmtC(long c) {
            padString(new String(Character.toChars(validRune(c))));
        }

        void fmtQc(long c) {
            int r = validRune(c);
            padString(Quoting.quoteRune(r, plus));
        }

        static int validRune(long c) {
            if (c < 0 || c > Character.MAX_CODE_POINT || (c >= 0xD800 && c <= 0xDFFF)) {
                return 0xFFFD;
            }
            return (int) c;
        }

        void fmtUnicode(long u) {
            StringBuilder sb = new StringBuilder("U+");
            String hex = Long.toHexString(u).toUpperCase();
            int p = precPresent && prec > 4 ? prec : 4;
            for (int i = hex.length(); i < p; i++) {
                sb.append('0');
            }
            sb.append(hex);
            if (sharp && u >= 0 && u <= Character.MAX_CODE_POINT && Quoting.isPrint((int) u)) {
                sb.append(" '").appendCodePoint((int) u).append('\'');
            }
            boolean oldZero = zero;
            zero = false;
            padString(sb.toString());
            zero = oldZero;
        }

        void fmtFloat(double v, int verb) {
            switch (verb) {
                case 'v' -> fmtFloat(v, 'g', -1);
                case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(v, (char) verb, -1);
                case 'f', 'e', 'E' -> fmtFloat(v, (char) verb, 6);
                case 'F' -> fmtFloat(v, 'f', 6);
                default -> badVerb(verb);
            }
        }

        /** fmt's float formatter on top of strconv: sign handling, {@code #} and zero padding. */
        void fmtFloat(double v, char verb, int defaultPrec) {
            int p = precPresent ? prec : defaultPrec;
            StringBuilder num = new StringBuilder(Floats.format(v, verb, p));
            if (num.charAt(0) != '-' && num.charAt(0) != '+') {
                num.insert(0, '+');
            }
            if (space && num.charAt(0) == '+' && !plus) {
                num.setCharAt(0, ' ');
            }
            if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
                boolean oldZero = zero;
                zero = false;
                if (num.charAt(1) == 'N' && !space && !plus) {
                    num.deleteCharAt(0);
                }
                padString(num.toString());
                zero = oldZero;
                return;
            }
            if (sharp && verb != 'b') {
                applySharp(num, verb, p);
            }
            if (plus || num.charAt(0) != '+') {
                if (zero && !minus && widPresent && wid > num.length()) {
                    buf.append(num.charAt(0));
                    writePadding(wid - num.length());
                    buf.append(num, 1, num.length());
                    return;
                }
                padString(num.toString());
                return;
            }
            padString(num.substring(1));
        }

        /** The {@code #} flag: always print a decimal point, and keep %g's trailing zeros. */
        static void applySharp(StringBuilder num, char verb, int p) {
            int digits = 0;
            if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
                digits = p == -1 ? 6 : p;
            }
            String tail = "";
            boolean hasDecimalPoint = false;
            boolean sawNonzeroDigit = false;
            for (int i = 1; i < num.length(); i++) {
                char c = num.charAt(i);
                if (c == '.') {
                    hasDecimalPoint = true;
                } else if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
                    tail = num.substring(i);
                    num.setLength(i);
                    break;
                } else {
                    if (c != '0') {
                        sawNonzeroDigit = true;
                    }
                    if (sawNonzeroDigit) {
                        digits--;
                    }
                }
            }
            if (!hasDecimalPoint) {
                if (num.length() == 2 && num.charAt(1) == '0') {
                    digits--;
                }
                num.append('.');
            }
            for (; digits > 0; digits--) {
                num.append('0');
            }
            num.append(tail);
        }

        void fmtString(String s, int verb) {
            switch (verb) {
                case 'v' -> {
                    if (sharpV) {
                        fmtQ(s);
                    } else {
                        fmtS(s);
                    }
                }
                case 's' -> fmtS(s);
                case 'x' -> fmtSx(s, false);
                case 'X' -> fmtSx(s, true);
                case 'q' -> fmtQ(s);
                default -> badVerb(verb);
            }
        }

        void fmtQ(String s) {
            s = truncate(s);
            if (sharp && Quoting.canBackquote(s)) {
                padString("`" + s + "`");
                return;
            }
            padString(Quoting.quote(s, '"', plus));
        }

        /** %x on a string: its UTF-8 bytes in hex, optionally spaced and 0x-prefixed. */
        void fmtSx(String s, boolean upper) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            String digits = upper ? "0123456789ABCDEFX" : "0123456789abcdefx";
            int length = b.length;
            if (precPresent && prec < length) {
                length = prec;
            }
            int width = 2 * length;
            if (width > 0) {
                if (space) {
                    if (sharp) {
                        width *= 2;
                    }
                    width += length - 1;
                } else if (sharp) {
                    width += 2;
                }
            } else {
                if (widPresent) {
                    writePadding(wid);
                }
                return;
            }
            if (widPresent && wid > width && !minus) {
                writePadding(wid - width);
            }
            if (sharp) {
                buf.append('0').append(digits.charAt(16));
            }
            for (int i = 0; i < length; i++) {
                if (space && i > 0) {
                    buf.append(' ');
                    if (sharp) {
                        buf.append('0').append(digits.charAt(16));
                    }
                }
                int c = b[i] & 0xFF;
                buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
            }
            if (widPresent && wid > width && minus) {
                writePadding(wid - width);
            }
        }

        // ---- Printf ----

        /** {@code tooLarge}: fmt refuses widths and precisions beyond a million. */
        static boolean tooLarge(long x) {
            return x > 1_000_000 || x < -1_000_000;
        }

        /** parsenum: returns {num, isnum(0/1), newi}. */
        static int[] parseNum(String s, int start, int end) {
            if (start >= end) {
                return new int[] {0, 0, end};
            }
            int num = 0;
            boolean isnum = false;
            int i = start;
            for (; i < end && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
                if (tooLarge(num)) {
                    return new int[] {0, 0, end};
                }
                num = num * 10 + (s.charAt(i) - '0');
                isnum = true;
            }
            return new int[] {num, isnum ? 1 : 0, i};
        }

        /** intFromArg for {@code *}: returns {num, isInt(0/1), newArgNum}. */
        static int[] intFromArg(Object[] a, int argNum) {
            int newArgNum = argNum;
            int num = 0;
            boolean isInt = false;
            if (argNum < a.length) {
                Object v = a[argNum];
                if (v instanceof GoInt || v instanceof Long || v instanceof Integer) {
                    long n = ((Number) v).longValue();
                    num = (int) n;
                    isInt = n == num;
                }
                newArgNum = argNum + 1;
                if (tooLarge(num)) {
                    num = 0;
                    isInt = false;
                }
            }
            return new int[] {num, isInt ? 1 : 0, newArgNum};
        }

        /** argNumber: an explicit {@code [n]} index; returns {argNum, newi, found(0/1)}. */
        int[] argNumber(int argNum, String format, int i, int numArgs) {
            if (format.length() <= i || format.charAt(i) != '[') {
                return new int[] {argNum, i, 0};
            }
            reordered = true;
            String f = format.substring(i);
            int index = 0;
            int w = 1;
            boolean ok = false;
            if (f.length() >= 3) {
                for (int j = 1; j < f.length(); j++) {
                    if (f.charAt(j) == ']') {
                        int[] n = parseNum(f, 1, j);
                        if (n[1] == 0 || n[2] != j) {
                            w = j + 1;
                        } else {
                            index = n[0] - 1;
                            w = j + 1;
                            ok = true;
                        }
                        break;
                    }
                }
            }
            if (ok && index >= 0 && index < numArgs) {
                return new int[] {index, i + w, 1};
            }
            goodArgNum = false;
            return new int[] {argNum, i + w, ok ? 1 : 0};
        }

        void doPrintf(String format, Object[] a) {
            int end = format.length();
            int argNum = 0;
            boolean afterIndex;
            reordered = false;
            int i = 0;
            while (i < end) {
                goodArgNum = true;
                int lasti = i;
                while (i < end && format.charAt(i) != '%') {
                    i++;
                }
                if (i > lasti) {
                    buf.append(format, lasti, i);
                }
                if (i >= end) {
                    break;
                }
                i++; // the '%'
                clearFlags();
                flags:
                for (; i < end; i++) {
                    switch (format.charAt(i)) {
                        case '#' -> sharp = true;
                        case '0' -> zero = true;
                        case '+' -> plus = true;
                        case '-' -> minus = true;
                        case ' ' -> space = true;
                        default -> {
                            break flags;
                        }
                    }
                }
                int[] r = argNumber(argNum, format, i, a.length);
                argNum = r[0];
                i = r[1];
                afterIndex = r[2] == 1;

                if (i < end && format.charAt(i) == '*') {
                    i++;
                    int[] n = intFromArg(a, argNum);
                    wid = n[0];
                    widPresent = n[1] == 1;
                    argNum = n[2];
                    if (!widPresent) {
                        buf.append("%!(BADWIDTH)");
                    }
                    if (wid < 0) {
                        wid = -wid;
                        minus = true;
                        zero = false;
                    }
                    afterIndex = false;
                } else {
                    int[] n = parseNum(format, i, end);
                    wid = n[0];
                    widPresent = n[1] == 1;
                    i = n[2];
                    if (afterIndex && widPresent) {
                        goodArgNum = false;
                    }
                }

                if (i + 1 < end && format.charAt(i) == '.') {
                    i++;
                    if (afterIndex) {
                        goodArgNum = false;
                    }
                    r = argNumber(argNum, format, i, a.length);
                    argNum = r[0];
                    i = r[1];
                    afterIndex = r[2] == 1;
                    if (i < end && format.charAt(i) == '*') {
                        i++;
                        int[] n = intFromArg(a, argNum);
                        prec = n[0];
                        precPresent = n[1] == 1;
                        argNum = n[2];
                        if (prec < 0) {
                            prec = 0;
                            precPresent = false;
                        }
                        if (!precPresent) {
                            buf.append("%!(BADPREC)");
                        }
                        afterIndex = false;
                    } else {
                        int[] n = parseNum(format, i, end);
                        prec = n[0];
                        precPresent = n[1] == 1;
                        i = n[2];
                        if (!precPresent) {
                            prec = 0;
                            precPresent = true;
                        }
                    }
                }

                if (!afterIndex) {
                    r = argNumber(argNum, format, i, a.length);
                    argNum = r[0];
                    i = r[1];
                }

                if (i >= end) {
                    buf.append("%!(NOVERB)");
                    break;
                }
                int verb = format.codePointAt(i);
                i += Character.charCount(verb);

                if (verb == '%') {
                    buf.append('%');
                } else if (!goodArgNum) {
                    buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
                } else if (argNum >= a.length) {
                    buf.append("%!").appendCodePoint(verb).append("(MISSING)");
                } else {
                    // %w (error wrapping) takes %v's flags; Sprintf has no error to wrap.
                    if (verb == 'v' || verb == 'w') {
                        sharpV = sharp;
                        sharp = false;
                        plusV = plus;
                        plus = false;
                    }
                    printArg(a[argNum], verb);
                    argNum++;
                }
            }
            if (!reordered && argNum < a.length) {
                clearFlags();
                buf.append("%!(EXTRA ");
                for (int k = argNum; k < a.length; k++) {
                    if (k > argNum) {
                        buf.append(", ");
                    }
                    if (a[k] == null) {
                        buf.append("<nil>");
                    } else {
                        buf.append(GoTypes.typeName(a[k])).append('=');
                        printArg(a[k], 'v');
                    }
                }
                buf.append(')');
            }
        }
    }

    /** strconv's float formatting: shortest round-trip digits or correctly rounded fixed precision. */
    private static final class Floats {
        private Floats() {
        }

        /** Decimal digits {@code 0.d1d2...dn × 10^dp}; no digits means zero. */
        private record Digits(String d, int dp) {
            int nd() {
                return d.length();
            }

            char at(int i) {
                return d.charAt(i);
            }
        }

        static String format(double v, char fmt, int prec) {
            if (Double.isNaN(v)) {
                return "NaN";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "+Inf" : "-Inf";
            }
            long bits = Double.doubleToRawLongBits(v);
            boolean neg = bits < 0;
            int exp = (int) ((bits >>> 52) & 0x7FF);
            long mant = bits & ((1L << 52) - 1);
            if (exp == 0) {
                exp++;
            } else {
                mant |= 1L << 52;
            }
            exp -= 1023;
            if (fmt == 'b') {
                return fmtB(neg, mant, exp);
            }
            if (fmt == 'x' || fmt == 'X') {
                return fmtX(prec, fmt, neg, mant, exp);
            }
            BigDecimal abs = new BigDecimal(Math.abs(v));
            boolean shortest = prec < 0;
            Digits digs;
            if (shortest) {
                digs = shortest(Math.abs(v), abs);
                switch (fmt) {
                    case 'e', 'E' -> prec = Math.max(digs.nd() - 1, 0);
                    case 'f' -> prec = Math.max(digs.nd() - digs.dp(), 0);
                    case 'g', 'G' -> prec = digs.nd();
                    default -> {
                    }
                }
            } else {
                switch (fmt) {
                    case 'e', 'E' -> digs = significant(abs, prec + 1);
                    case 'f' -> digs = fixed(abs, prec);
                    case 'g', 'G' -> {
                        if (prec == 0) {
                            prec = 1;
                        }
                        digs = significant(abs, prec);
                    }
                    default -> digs = significant(abs, 1);
                }
            }
            return formatDigits(shortest, neg, digs, prec, fmt);
        }

        static Digits fromBigDecimal(BigDecimal x) {
            if (x.signum() == 0) {
                return new Digits("", 0);
            }
            BigDecimal s = x.stripTrailingZeros();
            String d = s.unscaledValue().toString();
            return new Digits(d, d.length() - s.scale());
        }

        static Digits significant(BigDecimal abs, int n) {
            if (abs.signum() == 0) {
                return new Digits("", 0);
            }
            return fromBigDecimal(abs.round(new MathContext(n, RoundingMode.HALF_EVEN)));
        }

        static Digits fixed(BigDecimal abs, int fracDigits) {
            return fromBigDecimal(abs.setScale(fracDigits, RoundingMode.HALF_EVEN));
        }

        /**
         * The shortest decimal that reads back as {@code v}, and of those the closest to it: at
         * each length only the two neighbours of the exact value can qualify.
         */
        static Digits shortest(double v, BigDecimal exact) {
            if (v == 0) {
                return new Digits("", 0);
            }
            for (int n = 1; n <= 17; n++) {
                BigDecimal down = exact.round(new MathContext(n, RoundingMode.FLOOR));
                BigDecimal up = exact.round(new MathContext(n, RoundingMode.CEILING));
                boolean downOk = down.doubleValue() == v;
                boolean upOk = up.doubleValue() == v;
                if (downOk && upOk) {
                    int c = exact.subtract(down).compareTo(up.subtract(exact));
                    if (c == 0) {
                        c = down.unscaledValue().testBit(0) ? 1 : -1;
                    }
                    return fromBigDecimal(c <= 0 ? down : up);
                }
                if (downOk) {
                    return fromBigDecimal(down);
                }
                if (upOk) {
                    return fromBigDecimal(up);
                }
            }
            return fromBigDecimal(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
        }

        static String formatDigits(boolean shortest, boolean neg, Digits digs, int prec, char fmt) {
            switch (fmt) {
                case 'e', 'E' -> {
                    return fmtE(neg, digs, prec, fmt);
                }
                case 'f' -> {
                    return fmtF(neg, digs, prec);
                }
                case 'g', 'G' -> {
                    int eprec = prec;
                    if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
                        eprec = digs.nd();
                    }
                    // %e is used if the exponent from the conversion is less than -4 or greater
                    // than or equal to the precision; shortest %g uses 6 as the precision.
                    if (shortest) {
                        eprec = 6;
                    }
                    int exp = digs.dp() - 1;
                    if (exp < -4 || exp >= eprec) {
                        if (prec > digs.nd()) {
                            prec = digs.nd();
                        }
                        return fmtE(neg, digs, prec - 1, (char) (fmt + 'e' - 'g'));
                    }
                    if (prec > digs.dp()) {
                        prec = digs.nd();
                    }
                    return fmtF(neg, digs, Math.max(prec - digs.dp(), 0));
                }
                default -> {
                    return "%" + fmt;
                }
            }
        }

        static String fmtE(boolean neg, Digits d, int prec, char fmt) {
            StringBuilder sb = new StringBuilder();
            if (neg) {
                sb.append('-');
            }
            sb.append(d.nd() != 0 ? d.at(0) : '0');
            if (prec > 0) {
                sb.append('.');
                int i = 1;
                int m = Math.min(d.nd(), prec + 1);
                if (i < m) {
                    sb.append(d.d(), i, m);
                    i = m;
                }
                for (; i <= prec; i++) {
                    sb.append('0');
                }
            }
            sb.append(fmt);
            int exp = d.nd() == 0 ? 0 : d.dp() - 1;
            sb.append(exp < 0 ? '-' : '+');
            exp = Math.abs(exp);
            if (exp < 10) {
                sb.append('0');
            }
            return sb.append(exp).toString();
        }

        static String fmtF(boolean neg, Digits d, int prec) {
            StringBuilder sb = new StringBuilder();
            if (neg) {
                sb.append('-');
            }
            if (d.dp() > 0) {
                int m = Math.min(d.nd(), d.dp());
                sb.append(d.d(), 0, m);
                for (; m < d.dp(); m++) {
                    sb.append('0');
                }
            } else {
                sb.append('0');
            }
            if (prec > 0) {
                sb.append('.');
                for (int i = 0; i < prec; i++) {
                    int j = d.dp() + i;
                    sb.append(j >= 0 && j < d.nd() ? d.at(j) : '0');
                }
            }
            return sb.toString();
        }

        /** %b: decimal mantissa, 'p', binary exponent, e.g. {@code 4503599627370496p-52}. */
        static String fmtB(boolean neg, long mant, int exp) {
            StringBuilder sb = new StringBuilder();
            if (neg) {
                sb.append('-');
            }
            sb.append(mant).append('p');
            exp -= 52;
            if (exp >= 0) {
                sb.append('+');
            }
            return sb.append(exp).toString();
        }

        /** %x: hexadecimal mantissa and binary exponent, e.g. {@code 0x1.4p+01}. */
        static String fmtX(int prec, char fmt, boolean neg, long mant, int exp) {
            if (mant == 0) {
                exp = 0;
            }
            // Shift so the leading 1 is at bit 60.
            mant <<= 60 - 52;
            while (mant != 0 && (mant & (1L << 60)) == 0) {
                mant <<= 1;
                exp--;
            }
            if (prec >= 0 && prec < 15) {
                int shift = prec * 4;
                long extra = (mant << shift) & ((1L << 60) - 1);
                mant >>>= 60 - shift;
                if ((extra | (mant & 1)) > (1L << 59)) {
                    mant++;
                }
                mant <<= 60 - shift;
                if ((mant & (1L << 61)) != 0) {
                    mant >>>= 1;
                    exp++;
                }
            }
            String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
            StringBuilder sb = new StringBuilder();
            if (neg) {
                sb.append('-');
            }
            sb.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
            mant <<= 4;
            if (prec < 0 && mant != 0) {
                sb.append('.');
                while (mant != 0) {
                    sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                    mant <<= 4;
                }
            } else if (prec > 0) {
                sb.append('.');
                for (int i = 0; i < prec; i++) {
                    sb.append(hex.charAt((int) ((mant >>> 60) & 15)));
                    mant <<= 4;
                }
            }
            sb.append(fmt == 'X' ? 'P' : 'p');
            sb.append(exp < 0 ? '-' : '+');
            exp = Math.abs(exp);
            if (exp < 10) {
                sb.append('0');
            }
            return sb.append(exp).toString();
        }
    }

    /** strconv's quoting of strings and runes. */
    private static final class Quoting {
        private Quoting() {
        }

        static String quote(String s, char quote, boolean asciiOnly) {
            StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
            for (int i = 0; i < s.length(); ) {
                int r = s.codePointAt(i);
                i += Character.charCount(r);
                if (r >= 0xD800 && r <= 0xDFFF) {
                    r = 0xFFFD; // a lone surrogate has no UTF-8 form; Go would see invalid bytes
                }
                appendEscapedRune(sb, r, quote, asciiOnly);
            }
            return sb.append(quote).toString();
        }

        static String quoteRune(int r, boolean asciiOnly) {
            StringBuilder sb = new StringBuilder().append('\'');
            appendEscapedRune(sb, r, '\'', asciiOnly);
            return sb.append('\'').toString();
        }

        static void appendEscapedRune(StringBuilder sb, int r, char quote, boolean asciiOnly) {
            if (r == quote || r == '\\') {
                sb.append('\\').append((char) r);
                return;
            }
            if (asciiOnly) {
                if (r < 0x80 && isPrint(r)) {
                    sb.append((char) r);
                    return;
                }
            } else if (isPrint(r)) {
                sb.appendCodePoint(r);
                return;
            }
            switch (r) {
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 11 -> sb.append("\\v");
                default -> {
                    if (r < ' ' || r == 0x7f) {
                        sb.append("\\x").append(hex(r, 2));
                    } else if (r < 0x10000) {
                        sb.append("\\u").append(hex(r, 4));
                    } else {
                        sb.append("\\U").append(hex(r, 8));
                    }
                }
            }
        }

        static String hex(int v, int width) {
            String h = Integer.toHexString(v);
            return "0".repeat(Math.max(0, width - h.length())) + h;
        }

        static boolean canBackquote(String s) {
            for (int i = 0; i < s.length(); ) {
                int r = s.codePointAt(i);
                i += Character.charCount(r);
                if (r == 0xFEFF || (r >= 0xD800 && r <= 0xDFFF)) {
                    return false;
                }
                if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F) {
                    return false;
                }
            }
            return true;
        }

        static boolean isPrint(int r) {
            if (r <= 0xFF) {
                if (r >= 0x20 && r <= 0x7E) {
                    return true;
                }
                if (r >= 0xA1 && r <= 0xFF) {
                    return r != 0xAD; // the soft hyphen is a format character
                }
                return false;
            }
            switch (Character.getType(r)) {
                case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                        Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                        Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                        Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                        Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                        Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                        Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                        Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                        Character.OTHER_SYMBOL -> {
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }
    }
}
