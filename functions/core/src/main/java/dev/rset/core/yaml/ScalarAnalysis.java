package dev.rset.core.yaml;

/**
 * libyaml's {@code yaml_emitter_analyze_scalar} as go-yaml v2 runs it: which styles can
 * represent a string without changing it. Works on code points; "length" is UTF-8 bytes.
 */
record ScalarAnalysis(int[] cps, int utf8Length, boolean multiline, boolean flowPlainAllowed,
        boolean blockPlainAllowed, boolean singleQuotedAllowed, boolean blockAllowed) {

    static ScalarAnalysis of(String value) {
        int[] v = CodePoints.of(value);
        int bytes = CodePoints.utf8Length(v);
        if (v.length == 0) {
            return new ScalarAnalysis(v, 0, false, false, true, true, false);
        }
        boolean blockIndicators = false;
        boolean flowIndicators = false;
        if (value.startsWith("---") || value.startsWith("...")) {
            blockIndicators = true;
            flowIndicators = true;
        }
        boolean lineBreaks = false;
        boolean special = false;
        boolean leadingSpace = false;
        boolean leadingBreak = false;
        boolean trailingSpace = false;
        boolean trailingBreak = false;
        boolean breakSpace = false;
        boolean spaceBreak = false;
        boolean precededByWhitespace = true;
        boolean previousSpace = false;
        boolean previousBreak = false;
        for (int i = 0; i < v.length; i++) {
            int c = v[i];
            boolean last = i == v.length - 1;
            boolean followedByWhitespace = last || isBlank(v[i + 1]);
            if (i == 0) {
                switch (c) {
                    case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
                        flowIndicators = true;
                        blockIndicators = true;
                    }
                    case '?', ':' -> {
                        flowIndicators = true;
                        blockIndicators |= followedByWhitespace;
                    }
                    case '-' -> {
                        if (followedByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> {
                    }
                }
            } else {
                switch (c) {
                    case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
                    case ':' -> {
                        flowIndicators = true;
                        blockIndicators |= followedByWhitespace;
                    }
                    case '#' -> {
                        if (precededByWhitespace) {
                            flowIndicators = true;
                            blockIndicators = true;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (!isPrintable(c)) {
                special = true;
            }
            if (c == ' ') {
                leadingSpace |= i == 0;
                trailingSpace |= last;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            } else if (isBreak(c)) {
                lineBreaks = true;
                leadingBreak |= i == 0;
                trailingBreak |= last;
                spaceBreak |= previousSpace;
                previousSpace = false;
                previousBreak = true;
            } else {
                previousSpace = false;
                previousBreak = false;
            }
            precededByWhitespace = isBlank(c) || isBreak(c) || c == 0;
        }
        boolean flowPlain = true;
        boolean blockPlain = true;
        boolean single = true;
        boolean block = true;
        if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
            flowPlain = false;
            blockPlain = false;
        }
        if (trailingSpace) {
            block = false;
        }
        if (breakSpace) {
            flowPlain = false;
            blockPlain = false;
            single = false;
        }
        if (spaceBreak || special) {
            flowPlain = false;
            blockPlain = false;
            single = false;
            block = false;
        }
        if (lineBreaks) {
            flowPlain = false;
            blockPlain = false;
        }
        if (flowIndicators) {
            flowPlain = false;
        }
        if (blockIndicators) {
            blockPlain = false;
        }
        return new ScalarAnalysis(v, bytes, lineBreaks, flowPlain, blockPlain, single, block);
    }

    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    static boolean isBreak(int c) {
        return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** libyaml's printable set: no tab, CR, NEL, C0/C1 controls, BOM or characters beyond the BMP. */
    static boolean isPrintable(int c) {
        return c == 0x0A || c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF;
    }
}
