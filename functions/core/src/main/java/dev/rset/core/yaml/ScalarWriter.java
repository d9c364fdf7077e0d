package dev.rset.core.yaml;

/**
 * libyaml's scalar writers (plain, single-quoted, double-quoted, literal) as go-yaml v2 has them,
 * including folding at spaces once the line passes the best width.
 */
final class ScalarWriter {
    private final YamlEmitter e;

    ScalarWriter(YamlEmitter e) {
        this.e = e;
    }

    void plain(int[] v, boolean allowBreaks) {
        if (!e.whitespace()) {
            e.put(' ');
        }
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < v.length; i++) {
            int c = v[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && e.column() > e.bestWidth() && !(i + 1 < v.length && v[i + 1] == ' ')) {
                    e.writeIndent();
                } else {
                    e.write(c);
                }
                spaces = true;
            } else if (ScalarAnalysis.isBreak(c)) {
                if (!breaks && c == '\n') {
                    e.putBreak();
                }
                e.writeBreak(c);
                e.setIndention(true);
                breaks = true;
            } else {
                if (breaks) {
                    e.writeIndent();
                }
                e.write(c);
                e.setIndention(false);
                spaces = false;
                breaks = false;
            }
        }
        e.setWhitespace(false);
        e.setIndention(false);
    }

    void singleQuoted(int[] v, boolean allowBreaks) {
        e.writeIndicator("'", true, false, false);
        boolean spaces = false;
        boolean breaks = false;
        for (int i = 0; i < v.length; i++) {
            int c = v[i];
            if (c == ' ') {
                if (allowBreaks && !spaces && e.column() > e.bestWidth() && i > 0 && i < v.length - 1
                        && v[i + 1] != ' ') {
                    e.writeIndent();
                } else {
                    e.write(c);
                }
                spaces = true;
            } else if (ScalarAnalysis.isBreak(c)) {
                if (!breaks && c == '\n') {
                    e.putBreak();
                }
                e.writeBreak(c);
                e.setIndention(true);
                breaks = true;
            } else {
                if (breaks) {
                    e.writeIndent();
                }
                if (c == '\'') {
                    e.put('\'');
                }
                e.write(c);
                e.setIndention(false);
                spaces = false;
                breaks = false;
            }
        }
        e.writeIndicator("'", false, false, false);
        e.setWhitespace(false);
        e.setIndention(false);
    }

    void doubleQuoted(int[] v, boolean allowBreaks) {
        boolean spaces = false;
        e.writeIndicator("\"", true, false, false);
        for (int i = 0; i < v.length; i++) {
            int c = v[i];
            if (!ScalarAnalysis.isPrintable(c) || c == 0xFEFF || ScalarAnalysis.isBreak(c) || c == '"' || c == '\\') {
                e.put('\\');
                escape(c);
                spaces = false;
            } else if (c == ' ') {
                if (allowBreaks && !spaces && e.column() > e.bestWidth() && i > 0 && i < v.length - 1) {
                    e.writeIndent();
                    if (v[i + 1] == ' ') {
                        e.put('\\');
                    }
                } else {
                    e.write(c);
                }
                spaces = true;
            } else {
                e.write(c);
                spaces = false;
            }
        }
        e.writeIndicator("\"", false, false, false);
        e.setWhitespace(false);
        e.setIndention(false);
    }

    private void escape(int c) {
        switch (c) {
            case 0x00 -> e.put('0');
            case 0x07 -> e.put('a');
            case 0x08 -> e.put('b');
            case 0x09 -> e.put('t');
            case 0x0A -> e.put('n');
            case 0x0B -> e.put('v');
            case 0x0C -> e.put('f');
            case 0x0D -> e.put('r');
            case 0x1B -> e.put('e');
            case 0x22 -> e.put('"');
            case 0x5C -> e.put('\\');
            case 0x85 -> e.put('N');
            case 0xA0 -> e.put('_');
            case 0x2028 -> e.put('L');
            case 0x2029 -> e.put('P');
            default -> {
                int width;
                if (c <= 0xFF) {
                    e.put('x');
                    width = 2;
                } else if (c <= 0xFFFF) {
                    e.put('u');
                    width = 4;
                } else {
                    e.put('U');
                    width = 8;
                }
                for (int k = (width - 1) * 4; k >= 0; k -= 4) {
                    e.put("0123456789ABCDEF".charAt((c >> k) & 0xF));
                }
            }
        }
    }

    void literal(int[] v) {
        e.writeIndicator("|", true, false, false);
        blockHints(v);
        e.putBreak();
        e.setIndention(true);
        e.setWhitespace(true);
        boolean breaks = true;
        for (int c : v) {
            if (ScalarAnalysis.isBreak(c)) {
                e.writeBreak(c);
                e.setIndention(true);
                breaks = true;
            } else {
                if (breaks) {
                    e.writeIndent();
                }
                e.write(c);
                e.setIndention(false);
                breaks = false;
            }
        }
    }

    /** Indentation indicator for text starting with a space or break; chomping '-' or '+'. */
    private void blockHints(int[] v) {
        if (v.length > 0 && (v[0] == ' ' || ScalarAnalysis.isBreak(v[0]))) {
            e.writeIndicator(String.valueOf(e.bestIndent()), false, false, false);
        }
        String chomp = null;
        if (v.length == 0 || !ScalarAnalysis.isBreak(v[v.length - 1])) {
            chomp = "-";
        } else if (v.length == 1 || ScalarAnalysis.isBreak(v[v.length - 2])) {
            chomp = "+";
        }
        if (chomp != null) {
            e.writeIndicator(chomp, false, false, false);
        }
    }
}
