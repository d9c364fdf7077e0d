package dev.rset.core.template.sprig;

import dev.rset.core.gotypes.GoKind;
import dev.rset.core.gotypes.GoValue;
import dev.rset.core.template.FunctionException;
import dev.rset.core.yaml.GoJsonMarshaler;

/** A Go {@code time.Duration}: signed nanoseconds, printed like {@code Duration.String()}. */
public record GoDuration(long nanos) implements GoValue, GoJsonMarshaler {
    static final long NANOSECOND = 1;
    static final long MICROSECOND = 1000 * NANOSECOND;
    static final long MILLISECOND = 1000 * MICROSECOND;
    static final long SECOND = 1000 * MILLISECOND;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;

    @Override
    public String goTypeName() {
        return "time.Duration";
    }

    @Override
    public GoKind goKind() {
        return GoKind.INT64;
    }

    @Override
    public String goString() {
        return toString();
    }

    /** encoding/json writes a Duration as its integer nanoseconds. */
    @Override
    public Object toJsonValue() {
        return nanos;
    }

    /** {@code Duration.String()}, e.g. {@code 1h2m0.5s}, {@code 1.5ms}, {@code 0s}. */
    @Override
    public String toString() {
        if (nanos == 0) {
            return "0s";
        }
        long u = Math.abs(nanos); // MinInt64 stays negative: handled unsigned below
        String sign = nanos < 0 ? "-" : "";
        if (Long.compareUnsigned(u, SECOND) < 0) {
            String unit;
            int prec;
            if (u < MICROSECOND) {
                unit = "ns";
                prec = 0;
            } else if (u < MILLISECOND) {
                unit = "µs";
                prec = 3;
            } else {
                unit = "ms";
                prec = 6;
            }
            return sign + withFraction(u, prec) + unit;
        }
        String seconds = withFraction(u, 9); // whole seconds plus fraction, as text
        int dot = seconds.indexOf('.');
        String whole = dot < 0 ? seconds : seconds.substring(0, dot);
        String frac = dot < 0 ? "" : seconds.substring(dot);
        long secs = Long.parseUnsignedLong(whole);
        StringBuilder sb = new StringBuilder(sign);
        long minutes = secs / 60;
        if (minutes > 0) {
            long hours = minutes / 60;
            if (hours > 0) {
                sb.append(hours).append('h');
            }
            sb.append(minutes % 60).append('m');
        }
        return sb.append(secs % 60).append(frac).append('s').toString();
    }

    /** v / 10^prec with the fraction's trailing zeros (and a bare dot) dropped; v is unsigned. */
    private static String withFraction(long v, int prec) {
        long scale = (long) Math.pow(10, prec);
        long whole = Long.divideUnsigned(v, scale);
        long frac = Long.remainderUnsigned(v, scale);
        if (frac == 0) {
            return Long.toUnsignedString(whole);
        }
        String digits = String.format("%0" + prec + "d", frac).replaceAll("0+$", "");
        return Long.toUnsignedString(whole) + "." + digits;
    }

    /** {@code Duration.Round(m)}: to the nearest multiple of m, halves away from zero. */
    GoDuration round(long m) {
        if (m <= 0) {
            return this;
        }
        long r = nanos % m;
        if (nanos < 0) {
            r = -r;
            if (lessThanHalf(r, m)) {
                return new GoDuration(nanos + r);
            }
            long d1 = nanos - m + r;
            return new GoDuration(d1 < nanos ? d1 : Long.MIN_VALUE);
        }
        if (lessThanHalf(r, m)) {
            return new GoDuration(nanos - r);
        }
        long d1 = nanos + m - r;
        return new GoDuration(d1 > nanos ? d1 : Long.MAX_VALUE);
    }

    private static boolean lessThanHalf(long x, long y) {
        return Long.compareUnsigned(x + x, y) < 0;
    }

    /** {@code time.ParseDuration}, e.g. {@code 1h30m}, {@code -1.5s}, {@code 300ms}. */
    public static GoDuration parse(String orig) {
        String s = orig;
        boolean neg = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            neg = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return new GoDuration(0);
        }
        if (s.isEmpty()) {
            throw invalid(orig);
        }
        long total = 0; // unsigned accumulation, limit 1<<63
        while (!s.isEmpty()) {
            char c0 = s.charAt(0);
            if (!(c0 == '.' || c0 >= '0' && c0 <= '9')) {
                throw invalid(orig);
            }
            int i = 0;
            long v = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                // v is unsigned and may reach 1<<63 (Long.MIN_VALUE) but no further
                if (Long.compareUnsigned(v, Long.divideUnsigned(Long.MIN_VALUE, 10)) > 0) {
                    throw invalid(orig);
                }
                v = v * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(v, Long.MIN_VALUE) > 0) {
                    throw invalid(orig);
                }
                i++;
            }
            boolean pre = i > 0;
            long f = 0;
            double scale = 1;
            boolean post = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int start = i;
                boolean overflow = false;
                while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    if (!overflow) {
                        if (f > (Long.MAX_VALUE - 9) / 10) {
                            overflow = true; // keep consuming digits but ignore them
                        } else {
                            f = f * 10 + (s.charAt(i) - '0');
                            scale *= 10;
                        }
                    }
                    i++;
                }
                post = i > start;
            }
            if (!pre && !post) {
                throw invalid(orig);
            }
            int u = i;
            while (u < s.length() && s.charAt(u) != '.' && !(s.charAt(u) >= '0' && s.charAt(u) <= '9')) {
                u++;
            }
            if (u == i) {
                throw new FunctionException("time: missing unit in duration " + quote(orig));
            }
            String unitName = s.substring(i, u);
            long unit = switch (unitName) {
                case "ns" -> NANOSECOND;
                case "us", "\u00b5s", "\u03bcs" -> MICROSECOND;
                case "ms" -> MILLISECOND;
                case "s" -> SECOND;
                case "m" -> MINUTE;
                case "h" -> HOUR;
                default -> throw new FunctionException(
                        "time: unknown unit " + quote(unitName) + " in duration " + quote(orig));
            };
            s = s.substring(u);
            if (Long.compareUnsigned(v, Long.divideUnsigned(Long.MIN_VALUE, unit)) > 0) {
                throw invalid(orig);
            }
            v *= unit;
            if (f > 0) {
                v += (long) (f * (unit / scale));
                if (Long.compareUnsigned(v, Long.MIN_VALUE) > 0) {
                    throw invalid(orig);
                }
            }
            total += v;
            if (Long.compareUnsigned(total, Long.MIN_VALUE) > 0) {
                throw invalid(orig);
            }
        }
        if (neg) {
            return new GoDuration(-total);
        }
        if (total < 0) {
            throw invalid(orig);
        }
        return new GoDuration(total);
    }

    private static FunctionException invalid(String orig) {
        return new FunctionException("time: invalid duration " + quote(orig));
    }

    /** The time package's own quoting: non-ASCII and control bytes as {@code \xNN}; quote and backslash escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 0x80 || c < ' ') {
                sb.append(String.format("\\x%02x", c));
            } else {
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append((char) c);
            }
        }
        return sb.append('"').toString();
    }
}
