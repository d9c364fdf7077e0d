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
 */
final class GoTimeLayout {
    private static final List<String> LONG_MONTHS = List.of("January", "February", "March", "April", "May",
            "June", "July", "August", "September", "October", "November", "December");
    private static final List<String> LONG_DAYS = List.of("Sunday", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday");

    private GoTimeLayout() {
    }

    /** Thrown inside the parser; becomes Go's ParseError text. */
    private static FunctionException parseError(String layout, String value, String layoutElem, String valueElem) {
        return new FunctionException("parsing time " + GoDuration.quote(value) + " as " + GoDuration.quote(layout)
                + ": cannot parse " + GoDuration.quote(valueElem) + " as " + GoDuration.quote(layoutElem));
    }

    private static FunctionException messageError(String value, String message) {
        return new FunctionException("parsing time " + GoDuration.quote(value) + message);
    }

    /** {@code time.ParseInLocation(layout, value, time.Local)} with Local being UTC. */
    static GoTime parse(String layout, String value) {
        String v = value;
        int year = 0;
        int month = -1;
        int day = -1;
        int yday = -1;
        int hour = 0;
        int min = 0;
        int sec = 0;
        int nsec = 0;
        boolean pm = false;
        boolean am = false;
        boolean utc = false;
        int zoneOffset = -1;
        String zoneName = "";
        int pos = 0;
        while (true) {
            GoLayoutChunks.Chunk c = GoLayoutChunks.nextChunk(layout, pos);
            String prefix = layout.substring(pos, c == null ? layout.length() : c.start());
            String rest = skip(v, prefix);
            if (rest == null) {
                throw parseError(layout, value, prefix, v);
            }
            v = rest;
            if (c == null) {
                if (!v.isEmpty()) {
                    throw messageError(value, ": extra text: " + GoDuration.quote(v));
                }
                break;
            }
            pos = c.end();
            String stdText = layout.substring(c.start(), c.end());
            String hold = v;
            String range = null;
            try {
                switch (c.std()) {
                    case YEAR -> {
                        if (v.length() < 2 || !digits(v, 0, 2)) {
                            throw bad();
                        }
                        year = Integer.parseInt(v.substring(0, 2));
                        year += year >= 69 ? 1900 : 2000;
                        v = v.substring(2);
                    }
                    case LONG_YEAR -> {
                        if (v.length() < 4 || !digits(v, 0, 4)) {
                            throw bad();
                        }
                        year = Integer.parseInt(v.substring(0, 4));
                        v = v.substring(4);
                    }
                    case MONTH, LONG_MONTH -> {
                        int idx = lookup(v, LONG_MONTHS, c.std() == GoLayoutChunks.Std.MONTH);
                        month = idx + 1;
                        v = v.substring((c.std() == GoLayoutChunks.Std.MONTH ? 3 : LONG_MONTHS.get(idx).length()));
                    }
                    case NUM_MONTH, ZERO_MONTH -> {
                        int[] r = num(v, c.std() == GoLayoutChunks.Std.ZERO_MONTH);
                        month = r[0];
                        v = v.substring(r[1]);
                        if (month <= 0 || month > 12) {
                            range = "month";
                        }
                    }
                    case WEEKDAY, LONG_WEEKDAY -> {
                        int idx = lookup(v, LONG_DAYS, c.std() == GoLayoutChunks.Std.WEEKDAY);
                        v = v.substring(c.std() == GoLayoutChunks.Std.WEEKDAY ? 3 : LONG_DAYS.get(idx).length());
                    }
                    case DAY, UNDER_DAY, ZERO_DAY -> {
                        if (c.std() == GoLayoutChunks.Std.UNDER_DAY && v.startsWith(" ")) {
                            v = v.substring(1);
                        }
                        int[] r = num(v, c.std() == GoLayoutChunks.Std.ZERO_DAY);
                        day = r[0];
                        v = v.substring(r[1]);
                    }
                    case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
                        for (int k = 0; k < 2; k++) {
                            if (c.std() == GoLayoutChunks.Std.UNDER_YEAR_DAY && v.startsWith(" ")) {
                                v = v.substring(1);
                            }
                        }
                        int n = 0;
                        while (n < 3 && n < v.length() && Character.isDigit(v.charAt(n))) {
                            n++;
                        }
                        if (n == 0 || c.std() == GoLayoutChunks.Std.ZERO_YEAR_DAY && n < 3) {
                            throw bad();
                        }
                        yday = Integer.parseInt(v.substring(0, n));
                        v = v.substring(n);
                        if (yday < 1 || yday > 366) {
                            range = "day-of-year";
                        }
                    }
                    case HOUR -> {
                        int[] r = num(v, false);
                        hour = r[0];
                        v = v.substring(r[1]);
                        if (hour < 0 || hour >= 24) {
                            range = "hour";
                        }
                    }
                    case HOUR12, ZERO_HOUR12 -> {
                        int[] r = num(v, c.std() == GoLayoutChunks.Std.ZERO_HOUR12);
                        hour = r[0];
                        v = v.substring(r[1]);
                        if (hour < 0 || hour > 12) {
                            range = "hour";
                        }
                    }
                    case MINUTE, ZERO_MINUTE -> {
                        int[] r = num(v, c.std() == GoLayoutChunks.Std.ZERO_MINUTE);
                        min = r[0];
                        v = v.substring(r[1]);
                        if (min < 0 || min >= 60) {
                            range = "minute";
                        }
                    }
                    case SECOND, ZERO_SECOND -> {
                        int[] r = num(v, c.std() == GoLayoutChunks.Std.ZERO_SECOND);
                        sec = r[0];
                        v = v.substring(r[1]);
                        if (sec < 0 || sec >= 60) {
                            range = "second";
                            break;
                        }
                        // A fraction in the value is accepted even without one in the layout.
                        if (v.length() >= 2 && (v.charAt(0) == '.' || v.charAt(0) == ',') && Character.isDigit(v.charAt(1))) {
                            GoLayoutChunks.Chunk next = GoLayoutChunks.nextChunk(layout, pos);
                            if (next != null && (next.std() == GoLayoutChunks.Std.FRAC0 || next.std() == GoLayoutChunks.Std.FRAC9)) {
                                break;
                            }
                            int n = 2;
                            while (n < v.length() && Character.isDigit(v.charAt(n))) {
                                n++;
                            }
                            nsec = nanos(v.substring(1, n));
                            v = v.substring(n);
                        }
                    }
                    case PM -> {
                        if (v.length() < 2) {
                            throw bad();
                        }
                        String p = v.substring(0, 2);
                        if (p.equals("PM")) {
                            pm = true;
                        } else if (p.equals("AM")) {
                            am = true;
                        } else {
                            throw bad();
                        }
                        v = v.substring(2);
                    }
                    case LOWER_PM -> {
                        if (v.length() < 2) {
                            throw bad();
                        }
                        String p = v.substring(0, 2);
                        if (p.equals("pm")) {
                            pm = true;
                        } else if (p.equals("am")) {
                            am = true;
                        } else {
                            throw bad();
                        }
                        v = v.substring(2);
                    }
                    case ISO_TZ, ISO_SHORT_TZ, ISO_COLON_TZ, ISO_SECONDS_TZ, ISO_COLON_SECONDS_TZ, NUM_TZ,
                            NUM_SHORT_TZ, NUM_COLON_TZ, NUM_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> {
                        if (c.std().name().startsWith("ISO") && v.startsWith("Z")) {
                            v = v.substring(1);
                            utc = true;
                            break;
                        }
                        String shape = c.std().text.substring(1); // e.g. 07:00
                        int len = 1 + shape.length();
                        if (v.length() < len || (v.charAt(0) != '+' && v.charAt(0) != '-')) {
                            throw bad();
                        }
                        int hh;
                        int mm = 0;
                        int ss = 0;
                        String body = v.substring(1, len);
                        for (int k = 0; k < shape.length(); k++) {
                            boolean colon = shape.charAt(k) == ':';
                            if (colon != (body.charAt(k) == ':') || !colon && !Character.isDigit(body.charAt(k))) {
                                throw bad();
                            }
                        }
                        String d = body.replace(":", "");
                        hh = Integer.parseInt(d.substring(0, 2));
                        if (d.length() >= 4) {
                            mm = Integer.parseInt(d.substring(2, 4));
                        }
                        if (d.length() >= 6) {
                            ss = Integer.parseInt(d.substring(4, 6));
                        }
                        if (hh > 24) {
                            range = "time zone offset hour";
                        } else if (mm > 60) {
                            range = "time zone offset minute";
                        } else if (ss > 60) {
                            range = "time zone offset second";
                        }
                        zoneOffset = (hh * 60 + mm) * 60 + ss;
                        if (v.charAt(0) == '-') {
                            zoneOffset = -zoneOffset;
                        }
                        v = v.substring(len);
                    }
                    case TZ -> {
                        if (v.length() >= 3 && v.startsWith("UTC")) {
                            utc = true;
                            v = v.substring(3);
                            break;
                        }
                        int n = zoneAbbreviationLength(v);
                        if (n == 0) {
                            throw bad();
                        }
                        zoneName = v.substring(0, n);
                        v = v.substring(n);
                    }
                    case FRAC0 -> {
                        int digitsWanted = c.end() - c.start() - 1;
                        if (v.length() < digitsWanted + 1 || v.charAt(0) != layout.charAt(c.start())
                                && !(v.charAt(0) == '.' || v.charAt(0) == ',')) {
                            throw bad();
                        }
                        if (!digits(v, 1, 1 + digitsWanted)) {
                            throw bad();
                        }
                        nsec = nanos(v.substring(1, 1 + digitsWanted));
                        v = v.substring(1 + digitsWanted);
                    }
                    case FRAC9 -> {
                        if (v.length() < 2 || !(v.charAt(0) == '.' || v.charAt(0) == ',') || !Character.isDigit(v.charAt(1))) {
                            break; // fractional second is optional
                        }
                        int n = 1;
                        while (n < 10 && n < v.length() && Character.isDigit(v.charAt(n))) {
                            n++;
                        }
                        nsec = nanos(v.substring(1, n));
                        v = v.substring(n);
                    }
                    default -> throw new IllegalStateException(c.std().name());
                }
            } catch (Bad b) {
                throw parseError(layout, value, stdText, hold);
            }
            if (range != null) {
                throw messageError(value, ": " + range + " out of range");
            }
        }
        if (pm && hour < 12) {
            hour += 12;
        } else if (am && hour == 12) {
            hour = 0;
        }
        if (yday >= 0) {
            boolean leap = Year.isLeap(year);
            if (yday > (leap ? 366 : 365)) {
                throw messageError(value, ": day-of-year out of range");
            }
            LocalDateTime d = LocalDateTime.of(year, 1, 1, 0, 0).plusDays(yday - 1L);
            if (month >= 0 && month != d.getMonthValue() || day >= 0 && day != d.getDayOfMonth()) {
                throw messageError(value, ": day-of-year does not match " + (month >= 0 && month != d.getMonthValue() ? "month" : "day"));
            }
            month = d.getMonthValue();
            day = d.getDayOfMonth();
        } else {
            month = month < 0 ? 1 : month;
            day = day < 0 ? 1 : day;
        }
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw messageError(value, ": day out of range");
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
            int offset = 0;
            if (zoneName.length() > 3 && zoneName.startsWith("GMT")) {
                offset = Integer.parseInt(zoneName.substring(3)) * 3600;
            }
            return new GoTime(local - offset, nsec, offset, zoneName);
        }
        return new GoTime(local, nsec, 0, "UTC");
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
