package dev.rset.core.template.sprig;

import static dev.rset.core.template.ParamType.ANY;
import static dev.rset.core.template.ParamType.FLOAT64;
import static dev.rset.core.template.ParamType.INT;
import static dev.rset.core.template.ParamType.STRING;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.gotypes.GoTypedList;
import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import dev.rset.core.template.Signature;
import dev.rset.core.template.budget.RenderMeter;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

/** sprig's conversions and integer/float arithmetic (numeric.go and functions.go). */
final class NumericFunctions {
    private static final String DIVIDE_BY_ZERO = "runtime error: integer divide by zero";

    private NumericFunctions() {
    }

    static void register(FuncMap m) {
        m.put("atoi", Signature.of(STRING), a -> GoInt.of(GoConv.atoi((String) a[0])));
        m.put("int64", Signature.of(ANY), a -> GoConv.toInt64(a[0]));
        m.put("int", Signature.of(ANY), a -> GoInt.of(GoConv.toInt64(a[0])));
        m.put("float64", Signature.of(ANY), a -> GoConv.toFloat64(a[0]));
        m.putMetered("seq", Signature.variadic(INT), NumericFunctions::seq);
        m.put("toDecimal", Signature.of(ANY), a -> toDecimal(a[0]));
        m.putMetered("until", Signature.of(INT), (a, meter) -> {
            long count = n(a[0]);
            return ints(untilStep(0, count, count < 0 ? -1 : 1, meter));
        });
        m.putMetered("untilStep", Signature.of(INT, INT, INT),
                (a, meter) -> ints(untilStep(n(a[0]), n(a[1]), n(a[2]), meter)));
        m.put("add1", Signature.of(ANY), a -> GoConv.toInt64(a[0]) + 1);
        m.put("add", Signature.variadic(ANY), a -> {
            long sum = 0;
            for (Object o : a) {
                sum += GoConv.toInt64(o);
            }
            return sum;
        });
        m.put("sub", Signature.of(ANY, ANY), a -> GoConv.toInt64(a[0]) - GoConv.toInt64(a[1]));
        m.put("div", Signature.of(ANY, ANY), a -> divide(GoConv.toInt64(a[0]), GoConv.toInt64(a[1]), false));
        m.put("mod", Signature.of(ANY, ANY), a -> divide(GoConv.toInt64(a[0]), GoConv.toInt64(a[1]), true));
        m.put("mul", Signature.variadic(ANY, ANY), a -> {
            long product = GoConv.toInt64(a[0]);
            for (int k = 1; k < a.length; k++) {
                product *= GoConv.toInt64(a[k]);
            }
            return product;
        });
        m.put("randInt", Signature.of(INT, INT), a -> {
            long bound = n(a[1]) - n(a[0]);
            if (bound <= 0) {
                throw new FunctionException("invalid argument to Intn");
            }
            return GoInt.of(ThreadLocalRandom.current().nextLong(bound) + n(a[0]));
        });
        m.put("biggest", Signature.variadic(ANY, ANY), a -> extreme(a, true));
        m.put("max", Signature.variadic(ANY, ANY), a -> extreme(a, true));
        m.put("min", Signature.variadic(ANY, ANY), a -> extreme(a, false));
        m.put("maxf", Signature.variadic(ANY, ANY), a -> extremeFloat(a, true));
        m.put("minf", Signature.variadic(ANY, ANY), a -> extremeFloat(a, false));
        m.put("ceil", Signature.of(ANY), a -> Math.ceil(GoConv.toFloat64(a[0])));
        m.put("floor", Signature.of(ANY), a -> Math.floor(GoConv.toFloat64(a[0])));
        m.put("round", Signature.variadic(FLOAT64, ANY, INT), NumericFunctions::round);
    }

    private static long n(Object o) {
        return ((GoInt) o).longValue();
    }

