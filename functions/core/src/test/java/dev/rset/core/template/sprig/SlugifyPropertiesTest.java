package dev.rset.core.template.sprig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of {@code slugify}. Go's slug can end in {@code _} when a cut at the length limit
 * lands right after one (see {@link SlugifyTest}), so the end and idempotence properties are
 * stated for what Go guarantees: no trailing {@code _} when no cut happened.
 */
class SlugifyPropertiesTest {
    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(120),
                Arbitraries.strings().withChars("aZ09-_ ./&@!ÜßéЖ東😀\t").ofMaxLength(150),
                Arbitraries.strings().withCharRange('a', 'c').withChars('-', '_').ofMinLength(55).ofMaxLength(80));
    }

    @Property
    void isShortAndUsesOnlySlugCharacters(@ForAll("texts") String s) {
        String slug = Slugify.make(s);
        assertTrue(slug.length() <= Slugify.MAX_LENGTH, slug);
        assertTrue(slug.matches("[a-z0-9_-]*"), slug);
        assertFalse(slug.contains("--"), slug);
    }

    @Property
    void neverStartsWithDashOrUnderscoreNorEndsWithDash(@ForAll("texts") String s) {
        String slug = Slugify.make(s);
        assertFalse(slug.startsWith("-") || slug.startsWith("_") || slug.endsWith("-"), slug);
    }

    @Property
    void isIdempotentUnlessTheCutLeftAnUnderscore(@ForAll("texts") String s) {
        String slug = Slugify.make(s);
        if (!slug.endsWith("_")) {
            assertEquals(slug, Slugify.make(slug));
        } else {
            // Slugifying again only trims the ends the cut exposed.
            assertEquals(GoStrings.trim(slug, "-_"), Slugify.make(slug));
        }
    }

    @Property
    void endsWithUnderscoreOnlyAfterACut(@ForAll("texts") String s) {
        String slug = Slugify.make(s);
        if (slug.endsWith("_")) {
            assertTrue(Slugify.untruncated(s).length() > Slugify.MAX_LENGTH, s);
        }
    }

    @Property
    void keepsShortCleanSlugsUnchanged(@ForAll("cleanSlugs") String slug) {
        assertEquals(slug, Slugify.make(slug));
    }

    @Provide
    Arbitrary<String> cleanSlugs() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(20)
                .list().ofMinSize(1).ofMaxSize(3).map(parts -> String.join("-", parts));
    }
}
