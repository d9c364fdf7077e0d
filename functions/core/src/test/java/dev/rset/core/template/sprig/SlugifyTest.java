package dev.rset.core.template.sprig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples checked against gosimple/slug v1.15.0 with MaxLength 63 and smart truncation. */
class SlugifyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "feature/JIRA-123_Fix--it!|feature-jira-123_fix-it",
        "Ünïcödé Straße café|unicode-strasse-cafe",
        ">=1.0.0-rc.0|1-0-0-rc-0",
        ">=1.0.0|1-0-0",
        "a & b @ c|a-and-b-at-c",
        "'  padded  '|padded",
        "''|''",
        "__--Hello__World--__|hello__world",
        "Привет мир, ЪЪ|privet-mir",
        "東京タワー ちつ|dong-jing-tawa-chitsu",
        "price: 5€ ™ ½|price-5eu-1-2",
        "emoji 😀 here 𝔘|emoji-here",
        "ǅemal Ŋŋ|dzemal-ngng",
    })
    void matchesGoExamples(String input, String expected) {
        assertEquals(expected, Slugify.make(input));
    }

    @Test
    void cutsLongSlugsAtTheLastDashWithinTheLimit() {
        assertEquals("a-very-long-branch-name-that-keeps-going-and-going-beyond-sixty",
                Slugify.make("a-very-long-branch-name-that-keeps-going-and-going-beyond-sixty-three-characters-for-sure"));
        String a63 = "a".repeat(63);
        assertEquals(a63, Slugify.make("a".repeat(90)));
        assertEquals(a63, Slugify.make(a63 + "-bbb"), "a dash exactly at index 63");
        assertEquals(a63, Slugify.make("a".repeat(66) + "_bbbb"), "no dash: hard cut");
    }

    @Test
    void keepsTheUnderscoreLeftBeforeTheCutAsGoDoes() {
        // The ends are trimmed before truncation, so "_-" straddling the cut leaves a trailing "_".
        String input = "a".repeat(62) + "_-" + "b".repeat(21);
        assertEquals("a".repeat(62) + "_", Slugify.make(input));
    }

    /**
     * The SHA-256 of Go's unidecode output for every BMP code point from U+0080 (surrogates
     * skipped), one line each, as computed with github.com/gosimple/unidecode v1.0.1.
     */
    @Test
    void transliteratesTheWholeBasicPlaneLikeGo() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int c = 0x80; c <= 0xFFFF; c++) {
            if (c >= 0xD800 && c <= 0xDFFF) {
                continue;
            }
            sha.update((Slugify.unidecode(String.valueOf((char) c)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("c2797093586cf1f903bc6ed3f2c321246eab4bfd0a9f617d8fe92c1d670c4ff8",
                HexFormat.of().formatHex(sha.digest()));
    }

    @Test
    void dropsCodePointsBeyondTheBasicPlane() {
        assertEquals("ab", Slugify.unidecode("a\uD83D\uDE00b"));
    }
}
