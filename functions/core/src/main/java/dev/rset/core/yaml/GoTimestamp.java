package dev.rset.core.yaml;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * go-yaml v2's {@code parseTimestamp}: whether a plain scalar parses with Go's {@code time.Parse}
 * under one of the layouts {@code 2006-1-2T15:4:5.999999999Z07:00} (or lower-case {@code t}),
 * {@code 2006-1-2 15:4:5.999999999} and {@code 2006-1-2}, including Go's range checks.
 */
final class GoTimestamp {
    private static final String DATE = "(\\d{4})-(\\d{1,2})-(\\d{1,2})";
    private static final String TIME = "(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:[.,]\\d+)?";
    private static final Pattern ZONED = Pattern.compile(DATE + "[Tt]" + TIME + "(Z|[+-](\\d{2}):(\\d{2}))");
    private static final Pattern SPACED = Pattern.compile(DATE + " " + TIME);
    private static final Pattern DATE_ONLY = Pattern.compile(DATE);

    private GoTimestamp() {
    }

    static boolean isTimestamp(String s) {
        // go-yaml's quick check: exactly four digits, then '-'.
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i != 4 || i == s.length() || s.charAt(i) != '-') {
            return false;
        }
        Matcher m = ZONED.matcher(s);
        if (m.matches()) {
            return validDate(m) && validTime(m)
                    && (m.group(8) == null || Integer.parseInt(m.group(8)) <= 24 && Integer.parseInt(m.group(9)) <= 60);
        }
        m = SPACED.matcher(s);
        if (m.matches()) {
            return validDate(m) && validTime(m);
        }
        m = DATE_ONLY.matcher(s);
        return m.matches() && validDate(m);
    }

    private static boolean validDate(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
    }

    private static boolean validTime(Matcher m) {
        return Integer.parseInt(m.group(4)) < 24 && Integer.parseInt(m.group(5)) < 60
                && Integer.parseInt(m.group(6)) < 60;
    }

    private static int daysIn(int month, int year) {
        if (month == 2) {
            boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }
}
