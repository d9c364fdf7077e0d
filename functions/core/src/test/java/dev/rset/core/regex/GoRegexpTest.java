package dev.rset.core.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link GoRegexp} against what Go 1.26.8's {@code regexp.Compile} answered for each pattern. */
class GoRegexpTest {
    static Stream<Arguments> goAnswers() {
        return Stream.of(
            Arguments.of("(a", "error parsing regexp: missing closing ): `(a`"),
            Arguments.of("[a", "error parsing regexp: missing closing ]: `[a`"),
            Arguments.of("a)", "error parsing regexp: unexpected ): `a)`"),
            Arguments.of("*", "error parsing regexp: missing argument to repetition operator: `*`"),
            Arguments.of("**", "error parsing regexp: missing argument to repetition operator: `*`"),
            Arguments.of("a*+", "error parsing regexp: invalid nested repetition operator: `*+`"),
            Arguments.of("a{2}{3}", "error parsing regexp: invalid nested repetition operator: `{2}{3}`"),
            Arguments.of("{1001}", "error parsing regexp: invalid repeat count: `{1001}`"),
            Arguments.of("a{1001}", "error parsing regexp: invalid repeat count: `{1001}`"),
            Arguments.of("a{2,1}", "error parsing regexp: invalid repeat count: `{2,1}`"),
            Arguments.of("(?=a)", "error parsing regexp: invalid or unsupported Perl syntax: `(?=`"),
            Arguments.of("(?<=a)b", "error parsing regexp: invalid named capture: `(?<=a)b`"),
            Arguments.of("(?<!a)b", "error parsing regexp: invalid named capture: `(?<!a)b`"),
            Arguments.of("(?x)a", "error parsing regexp: invalid or unsupported Perl syntax: `(?x`"),
            Arguments.of("(?P<>a)", "error parsing regexp: invalid named capture: `(?P<>`"),
            Arguments.of("(?P<n>a)", "ok"),
            Arguments.of("(?<n>a)", "ok"),
            Arguments.of("(a)\\1", "error parsing regexp: invalid escape sequence: `\\1`"),
            Arguments.of("\\e", "error parsing regexp: invalid escape sequence: `\\e`"),
            Arguments.of("\\b", "ok"),
            Arguments.of("[\\b]", "error parsing regexp: invalid escape sequence: `\\b`"),
            Arguments.of("\\8", "error parsing regexp: invalid escape sequence: `\\8`"),
            Arguments.of("\\v", "ok"),
            Arguments.of("\\Q*\\E", "ok"),
            Arguments.of("[[:foo:]]", "error parsing regexp: invalid character class range: `[:foo:]`"),
            Arguments.of("[z-a]", "error parsing regexp: invalid character class range: `z-a`"),
            Arguments.of("[:alpha:]", "ok"),
            Arguments.of("\\pN", "ok"),
            Arguments.of("\\p{Greek}", "ok"),
            Arguments.of("\\p{Foo}", "error parsing regexp: invalid character class range: `\\p{Foo}`"),
            Arguments.of("\\x{110000}", "error parsing regexp: invalid escape sequence: `\\x{110000`"),
            Arguments.of("\\", "error parsing regexp: trailing backslash at end of expression: ``"),
            Arguments.of("a{,2}", "ok"),
            Arguments.of("x{2}{,3}", "ok"),
            Arguments.of("(?i)abc", "ok"),
            Arguments.of("(?U)a+", "ok"),
            Arguments.of("\\C", "error parsing regexp: invalid escape sequence: `\\C`"),
            Arguments.of("[a-\\d]", "error parsing regexp: invalid escape sequence: `\\d`"),
            Arguments.of("(?m)^a$", "ok"),
            Arguments.of("\\z", "ok"),
            Arguments.of("\\Z", "error parsing regexp: invalid escape sequence: `\\Z`"),
            Arguments.of("(?s:.)", "ok"),
            Arguments.of("\\0", "ok"),
            Arguments.of("\\07", "ok"),
            Arguments.of("\\1", "error parsing regexp: invalid escape sequence: `\\1`"),
            Arguments.of("(?i", "error parsing regexp: invalid or unsupported Perl syntax: `(?i`"),
            Arguments.of("(?", "error parsing regexp: invalid or unsupported Perl syntax: `(?`"),
            Arguments.of("a|*", "error parsing regexp: missing argument to repetition operator: `*`"),
            Arguments.of("^*", "ok"),
            Arguments.of("$+", "ok"),
            Arguments.of("(|a)*", "ok"),
            Arguments.of("a**b", "error parsing regexp: invalid nested repetition operator: `**`"),
            Arguments.of("((a)", "error parsing regexp: missing closing ): `((a)`"),
            Arguments.of("\\pL+", "ok"),
            Arguments.of("\\P{^L}", "ok"),
            Arguments.of("[^\\x00-\\x{10FFFF}]", "ok"),
            Arguments.of("\\x{D800}", "ok"),
            Arguments.of("a)", "error parsing regexp: unexpected ): `a)`"),
            Arguments.of("(a))", "error parsing regexp: unexpected ): `(a))`"),
            Arguments.of("(a)b)", "error parsing regexp: unexpected ): `(a)b)`"),
            Arguments.of("a|b)", "error parsing regexp: unexpected ): `a|b)`"),
            Arguments.of("(?i)a)", "error parsing regexp: unexpected ): `(?i)a)`"),
            Arguments.of(")", "error parsing regexp: unexpected ): `)`"),
            Arguments.of("x(?:a)b)c(", "error parsing regexp: unexpected ): `x(?:a)b)c(`"),
            Arguments.of("(a(b)c))d", "error parsing regexp: unexpected ): `(a(b)c))d`"),
            Arguments.of("(a{1000}){2}", "error parsing regexp: invalid repeat count: `{2}`"),
            Arguments.of("((a{10}){10}){11}", "error parsing regexp: invalid repeat count: `{11}`"),
            Arguments.of("(a{2,2}){501}", "error parsing regexp: invalid repeat count: `{501}`"),
            Arguments.of("(a{1,}?){1001}", "error parsing regexp: invalid repeat count: `{1001}`"),
            Arguments.of("(?:(?:a{1000}){1000})", "error parsing regexp: invalid repeat count: `{1000}`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goAnswers")
    void compilesOrFailsAsGoDoes(String pattern, String goAnswer) {
        assertEquals(goAnswer, answer(pattern));
    }

    private static String answer(String pattern) {
        try {
            GoRegexp.compile(pattern);
            return "ok";
        } catch (RegexSyntaxException e) {
            return e.getMessage();
        }
    }

    @Test
    void nestingDeeperThanGoAllowsIsRefusedNotOverflowed() {
        String ok = "(".repeat(999) + "a" + ")".repeat(999);
        String deep = "(".repeat(1000) + "a" + ")".repeat(1000);
        assertEquals("ok", answer(ok));
        assertEquals("error parsing regexp: expression nests too deeply: `" + deep + "`", answer(deep));
    }

    @Test
    void aProgramOverGoSizeLimitIsRefusedBeforeCompiling() {
        // Go's answers: nested counts multiply past 1000; 4,000 runes × 1,000 is over 3.3 million instructions.
        assertEquals("error parsing regexp: invalid repeat count: `{1000}`", answer("(?:(?:a{1000}b){1000}){4}"));
        String big = "(?:" + "a".repeat(4000) + "){1000}";
        assertEquals("error parsing regexp: expression too large: `" + big + "`", answer(big));
        assertEquals("ok", answer("(?:a{1000}b)".repeat(340)));
    }

    /** RE2/J parses some shapes in quadratic time, so length is capped far above real filters. */
    @Test
    void aPatternLongerThanTheCapIsRefusedWithGoWording() {
        String longest = "a".repeat(GoRegexp.MAX_LENGTH);
        String tooLong = "(" + "[a-z]".repeat(100_000) + ")";
        assertEquals("ok", answer(longest));
        assertEquals("error parsing regexp: expression too large: `" + tooLong + "`", answer(tooLong));
    }

    /** Issue #11: java.util.regex took 6 s at 36 characters and grew exponentially; RE2 never backtracks. */
    @Test
    void theBranchFilterOfIssue11RunsOnLongHostileInput() {
        GoRegexp filter = GoRegexp.compile("^(feat|fix)/([a-z0-9]+[-_]?){1,10}$");
        assertFalse(filter.matches("feat/" + "a".repeat(250) + "!"));
        assertFalse(filter.matches("feat/" + "a".repeat(1_000_000) + "!"));
        assertTrue(filter.matches("feat/" + "a".repeat(250)));
        assertTrue(filter.matches("fix/add-login_page"));
    }

    /**
     * Issue #11's bound: under 50 ms at 250 characters. A single timing on a shared machine is
     * noise, so the bound is checked as the best of five warm runs, and linearity on an input a
     * thousand times longer with a thousand times the bound: backtracking, which doubled its time
     * with every few characters, could not meet either.
     */
    @Test
    void theBranchFilterOfIssue11AnswersWithinFiftyMillisecondsAndGrowsLinearly() {
        GoRegexp filter = GoRegexp.compile("^(feat|fix)/([a-z0-9]+[-_]?){1,10}$");
        String hostile = "feat/" + "a".repeat(250) + "!";
        filter.matches("feat/warm-up!");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertFalse(filter.matches(hostile));
            best = Math.min(best, System.nanoTime() - start);
        }
        assertTrue(best < 50_000_000L, "best of five at 250 characters: " + best + " ns");
        String thousandTimes = "feat/" + "a".repeat(250_000) + "!";
        long start = System.nanoTime();
        assertFalse(filter.matches(thousandTimes));
        long took = System.nanoTime() - start;
        assertTrue(took < 50_000_000_000L, "250,000 characters: " + took + " ns");
    }

    @Test
    void goSyntaxThatJavaReadsDifferently() {
        assertTrue(GoRegexp.compile("^a$").matches("a"));
        assertFalse(GoRegexp.compile("^a$").matches("a\n"), "$ is the end of text without (?m)");
        assertTrue(GoRegexp.compile("(?m)^b$").matches("a\nb\nc"));
        assertTrue(GoRegexp.compile("[[:alpha:]]+").matches("x"));
        assertTrue(GoRegexp.compile("(?P<v>v)(?<n>\\d)").matches("v1"));
        assertEquals(2, GoRegexp.compile("(?P<v>v)(?<n>\\d)").groupIndex("n"));
        assertFalse(GoRegexp.compile("\\s").matches("\u000b"), "Go's \\s has no vertical tab");
    }
}
