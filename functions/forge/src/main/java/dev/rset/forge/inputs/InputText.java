package dev.rset.forge.inputs;

/**
 * Free text a forge hands over (titles, authors, branch names) made safe to export: control
 * characters, line and paragraph separators, bidirectional overrides and lone surrogates are taken
 * out, a run of line breaks or tabs becoming one space. Templates that print such a value unquoted
 * could otherwise be made to start a new YAML line or document, or display other text than they hold.
 */
public final class InputText {
    private InputText() {
    }

    public static String clean(String s) {
        if (s == null || s.chars().noneMatch(c -> c < 0x20 || c >= 0x7f)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean spaced = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (breaksLine(cp)) {
                if (!spaced) {
                    out.append(' ');
                    spaced = true;
                }
                continue;
            }
            if (!unsafe(cp)) {
                out.appendCodePoint(cp);
                spaced = false;
            }
        }
        return out.toString();
    }

    private static boolean breaksLine(int cp) {
        return cp == '\t' || cp == '\n' || cp == 0x0B || cp == '\f' || cp == '\r' || cp == 0x85
                || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean unsafe(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
    }
}
