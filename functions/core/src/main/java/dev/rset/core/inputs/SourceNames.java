package dev.rset.core.inputs;

import java.util.ArrayList;
import java.util.List;

/**
 * The key under which a source's input set is nested in a Permute combination: lowercase,
 * spaces and punctuation become {@code _}, other characters outside {@code [a-z0-9]} are dropped,
 * and empty words are removed, so {@code "Team-Apps"} becomes {@code team_apps}.
 */
public final class SourceNames {
    private SourceNames() {
    }

    public static String normalize(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int r = Character.toLowerCase(cp);
            if (isSpace(r) || isPunct(r)) {
                sb.append('_');
            } else if ((r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')) {
                sb.appendCodePoint(r);
            }
        });
        List<String> words = new ArrayList<>();
        for (String w : sb.toString().split("_")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return String.join("_", words);
    }

    // Go's unicode.IsSpace: Latin-1 spaces plus the White_Space property.
    private static boolean isSpace(int r) {
        return r == '\t' || r == '\n' || r == 0x0B || r == '\f' || r == '\r' || r == ' ' || r == 0x85
                || r == 0xA0 || Character.isSpaceChar(r);
    }

    // Go's unicode.IsPunct: the Unicode P categories (symbols such as '+' or '$' are not included).
    private static boolean isPunct(int r) {
        return switch (Character.getType(r)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
