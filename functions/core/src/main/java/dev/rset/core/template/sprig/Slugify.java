package dev.rset.core.template.sprig;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import net.gcardone.junidecode.Junidecode;

/**
 * gosimple/slug v1.15 {@code Make} as the Flux Operator configures it ({@code MaxLength = 63},
 * {@code EnableSmartTruncate = true}, language "en"), step by step: trim white space; substitute
 * {@code &} and {@code @}; transliterate to ASCII; lowercase; turn every character outside
 * {@code [a-zA-Z0-9-_]} into {@code -}; collapse runs of {@code -}; trim {@code -} and {@code _}
 * at both ends; then, when longer than 63, cut before the last {@code -} at or before index 63,
 * or at 63 when there is none. The cut happens after the end trim, so a result can end in
 * {@code _} (e.g. when {@code _-} straddles the cut), exactly as in Go.
 */
public final class Slugify {
    public static final int MAX_LENGTH = 63;

    private static final Pattern NON_AUTHORIZED = Pattern.compile("[^a-zA-Z0-9\\-_]");
    private static final Pattern DASHES = Pattern.compile("-+");
    private static final Map<Integer, String> OVERRIDES = new HashMap<>();

    static {
        String[] pairs = UnidecodeOverrides.PAIRS;
        for (int i = 0; i < pairs.length; i += 2) {
            String[] range = pairs[i].split("-");
            int from = Integer.parseInt(range[0], 16);
            int to = range.length > 1 ? Integer.parseInt(range[1], 16) : from;
            for (int c = from; c <= to; c++) {
                OVERRIDES.put(c, pairs[i + 1]);
            }
        }
    }

    private Slugify() {
    }

    /** {@code slug.Make(s)}. */
    public static String make(String s) {
        return smartTruncate(untruncated(s));
    }

    /** Every step of {@code slug.Make} but the final length cut. */
    static String untruncated(String s) {
        String slug = GoStrings.trimSpace(s);
        slug = slug.replace("&", "and").replace("@", "at");
        slug = unidecode(slug);
        slug = slug.toLowerCase(java.util.Locale.ROOT); // ASCII only at this point
        slug = NON_AUTHORIZED.matcher(slug).replaceAll("-");
        slug = DASHES.matcher(slug).replaceAll("-");
        return GoStrings.trim(slug, "-_");
    }

    private static String smartTruncate(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        for (int i = MAX_LENGTH; i >= 0; i--) {
            if (text.charAt(i) == '-') {
                return text.substring(0, i);
            }
        }
        return text.substring(0, MAX_LENGTH);
    }

    /**
     * gosimple/unidecode: ASCII stays, code points above U+FFFF vanish, the rest map through the
     * Unidecode table (junidecode's copy, corrected where Go's copy differs).
     */
    static String unidecode(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                sb.append((char) c);
            } else if (c <= 0xFFFF) {
                if (c >= 0xD800 && c <= 0xDFFF) {
                    c = 0xFFFD; // a lone surrogate reads as U+FFFD in Go
                }
                String override = OVERRIDES.get(c);
                sb.append(override != null ? override : Junidecode.unidecode(String.valueOf((char) c)));
            }
        }
        return sb.toString();
    }
}
