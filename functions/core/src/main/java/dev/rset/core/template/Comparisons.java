package dev.rset.core.template;

import dev.rset.core.gotypes.GoFormat;
import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypes;
import dev.rset.core.gotypes.GoValue;
import dev.rset.core.template.Values.GoByte;
import dev.rset.core.template.Values.GoComplex;
import java.util.List;
import java.util.Map;

/**
 * The comparison builtins {@code eq ne lt le gt ge}. Like Go's they work on basic kinds only:
 * {@code int} and {@code int64} compare as integers, an integer never equals a float
 * ({@code incompatible types for comparison}), booleans only support equality, and maps and lists
 * are not comparable.
 */
final class Comparisons {
    private Comparisons() {
    }

    private enum Kind {
        INVALID,
        BOOL,
        COMPLEX,
        INT,
        FLOAT,
        STRING,
        UINT
    }

    private static Kind basicKind(Object v) {
        if (v instanceof String) {
            return Kind.STRING;
        }
        if (v instanceof GoInt || v instanceof Long) {
            return Kind.INT;
        }
        if (v instanceof Double) {
            return Kind.FLOAT;
        }
        if (v instanceof Boolean) {
            return Kind.BOOL;
        }
        if (v instanceof GoByte) {
            return Kind.UINT;
        }
        if (v instanceof GoComplex) {
            return Kind.COMPLEX;
        }
        return Kind.INVALID;
    }

    private static long intValue(Object v) {
        return v instanceof GoByte b ? b.value() : ((Number) v).longValue();
    }

    static boolean eq(Object arg1, Object[] others) {
        arg1 = Values.concrete(arg1);
        if (others.length == 0) {
            throw new FunctionException("missing argument for comparison");
        }
        Kind k1 = basicKind(arg1);
        for (Object o : others) {
            Object arg = Values.concrete(o);
            Kind k2 = basicKind(arg);
            boolean truth = false;
            if (k1 != k2) {
                if ((k1 == Kind.INT && k2 == Kind.UINT) || (k1 == Kind.UINT && k2 == Kind.INT)) {
                    truth = intValue(arg1) == intValue(arg);
                } else if (arg1 != null && arg != null) {
                    throw new FunctionException("incompatible types for comparison");
                }
            } else {
                truth = switch (k1) {
                    case BOOL, STRING -> arg1.equals(arg);
                    case INT, UINT -> intValue(arg1) == intValue(arg);
                    case FLOAT -> ((Double) arg1).doubleValue() == (Double) arg;
                    case COMPLEX -> ((GoComplex) arg1).re() == ((GoComplex) arg).re()
                            && ((GoComplex) arg1).im() == ((GoComplex) arg).im();
                    case INVALID -> eqOther(arg1, arg);
                };
            }
            if (truth) {
                return true;
            }
        }
        return false;
    }

    /** Equality of values that are not basic: only nil and comparable structs qualify. */
    private static boolean eqOther(Object arg1, Object arg) {
        if (arg1 != null && arg != null && kindOf(arg1) != kindOf(arg)) {
            throw new FunctionException(GoFormat.sprintf("non-comparable types %s: %v, %s: %v",
                    arg1, GoTypes.typeName(arg1), GoTypes.typeName(arg), arg));
        }
        if (arg1 == null || arg == null) {
            return arg1 == null && arg == null;
        }
        if (arg instanceof List || arg instanceof Map) {
            throw new FunctionException(GoFormat.sprintf("non-comparable type %s: %v", arg, GoTypes.typeName(arg)));
        }
        return arg1.equals(arg);
    }

    private static String kindOf(Object v) {
        if (v instanceof List) {
            return "slice";
        }
        if (v instanceof Map) {
            return "map";
        }
        return v instanceof GoValue g ? g.goKind().goName() : v.getClass().getName();
    }

    static boolean lt(Object arg1, Object arg2) {
        arg1 = Values.concrete(arg1);
        Kind k1 = basicKind(arg1);
        if (k1 == Kind.INVALID) {
            throw new FunctionException("invalid type for comparison");
        }
        arg2 = Values.concrete(arg2);
        Kind k2 = basicKind(arg2);
        if (k2 == Kind.INVALID) {
            throw new FunctionException("invalid type for comparison");
        }
        if (k1 != k2) {
            if ((k1 == Kind.INT && k2 == Kind.UINT) || (k1 == Kind.UINT && k2 == Kind.INT)) {
                return intValue(arg1) < intValue(arg2);
            }
            throw new FunctionException("incompatible types for comparison");
        }
        return switch (k1) {
            case BOOL, COMPLEX, INVALID -> throw new FunctionException("invalid type for comparison");
            case FLOAT -> (Double) arg1 < (Double) arg2;
            case INT, UINT -> intValue(arg1) < intValue(arg2);
            case STRING -> GoFormat.compareStrings((String) arg1, (String) arg2) < 0;
        };
    }

    static boolean le(Object arg1, Object arg2) {
        return lt(arg1, arg2) || eq(arg1, new Object[] {arg2});
    }

    static boolean gt(Object arg1, Object arg2) {
        return !le(arg1, arg2);
    }

    static boolean ge(Object arg1, Object arg2) {
        return !lt(arg1, arg2);
    }
}
