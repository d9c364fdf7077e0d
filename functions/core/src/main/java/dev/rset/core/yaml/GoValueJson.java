package dev.rset.core.yaml;

import dev.rset.core.gotypes.GoValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON form of a {@link GoValue}, as encoding/json would produce it for the Go type. */
final class GoValueJson {
    /** {@code time.Time.String()}: date, time, optional fraction, numeric offset, zone name, monotonic clock. */
    private static final Pattern TIME_STRING = Pattern.compile(
            "^(-?\\d{4,}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2})(\\.\\d+)? ([+-])(\\d{2})(\\d{2})(?:\\d{2})?(?: [^ ]+)?(?: m=.*)?$");

    private GoValueJson() {
    }

    /** The value encoding/json marshals in place of {@code v}: a String, number or nested value. */
    static Object jsonValue(GoValue v) {
        if (v instanceof GoJsonMarshaler m) {
            return m.toJsonValue();
        }
        if ("time.Time".equals(v.goTypeName())) {
            String rfc = rfc3339Nano(v.goString());
            if (rfc != null) {
                return rfc;
            }
        }
        // Types implementing fmt.Stringer but not json.Marshaler have no generic JSON form; the
        // printed form, quoted, is the most useful approximation (documented deviation).
        return v.goString();
    }

    /** Converts Go's {@code time.Time.String()} output to {@code time.RFC3339Nano}. */
    static String rfc3339Nano(String goString) {
        Matcher m = TIME_STRING.matcher(goString);
        if (!m.matches()) {
            return null;
        }
        String frac = m.group(3) == null ? "" : m.group(3);
        String offset = m.group(4) + m.group(5) + ":" + m.group(6);
        if ("+00:00".equals(offset) || "-00:00".equals(offset)) {
            offset = "Z";
        }
        return m.group(1) + "T" + m.group(2) + frac + offset;
    }
}
