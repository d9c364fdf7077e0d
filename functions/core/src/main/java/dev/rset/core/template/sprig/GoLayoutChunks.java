package dev.rset.core.template.sprig;

/**
 * Splits a Go time layout into its elements the way {@code time.nextStdChunk} does: the
 * reference-time tokens ({@code 2006}, {@code Jan}, {@code 15}, {@code Z07:00}, {@code .000}, ...)
 * and the literal text between them.
 */
final class GoLayoutChunks {
    /** A layout element; the literal text between elements is matched verbatim. */
    enum Std {
        LONG_MONTH("January"), MONTH("Jan"), NUM_MONTH("1"), ZERO_MONTH("01"), LONG_WEEKDAY("Monday"),
        WEEKDAY("Mon"), DAY("2"), UNDER_DAY("_2"), ZERO_DAY("02"), UNDER_YEAR_DAY("__2"),
        ZERO_YEAR_DAY("002"), HOUR("15"), HOUR12("3"), ZERO_HOUR12("03"), MINUTE("4"), ZERO_MINUTE("04"),
        SECOND("5"), ZERO_SECOND("05"), LONG_YEAR("2006"), YEAR("06"), PM("PM"), LOWER_PM("pm"), TZ("MST"),
        ISO_TZ("Z0700"), ISO_SHORT_TZ("Z07"), ISO_COLON_TZ("Z07:00"), ISO_SECONDS_TZ("Z070000"),
        ISO_COLON_SECONDS_TZ("Z07:00:00"), NUM_TZ("-0700"), NUM_SHORT_TZ("-07"), NUM_COLON_TZ("-07:00"),
        NUM_SECONDS_TZ("-070000"), NUM_COLON_SECONDS_TZ("-07:00:00"), FRAC0(null), FRAC9(null);

        final String text;

        Std(String text) {
            this.text = text;
        }
    }

    /** The next element at or after {@code from}: its start, its end, and its kind. */
    record Chunk(int start, int end, Std std) {
    }

    private GoLayoutChunks() {
    }

    static Chunk nextChunk(String l, int from) {
        for (int i = from; i < l.length(); i++) {
            Std std = stdAt(l, i);
            if (std != null) {
                int len = std.text != null ? std.text.length() : fracLength(l, i);
                if (std == Std.UNDER_DAY && l.startsWith("_2006", i)) {
                    return new Chunk(i + 1, i + 5, Std.LONG_YEAR); // "_" is literal before a year
                }
                return new Chunk(i, i + len, std);
            }
        }
        return null;
    }

    private static Std stdAt(String l, int i) {
        char c = l.charAt(i);
        switch (c) {
            case 'J':
                return l.startsWith("January", i) ? Std.LONG_MONTH : l.startsWith("Jan", i) ? Std.MONTH : null;
            case 'M':
                if (l.startsWith("Monday", i)) {
                    return Std.LONG_WEEKDAY;
                }
                return l.startsWith("Mon", i) ? Std.WEEKDAY : l.startsWith("MST", i) ? Std.TZ : null;
            case '0':
                if (l.startsWith("002", i)) {
                    return Std.ZERO_YEAR_DAY;
                }
                if (i + 1 < l.length() && l.charAt(i + 1) >= '1' && l.charAt(i + 1) <= '6') {
                    return new Std[] {Std.ZERO_MONTH, Std.ZERO_DAY, Std.ZERO_HOUR12, Std.ZERO_MINUTE,
                        Std.ZERO_SECOND, Std.YEAR}[l.charAt(i + 1) - '1'];
                }
                return null;
            case '1':
                return l.startsWith("15", i) ? Std.HOUR : Std.NUM_MONTH;
            case '2':
                return l.startsWith("2006", i) ? Std.LONG_YEAR : Std.DAY;
            case '_':
                if (l.startsWith("__2", i)) {
                    return Std.UNDER_YEAR_DAY;
                }
                return l.startsWith("_2", i) ? Std.UNDER_DAY : null;
            case '3':
                return Std.HOUR12;
            case '4':
                return Std.MINUTE;
            case '5':
                return Std.SECOND;
            case 'P':
                return l.startsWith("PM", i) ? Std.PM : null;
            case 'p':
                return l.startsWith("pm", i) ? Std.LOWER_PM : null;
            case '-':
                return firstAt(l, i, Std.NUM_COLON_SECONDS_TZ, Std.NUM_SECONDS_TZ, Std.NUM_COLON_TZ,
                        Std.NUM_TZ, Std.NUM_SHORT_TZ);
            case 'Z':
                return firstAt(l, i, Std.ISO_COLON_SECONDS_TZ, Std.ISO_SECONDS_TZ, Std.ISO_COLON_TZ,
                        Std.ISO_TZ, Std.ISO_SHORT_TZ);
            case '.', ',':
                if (i + 1 < l.length() && (l.charAt(i + 1) == '0' || l.charAt(i + 1) == '9')) {
                    int len = fracLength(l, i);
                    if (i + len >= l.length() || !Character.isDigit(l.charAt(i + len))) {
                        return l.charAt(i + 1) == '0' ? Std.FRAC0 : Std.FRAC9;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    /**
     * The first of {@code candidates} whose text starts at {@code i}; listing longer forms first
     * makes the longest win ({@code -07:00:00} over {@code -07}).
     */
    private static Std firstAt(String l, int i, Std... candidates) {
        for (Std s : candidates) {
            if (l.startsWith(s.text, i)) {
                return s;
            }
        }
        return null;
    }

    private static int fracLength(String l, int i) {
        int j = i + 1;
        while (j < l.length() && l.charAt(j) == l.charAt(i + 1)) {
            j++;
        }
        return j - i;
    }
}