    private static long divide(long a, long b, boolean remainder) {
        if (b == 0) {
            throw new FunctionException(DIVIDE_BY_ZERO);
        }
        return remainder ? a % b : a / b; // Java wraps MinInt64 / -1 exactly as Go does
    }

    private static long extreme(Object[] a, boolean max) {
        long best = GoConv.toInt64(a[0]);
        for (int k = 1; k < a.length; k++) {
            long v = GoConv.toInt64(a[k]);
            if (max ? v > best : v < best) {
                best = v;
            }
        }
        return best;
    }

    /** Uses Math.max/min, whose NaN and signed-zero rules are those of Go's math.Max/Min. */
    private static double extremeFloat(Object[] a, boolean max) {
        double best = GoConv.toFloat64(a[0]);
        for (int k = 1; k < a.length; k++) {
            double v = GoConv.toFloat64(a[k]);
            best = max ? Math.max(best, v) : Math.min(best, v);
        }
        return best;
    }

    /** sprig {@code round}: rounds away at {@code roundOn} (default .5) of the scaled fraction. */
    private static double round(Object[] a) {
        double roundOn = a.length > 2 ? (Double) a[2] : .5;
        double val = GoConv.toFloat64(a[0]);
        double pow = Math.pow(10, n(a[1]));
        double digit = pow * val;
        double frac = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
        double rounded = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
        return rounded / pow;
    }

    /** Reads the %v form of the value as an octal number, 0 when it is not one. */
    private static long toDecimal(Object v) {
        GoConv.ParsedInt p = GoConv.parseInt(GoConv.strval(v), 8);
        return p.ok() ? p.value() : 0;
    }

    /** Far beyond any useful template; Go would try to allocate it and exhaust memory. */
    static final long MAX_ELEMENTS = 10_000_000;

    static List<Long> untilStep(long start, long stop, long step, RenderMeter meter) {
        List<Long> out = new ArrayList<>();
        if (step != 0 && (stop < start) == (step < 0)) {
            java.math.BigInteger count = java.math.BigInteger.valueOf(stop).subtract(java.math.BigInteger.valueOf(start))
                    .divide(java.math.BigInteger.valueOf(step));
            if (count.compareTo(java.math.BigInteger.valueOf(MAX_ELEMENTS)) > 0) {
                throw new FunctionException("refusing to build a list of " + count + " elements");
            }
            meter.list(count.longValue());
        }
        if (stop < start) {
            if (step >= 0) {
                return out;
            }
            for (long k = start; k > stop; k += step) {
                out.add(k);
            }
            return out;
        }
        if (step <= 0) {
            return out;
        }
        for (long k = start; k < stop; k += step) {
            out.add(k);
        }
        return out;
    }

    private static GoTypedList ints(List<Long> values) {
        GoTypedList out = new GoTypedList("int");
        for (long v : values) {
            out.add(GoInt.of(v));
        }
        return out;
    }

    /** sprig {@code seq}: like the Unix command, space-separated. */
    private static String seq(Object[] a, RenderMeter meter) {
        List<Long> values;
        switch (a.length) {
            case 1 -> {
                long end = n(a[0]);
                long inc = end < 1 ? -1 : 1;
                values = untilStep(1, end + inc, inc, meter);
            }
            case 2 -> {
                long start = n(a[0]);
                long end = n(a[1]);
                long step = end < start ? -1 : 1;
                values = untilStep(start, end + step, step, meter);
            }
            case 3 -> {
                long start = n(a[0]);
                long step = n(a[1]);
                long end = n(a[2]);
                long inc = 1;
                if (end < start) {
                    inc = -1;
                    if (step > 0) {
                        return "";
                    }
                }
                values = untilStep(start, end + inc, step, meter);
            }
            default -> values = List.of();
        }
        StringJoiner j = new StringJoiner(" ");
        values.forEach(v -> j.add(Long.toString(v)));
        return j.toString();
    }
}
