package dev.rset.forge.inputs;

import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * Tag names read as semantic versions the lenient way Flux reads them ({@code v1.2.3},
 * {@code 1.2}), and {@code spec.filter.semver} ranges written Masterminds-style
 * ({@code >=1.0.0, <2.0.0}, {@code ~1.2}, {@code ^1}, {@code 1.x}).
 */
final class TagVersions {
    private static final Pattern VERSIONISH = Pattern.compile("^v?\\d+(\\.\\d+){0,2}([-+].*)?$");

    private TagVersions() {
    }

    /** The version a tag names, or null when it names none. */
    static Semver version(String tag) {
        if (!VERSIONISH.matcher(tag).matches()) {
            return null;
        }
        String t = tag.startsWith("v") ? tag.substring(1) : tag;
        Semver strict = Semver.parse(t);
        return strict != null ? strict : Semver.coerce(t);
    }

    /** Masterminds separates AND-ed comparisons with commas; the npm grammar semver4j reads uses spaces. */
    static String range(String constraint) {
        return constraint.replaceAll("\\s*,\\s*", " ").trim();
    }

    static boolean satisfies(String tag, String constraint) {
        Semver v = version(tag);
        return v != null && v.satisfies(range(constraint));
    }
}
