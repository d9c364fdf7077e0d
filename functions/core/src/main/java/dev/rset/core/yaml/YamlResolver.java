package dev.rset.core.yaml;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * go-yaml v2's {@code resolve}: the YAML 1.1 typing of plain scalars. Integers come back as
 * Long (Go int), {@link YamlUint} (uint64) or BigInteger (*big.Int); floats as Double; timestamps
 * keep their text but resolve to the timestamp tag.
 */
final class YamlResolver {
    /** A resolved scalar: its tag and Go value. */
    record Resolved(String tag, Object value) {
    }

    private static final Map<String, Resolved> FIXED = new HashMap<>();

    static {
        for (String s : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
            FIXED.put(s, new Resolved(YamlTags.BOOL, Boolean.TRUE));
        }
        for (String s : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
            FIXED.put(s, new Resolved(YamlTags.BOOL, Boolean.FALSE));
        }
        for (String s : new String[] {"", "~", "null", "Null", "NULL"}) {
            FIXED.put(s, new Resolved(YamlTags.NULL, null));
        }
        for (String s : new String[] {".nan", ".NaN", ".NAN"}) {
            FIXED.put(s, new Resolved(YamlTags.FLOAT, Double.NaN));
        }
        for (String s : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
            FIXED.put(s, new Resolved(YamlTags.FLOAT, Double.POSITIVE_INFINITY));
        }
        for (String s : new String[] {"-.inf", "-.Inf", "-.INF"}) {
            FIXED.put(s, new Resolved(YamlTags.FLOAT, Double.NEGATIVE_INFINITY));
        }
    }

    private YamlResolver() {
    }

    /** Whether go-yaml resolves scalars carrying this tag ("" means untagged). */
    static boolean resolvable(String tag) {
        return tag.isEmpty() || tag.equals(YamlTags.STR) || tag.equals(YamlTags.BOOL) || tag.equals(YamlTags.INT)
                || tag.equals(YamlTags.FLOAT) || tag.equals(YamlTags.NULL) || tag.equals(YamlTags.TIMESTAMP);
    }

    /** {@code resolve(tag, in)}; throws "yaml: cannot decode ..." when a tag contradicts the text. */
    static Resolved resolve(String tag, String in) {
        if (!resolvable(tag)) {
            return new Resolved(tag, in);
        }
        Resolved r = resolveUntyped(tag, in);
        if (tag.isEmpty() || tag.equals(r.tag()) || tag.equals(YamlTags.STR) || tag.equals(YamlTags.BINARY)) {
            return r;
        }
        if (tag.equals(YamlTags.FLOAT) && r.value() instanceof Long l) {
            return new Resolved(YamlTags.FLOAT, (double) l);
        }
        throw new GoYamlException("yaml: cannot decode " + YamlTags.shortTag(r.tag()) + " `" + in + "` as a "
                + YamlTags.shortTag(tag));
    }

    private static Resolved resolveUntyped(String tag, String in) {
        char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
        if (hint == 0 || tag.equals(YamlTags.STR) || tag.equals(YamlTags.BINARY)) {
            return new Resolved(YamlTags.STR, in);
        }
        Resolved fixed = FIXED.get(in);
        if (fixed != null) {
            return fixed;
        }
        if (hint == '.') {
            Double f = GoNumberSyntax.leadingDotFloat(in);
            return f != null ? new Resolved(YamlTags.FLOAT, f) : new Resolved(YamlTags.STR, in);
        }
        if (hint == 'D' || hint == 'S') {
            return resolveNumberLike(tag, in);
        }
        return new Resolved(YamlTags.STR, in);
    }

    private static Resolved resolveNumberLike(String tag, String in) {
        if ((tag.isEmpty() || tag.equals(YamlTags.TIMESTAMP)) && GoTimestamp.isTimestamp(in)) {
            // Decoding into interface{} keeps a timestamp's text (go-yaml v2 compatibility).
            return new Resolved(YamlTags.TIMESTAMP, in);
        }
        Long small = smallDecimal(in);
        if (small != null) {
            return new Resolved(YamlTags.INT, small);
        }
        String plain = in.replace("_", "");
        BigInteger signed = GoNumberSyntax.parseBase0(plain, true);
        if (signed != null && GoNumberSyntax.fitsInt64(signed)) {
            return new Resolved(YamlTags.INT, signed.longValue());
        }
        BigInteger unsigned = GoNumberSyntax.parseBase0(plain, false);
        if (unsigned != null && GoNumberSyntax.fitsUint64(unsigned)) {
            return new Resolved(YamlTags.INT, new YamlUint(unsigned));
        }
        Double f = GoNumberSyntax.yamlStyleFloat(plain);
        if (f != null) {
            return new Resolved(YamlTags.FLOAT, f);
        }
        if (unsigned != null) {
            // ParseUint failed with ErrRange: the sigs.k8s.io fork falls back to math/big.
            return new Resolved(YamlTags.INT, unsigned);
        }
        return new Resolved(YamlTags.STR, in);
    }

    /**
     * Whether a plain scalar starting with {@code c} reads as a string whatever follows: no
     * boolean, null, number or timestamp starts with it.
     */
    static boolean plainStringStart(char c) {
        return hint(c) == 0;
    }

    /**
     * The common integer: an optional sign, a digit other than 0 (a leading 0 means octal) and
     * at most 17 more digits, which is base-10 and fits int64; null for any other text.
     */
    private static Long smallDecimal(String in) {
        int start = in.charAt(0) == '+' || in.charAt(0) == '-' ? 1 : 0;
        int digits = in.length() - start;
        if (digits < 1 || digits > 18 || in.charAt(start) == '0') {
            return null;
        }
        for (int i = start; i < in.length(); i++) {
            char c = in.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Long.parseLong(in);
    }

    private static char hint(char c) {
        if (c == '+' || c == '-') {
            return 'S';
        }
        if (c >= '0' && c <= '9') {
            return 'D';
        }
        if ("yYnNtTfFoO~".indexOf(c) >= 0) {
            return 'M';
        }
        return c == '.' ? '.' : 0;
    }

    /** Whether a plain scalar with this text would read back as a string (the emitter's test). */
    static boolean readsAsString(String s) {
        return resolve("", s).tag().equals(YamlTags.STR);
    }
}
