package dev.rset.core.template.sprig;

import dev.rset.core.template.FunctionException;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Go's {@code time.ParseInLocation} for Go reference-time layouts ({@code 2006-01-02},
 * {@code Jan _2 15:04:05}, {@code 2006-01-02T15:04:05Z07:00}, ...), in the Local zone of a Flux
 * Operator container, which is UTC. Error texts are Go's {@code parsing time ...} messages.
 * One instance parses one value: each layout element consumes the front of {@link #rest}.
 */
final class GoTimeLayout {
    private static final List<String> LONG_MONTHS = List.of("January", "February", "March", "April", "May",
            "June", "July", "August", "September", "October", "November", "December");
    private static final List<String> LONG_DAYS = List.of("Sunday", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday");

    private final String layout;
    private final String value;
    private String rest;
    private int year;
    private int month = -1;
    private int day = -1;
    private int yday = -1;
    private int hour;
    private int min;
    private int sec;
    private int nsec;
    private boolean pm;
    private boolean am;
    private boolean utc;
    private int zoneOffset = -1;
    private String zoneName = "";

    private GoTimeLayout(String layout, String value) {
        this.layout = layout;
        this.value = value;
        this.rest = value;
    }

    /** {@code time.ParseInLocation(layout, value, time.Local)} with Local being UTC. */
    static GoTime parse(String layout, String value) {
        return new GoTimeLayout(layout, value).run();
    }

    private GoTime run() {
        int pos = 0;
        while (true) {
            GoLayoutChunks.Chunk c = GoLayoutChunks.nextChunk(layout, pos);
            String prefix = layout.substring(pos, c == null ? layout.length() : c.start());
            String afterPrefix = skip(rest, prefix);
            if (afterPrefix == null) {
                throw parseError(prefix, rest);
            }
            rest = afterPrefix;
            if (c == null) {
                if (!rest.isEmpty()) {
                    throw messageError(": extra text: " + GoDuration.quote(rest));
                }
                return build();
            }
            pos = c.end();
            String valueElem = rest;
            String range;
            try {
                range = element(c);
            } catch (Bad b) {
                throw parseError(layout.substring(c.start(), c.end()), valueElem);
            }
            if (range != null) {
                throw messageError(": " + range + " out of range");
            }
        }
    }

    /** Consumes one element's text; returns the name of a field out of range, if any. */
    private String element(GoLayoutChunks.Chunk c) throws Bad {
        GoLayoutChunks.Std std = c.std();
        switch (std) {
            case YEAR -> {
                year = fixedDigits(2);
                year += year >= 69 ? 1900 : 2000;
                return null;
            }
            case LONG_YEAR -> {
                year = fixedDigits(4);
                return null;
            }
            case MONTH, LONG_MONTH -> {
                month = name(LONG_MONTHS, std == GoLayoutChunks.Std.MONTH) + 1;
                return null;
            }
            case WEEKDAY, LONG_WEEKDAY -> {
                name(LONG_DAYS, std == GoLayoutChunks.Std.WEEKDAY); // checked, then ignored
                return null;
            }
            case NUM_MONTH, ZERO_MONTH -> {
                month = num(std == GoLayoutChunks.Std.ZERO_MONTH);
                return month <= 0 || month > 12 ? "month" : null;
            }
            case DAY, UNDER_DAY, ZERO_DAY -> {
                if (std == GoLayoutChunks.Std.UNDER_DAY && rest.startsWith(" ")) {
                    rest = rest.substring(1);
                }
                day = num(std == GoLayoutChunks.Std.ZERO_DAY);
                return null; // checked against the month at the end
            }
            case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
                return yearDay(std == GoLayoutChunks.Std.ZERO_YEAR_DAY);
            }
            case HOUR -> {
                hour = num(false);
                return hour >= 24 ? "hour" : null;
            }
            case HOUR12, ZERO_HOUR12 -> {
                hour = num(std == GoLayoutChunks.Std.ZERO_HOUR12);
                return hour > 12 ? "hour" : null;
            }
            case MINUTE, ZERO_MINUTE -> {
                min = num(std == GoLayoutChunks.Std.ZERO_MINUTE);
                return min >= 60 ? "minute" : null;
            }
            case SECOND, ZERO_SECOND -> {
                sec = num(std == GoLayoutChunks.Std.ZERO_SECOND);
                if (sec >= 60) {
                    return "second";
                }
                implicitFraction(c.end());
                return null;
            }
            case PM, LOWER_PM -> {
                meridiem(std == GoLayoutChunks.Std.PM);
                return null;
            }
            case TZ -> {
                zoneAbbreviation();
                return null;
            }
            case FRAC0 -> {
                fixedFraction(c.end() - c.start() - 1);
                return null;
            }
            case FRAC9 -> {
                optionalFraction();
                return null;
            }
            default -> {
                return numericZone(std);
            }
        }
    }

    private int fixedDigits(int n) throws Bad {
        if (!digits(rest, 0, n)) {
            throw bad();
        }
        int v = Integer.parseInt(rest.substring(0, n));
        rest = rest.substring(n);
        return v;
    }

    private int name(List<String> names, boolean abbrev) throws Bad {
        int idx = lookup(rest, names, abbrev);
        rest = rest.substring(abbrev ? 3 : names.get(idx).length());
        return idx;
    }

    private int num(boolean fixed) throws Bad {
        int[] r = num(rest, fixed);
        rest = rest.substring(r[1]);
        return r[0];
    }

    private String yearDay(boolean zeroPadded) throws Bad {
        for (int k = 0; k < 2 && !zeroPadded && rest.startsWith(" "); k++) {
            rest = rest.substring(1);
        }
        int n = 0;
        while (n < 3 && n < rest.length() && Character.isDigit(rest.charAt(n))) {
            n++;
        }
        if (n == 0 || zeroPadded && n < 3) {
            throw bad();
        }
        yday = Integer.parseInt(rest.substring(0, n));
        rest = rest.substring(n);
        return yday < 1 || yday > 366 ? "day-of-year" : null;
    }

    /** A fraction after the seconds is taken even when the layout has none right there. */
    private void implicitFraction(int layoutPos) {
        if (rest.length() < 2 || !isDecimalSeparator(rest.charAt(0)) || !Character.isDigit(rest.charAt(1))) {
            return;
        }
        GoLayoutChunks.Chunk next = GoLayoutChunks.nextChunk(layout, layoutPos);
        if (next != null && (next.std() == GoLayoutChunks.Std.FRAC0 || next.std() == GoLayoutChunks.Std.FRAC9)) {
            return;
        }
        int n = 2;
        while (n < rest.length() && Character.isDigit(rest.charAt(n))) {
            n++;
        }
        nsec = nanos(rest.substring(1, n));
        rest = rest.substring(n);
    }

    private static boolean isDecimalSeparator(char c) {
        return c == '.' || c == ',';
    }

    private void meridiem(boolean upper) throws Bad {
        if (rest.length() < 2) {
            throw bad();
        }
        String p = rest.substring(0, 2);
        if (p.equals(upper ? "PM" : "pm")) {
            pm = true;
        } else if (p.equals(upper ? "AM" : "am")) {
            am = true;
        } else {
            throw bad();
        }
        rest = rest.substring(2);
    }

    private void zoneAbbreviation() throws Bad {
        if (rest.startsWith("UTC")) {
            utc = true;
            rest = rest.substring(3);
            return;
        }
        int n = zoneAbbreviationLength(rest);
        if (n == 0) {
            throw bad();
        }
        zoneName = rest.substring(0, n);
        rest = rest.substring(n);
    }

    private void fixedFraction(int digitsWanted) throws Bad {
        if (rest.length() < digitsWanted + 1 || !isDecimalSeparator(rest.charAt(0)) || !digits(rest, 1, 1 + digitsWanted)) {
            throw bad();
        }
        nsec = nanos(rest.substring(1, 1 + digitsWanted));
        rest = rest.substring(1 + digitsWanted);
    }

    private void optionalFraction() {
        if (rest.length() < 2 || !isDecimalSeparator(rest.charAt(0)) || !Character.isDigit(rest.charAt(1))) {
            return;
        }
        int n = 1;
        while (n < 10 && n < rest.length() && Character.isDigit(rest.charAt(n))) {
            n++;
        }
        nsec = nanos(rest.substring(1, n));
        rest = rest.substring(n);
    }

    /** {@code Z07:00}-style (Z allowed) and {@code -07:00}-style offsets. */
    private String numericZone(GoLayoutChunks.Std std) throws Bad {
        if (std.name().startsWith("ISO") && rest.startsWith("Z")) {
            rest = rest.substring(1);
            utc = true;
            return null;
        }
        String shape = std.text.substring(1); // e.g. 07:00
        int len = 1 + shape.length();
        if (rest.length() < len || rest.charAt(0) != '+' && rest.charAt(0) != '-') {
            throw bad();
        }
        String body = rest.substring(1, len);
        for (int k = 0; k < shape.length(); k++) {
            boolean colon = shape.charAt(k) == ':';
            if (colon != (body.charAt(k) == ':') || !colon && !Character.isDigit(body.charAt(k))) {
                throw bad();
            }
        }
        String d = body.replace(":", "");
        int hh = Integer.parseInt(d.substring(0, 2));
        int mm = d.length() >= 4 ? Integer.parseInt(d.substring(2, 4)) : 0;
        int ss = d.length() >= 6 ? Integer.parseInt(d.substring(4, 6)) : 0;
        zoneOffset = ((hh * 60 + mm) * 60 + ss) * (rest.charAt(0) == '-' ? -1 : 1);
        rest = rest.substring(len);
        if (hh > 24) {
            return "time zone offset hour";
        }
        if (mm > 60) {
            return "time zone offset minute";
        }
        return ss > 60 ? "time zone offset second" : null;
    }

    /** Applies AM/PM and day-of-year, validates the day, and places the time in its zone. */
    private GoTime build() {
        if (pm && hour < 12) {
            hour += 12;
        } else if (am && hour == 12) {
            hour = 0;
        }
        if (yday >= 0) {
            if (yday > (Year.isLeap(year) ? 366 : 365)) {
                throw messageError(": day-of-year out of range");
            }
            LocalDateTime d = LocalDateTime.of(year, 1, 1, 0, 0).plusDays(yday - 1L);
            if (month >= 0 && month != d.getMonthValue()) {
                throw messageError(": day-of-year does not match month");
            }
            if (day >= 0 && day != d.getDayOfMonth()) {
                throw messageError(": day-of-year does not match day");
            }
            month = d.getMonthValue();
            day = d.getDayOfMonth();
        } else {
            month = month < 0 ? 1 : month;
            day = day < 0 ? 1 : day;
        }
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw messageError(": day out of range");
        }
        long local = LocalDateTime.of(year, month, day, hour, min, sec).toEpochSecond(ZoneOffset.UTC);
        if (utc) {
            return new GoTime(local, nsec, 0, "UTC");
        }
        if (zoneOffset != -1) {
            // Local (UTC) is reused when the offset matches it; otherwise a nameless fixed zone.
            return new GoTime(local - zoneOffset, nsec, zoneOffset, zoneOffset == 0 ? "UTC" : "");
        }
        if (!zoneName.isEmpty()) {
            // An abbreviation Local does not know gets a fabricated zone at offset 0; for GMT+h Go
            // attaches the offset without moving the instant (the wall clock was read as UTC).
            int offset = zoneName.length() > 3 && zoneName.startsWith("GMT")
                    ? Integer.parseInt(zoneName.substring(3)) * 3600 : 0;
            return new GoTime(local, nsec, offset, zoneName);
        }
        return new GoTime(local, nsec, 0, "UTC");
    }

    private FunctionException parseError(String layoutElem, String valueElem) {
        return new FunctionException("parsing time " + GoDuration.quote(value) + " as " + GoDuration.quote(layout)
                + ": cannot parse " + GoDuration.quote(valueElem) + " as " + GoDuration.quote(layoutElem));
    }

    private FunctionException messageError(String message) {
        return new FunctionException("parsing time " + GoDuration.quote(value) + message);
    }

    /** Go's {@code skip}: removes the literal prefix, a run of spaces matching any run; null if no match. */
    private static String skip(String value, String prefix) {
        int v = 0;
        int p = 0;
        while (p < prefix.length()) {
            if (prefix.charAt(p) == ' ') {
                if (v < value.length() && value.charAt(v) != ' ') {
                    return null;
                }
                while (p < prefix.length() && prefix.charAt(p) == ' ') {
                    p++;
                }
                while (v < value.length() && value.charAt(v) == ' ') {
                    v++;
                }
                continue;
            }
            if (v >= value.length() || value.charAt(v) != prefix.charAt(p)) {
                return null;
            }
            p++;
            v++;
        }
        return value.substring(v);
    }

    /** Go's {@code parseTimeZone} for abbreviations: 3 letters, or 4-5 ending in T, plus GMT+h. */
    private static int zoneAbbreviationLength(String v) {
        if (v.length() < 3) {
            return 0;
        }
        if (v.startsWith("ChST") || v.startsWith("MeST")) {
            return 4;
        }
        if (v.startsWith("GMT")) {
            int n = 3;
            if (n < v.length() && (v.charAt(n) == '+' || v.charAt(n) == '-')) {
                int m = n + 1;
                while (m < v.length() && Character.isDigit(v.charAt(m))) {
                    m++;
                }
                if (m > n + 1 && Integer.parseInt(v.substring(n + 1, Math.min(m, n + 4))) <= 23) {
                    return m;
                }
            }
            return 3;
        }
        int upper = 0;
        while (upper < 6 && upper < v.length() && v.charAt(upper) >= 'A' && v.charAt(upper) <= 'Z') {
            upper++;
        }
        return switch (upper) {
            case 3 -> 3;
            case 4 -> v.charAt(3) == 'T' || v.startsWith("WITA") ? 4 : 0;
            case 5 -> v.charAt(4) == 'T' ? 5 : 0;
            default -> 0;
        };
    }

    /** Marks a value element that does not fit its layout element. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad() {
            super(null, null, false, false);
        }
    }

    private static Bad bad() {
        return new Bad();
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code getnum}: one or two digits, exactly two when fixed. Returns {value, length}. */
    private static int[] num(String s, boolean fixed) throws Bad {
        if (!digits(s, 0, 1)) {
            throw bad();
        }
        if (!digits(s, 1, 2)) {
            if (fixed) {
                throw bad();
            }
            return new int[] {s.charAt(0) - '0', 1};
        }
        return new int[] {(s.charAt(0) - '0') * 10 + s.charAt(1) - '0', 2};
    }

    /** A case-insensitive name match: a full name or, when {@code abbrev}, its first three letters. */
    private static int lookup(String v, List<String> names, boolean abbrev) throws Bad {
        for (int k = 0; k < names.size(); k++) {
            String n = abbrev ? names.get(k).substring(0, 3) : names.get(k);
            if (v.length() >= n.length() && v.substring(0, n.length()).equalsIgnoreCase(n)) {
                return k;
            }
        }
        throw bad();
    }

    private static int nanos(String fractionDigits) {
        String d = fractionDigits.length() > 9 ? fractionDigits.substring(0, 9) : fractionDigits;
        return Integer.parseInt((d + "000000000").substring(0, 9));
    }
}
