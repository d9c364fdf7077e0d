package dev.rset.core.template.parse;

import dev.rset.core.gotypes.GoFormat;
import dev.rset.core.template.parse.Node.NumberNode;
import java.math.BigInteger;

/** Builds {@link NumberNode}s the way Go's {@code newNumber} does, including its error texts. */
final class NumberParser {
    private static final double TWO_63 = 0x1p63;
    private static final double TWO_64 = 0x1p64;

    private NumberParser() {
    }

    /** @throws IllegalArgumentException with Go's message when the literal is not a valid number */
    static NumberNode parse(int pos, String text, ItemType type) {
        return switch (type) {
            case CHAR_CONSTANT -> charConstant(pos, text);
            case COMPLEX -> complexConstant(pos, text);
            default -> number(pos, text);
        };
    }

    private static NumberNode charConstant(int pos, String text) {
        Strconv.Unquoted u = Strconv.unquoteChar(text, 1, '\'');
        if (u == null) {
            throw new IllegalArgumentException(Strconv.INVALID_SYNTAX);
        }
        if (!text.substring(u.next()).equals("'")) {
            throw new IllegalArgumentException("malformed character constant: " + text);
        }
        long r = u.value();
        return new NumberNode(pos, text, true, true, true, false, r, r, r, 0, 0);
    }

    private static NumberNode complexConstant(int pos, String text) {
        // The lexer guarantees <real>[+-]<imag>i; split at the sign that starts the imaginary part.
        int split = -1;
        for (int i = text.length() - 2; i > 0; i--) {
            char c = text.charAt(i);
            char before = Character.toLowerCase(text.charAt(i - 1));
            if ((c == '+' || c == '-') && before != 'e' && before != 'p') {
                split = i;
                break;
            }
        }
        Double re = split > 0 ? Strconv.parseFloat(text.substring(0, split)) : null;
        Double im = split > 0 ? Strconv.parseFloat(text.substring(split, text.length() - 1)) : null;
        if (re == null || im == null) {
            throw new IllegalArgumentException("expected integer");
        }
        return simplifyComplex(pos, text, re, im);
    }

    private static NumberNode simplifyComplex(int pos, String text, double re, double im) {
        boolean isFloat = im == 0;
        boolean isInt = false;
        boolean isUint = false;
        long i64 = 0;
        long u64 = 0;
        double f = 0;
        if (isFloat) {
            f = re;
            isInt = fitsInt64(f);
            if (isInt) {
                i64 = (long) f;
            }
            isUint = fitsUint64(f);
            if (isUint) {
                u64 = toUint64(f);
            }
        }
        return new NumberNode(pos, text, isInt, isUint, isFloat, true, i64, u64, f, re, im);
    }

    private static NumberNode number(int pos, String text) {
        // Imaginary constants can only be complex unless they are zero.
        if (!text.isEmpty() && text.charAt(text.length() - 1) == 'i') {
            Double f = Strconv.parseFloat(text.substring(0, text.length() - 1));
            if (f != null) {
                return simplifyComplex(pos, text, 0, f);
            }
        }
        boolean isInt = false;
        boolean isUint = false;
        boolean isFloat = false;
        long i64 = 0;
        long u64 = 0;
        double f64 = 0;
        BigInteger u = Strconv.parseUint(text);
        if (u != null) {
            isUint = true;
            u64 = u.longValue();
        }
        Long i = Strconv.parseInt(text);
        if (i != null) {
            isInt = true;
            i64 = i;
            if (i == 0) {
                isUint = true; // in case of -0
                u64 = u == null ? 0 : u.longValue();
            }
        }
        if (isInt) {
            isFloat = true;
            f64 = i64;
        } else if (isUint) {
            isFloat = true;
            f64 = u.doubleValue();
        } else {
            Double f = Strconv.parseFloat(text);
            if (f != null) {
                // Parsed as a float but looks like an integer: too large for any integer type.
                if (!containsAny(text, ".eEpP")) {
                    throw new IllegalArgumentException("integer overflow: " + GoFormat.quote(text));
                }
                isFloat = true;
                f64 = f;
                if (fitsInt64(f)) {
                    isInt = true;
                    i64 = (long) f64;
                }
                if (fitsUint64(f)) {
                    isUint = true;
                    u64 = toUint64(f);
                }
            }
        }
        if (!isInt && !isUint && !isFloat) {
            throw new IllegalArgumentException("illegal number syntax: " + GoFormat.quote(text));
        }
        return new NumberNode(pos, text, isInt, isUint, isFloat, false, i64, u64, f64, 0, 0);
    }

    /** Go's {@code float64(int64(f)) == f} on amd64. */
    private static boolean fitsInt64(double f) {
        return f >= -TWO_63 && f < TWO_63 && (double) (long) f == f;
    }

    /** Go's {@code float64(uint64(f)) == f} on amd64. */
    private static boolean fitsUint64(double f) {
        return f >= 0 && f < TWO_64 && Math.floor(f) == f;
    }

    private static long toUint64(double f) {
        return f < TWO_63 ? (long) f : (long) (f - TWO_63) ^ Long.MIN_VALUE;
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
