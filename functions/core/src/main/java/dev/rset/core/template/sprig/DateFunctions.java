package dev.rset.core.template.sprig;

import static dev.rset.core.template.ParamType.ANY;
import static dev.rset.core.template.ParamType.STRING;
import static dev.rset.core.template.ParamType.TIME;

import dev.rset.core.gotypes.GoInt;
import dev.rset.core.template.FuncMap;
import dev.rset.core.template.FunctionException;
import dev.rset.core.template.Signature;
import java.time.Clock;
import java.time.Instant;

/**
 * The date functions of slim-sprig's hermetic set (date.go). {@code ago} and
 * {@code durationRound} of a time read the clock, which is injected for tests.
 */
final class DateFunctions {
    private static final long[] ROUND_UNITS = {
        GoDuration.HOUR * 24 * 365, GoDuration.HOUR * 24 * 30, GoDuration.HOUR * 24, GoDuration.HOUR,
        GoDuration.MINUTE, GoDuration.SECOND};
    private static final String[] ROUND_NAMES = {"y", "mo", "d", "h", "m", "s"};

    private DateFunctions() {
    }

    static void register(FuncMap m, Clock clock) {
        m.put("ago", Signature.of(ANY), a -> {
            Instant now = clock.instant();
            GoTime t = asTime(a[0], now);
            return t.until(now).round(GoDuration.SECOND).toString();
        });
        m.put("duration", Signature.of(ANY), a -> {
            long n = 0;
            if (a[0] instanceof String s) {
                GoConv.ParsedInt p = GoConv.parseInt(s, 10);
                n = p.syntaxError() ? 0 : p.value(); // "n, _ = ParseInt" keeps the clamped value
            } else if (a[0] instanceof Long l) {
                n = l; // only int64: an int (e.g. a template literal) counts as 0
            }
            return new GoDuration(n * GoDuration.SECOND).toString();
        });
        m.put("durationRound", Signature.of(ANY), a -> durationRound(a[0], clock.instant()));
        m.put("toDate", Signature.of(STRING, STRING), a -> {
            try {
                return GoTimeLayout.parse((String) a[0], (String) a[1]);
            } catch (FunctionException e) {
                return GoTime.ZERO;
            }
        });
        m.put("mustToDate", Signature.of(STRING, STRING), a -> GoTimeLayout.parse((String) a[0], (String) a[1]));
        m.put("unixEpoch", Signature.of(TIME), a -> Long.toString(((GoTime) a[0]).epochSecond()));
        m.put("must_date_modify", Signature.of(STRING, TIME), DateFunctions::dateModify);
        m.put("mustDateModify", Signature.of(STRING, TIME), DateFunctions::dateModify);
    }

    private static Object dateModify(Object[] a) {
        return ((GoTime) a[1]).plus(GoDuration.parse((String) a[0]));
    }

    /** A time.Time as is, int64 and int as Unix seconds, anything else as now. */
    private static GoTime asTime(Object v, Instant now) {
        if (v instanceof GoTime t) {
            return t;
        }
        if (v instanceof Long || v instanceof GoInt) {
            return GoTime.ofInstant(Instant.ofEpochSecond(((Number) v).longValue()));
        }
        return GoTime.ofInstant(now);
    }

    /** sprig {@code durationRound}: the largest whole unit strictly exceeded, e.g. {@code 2h}. */
    private static String durationRound(Object v, Instant now) {
        long d = 0;
        if (v instanceof String s) {
            try {
                d = GoDuration.parse(s).nanos();
            } catch (FunctionException invalid) {
                d = 0;
            }
        } else if (v instanceof Long l) {
            d = l;
        } else if (v instanceof GoTime t) {
            d = t.until(now).nanos();
        }
        long u = d < 0 ? -d : d; // unsigned, so MinInt64 stays 1<<63
        for (int k = 0; k < ROUND_UNITS.length; k++) {
            if (Long.compareUnsigned(u, ROUND_UNITS[k]) > 0) {
                return Long.divideUnsigned(u, ROUND_UNITS[k]) + ROUND_NAMES[k];
            }
        }
        return "0s";
    }
}
