package dev.rset.core.yaml;

import java.util.regex.Pattern;

/**
 * YAML 1.1 base-60 numbers ({@code 1:20}): go-yaml v2 does not read them as numbers but still
 * quotes strings that look like them, for other parsers' sake.
 */
final class Base60 {
    private static final Pattern BASE60_FLOAT =
            Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");

    private Base60() {
    }

    static boolean isBase60Float(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!(c == '+' || c == '-' || c >= '0' && c <= '9') || s.indexOf(':') < 0) {
            return false;
        }
        return BASE60_FLOAT.matcher(s).matches();
    }
}
