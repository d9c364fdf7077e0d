package dev.rset.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A provider whose regex Go rejects, or with {@code insecure} on a forge type, is refused when read. */
class ProviderValidationTest {
    static ResourceSetInputProvider provider(String type, Map<String, Object> extra) {
        Map<String, Object> spec = new java.util.LinkedHashMap<>(Map.of("type", type, "url", "https://github.com/o/r"));
        spec.putAll(extra);
        return ResourceSetInputProvider.from(Map.of("apiVersion", "fluxcd.controlplane.io/v1",
                "kind", "ResourceSetInputProvider", "metadata", Map.of("name", "p", "namespace", "apps"), "spec", spec));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "includeBranch      | (?<=a)b | error parsing regexp: invalid named capture: `(?<=a)b`",
        "excludeBranch      | a*+     | error parsing regexp: invalid nested repetition operator: `*+`",
        "includeTag         | (a)\\1  | error parsing regexp: invalid escape sequence: `\\1`",
        "excludeTag         | (a      | error parsing regexp: missing closing ): `(a`",
        "includeEnvironment | [z-a]   | error parsing regexp: invalid character class range: `z-a`",
        "excludeEnvironment | a{1001} | error parsing regexp: invalid repeat count: `{1001}`"})
    void everyRegexFieldIsCheckedWithGoMessages(String field, String regex, String goError) {
        var e = assertThrows(InvalidObjectException.class,
                () -> provider("GitHubBranch", Map.of("filter", Map.of(field, regex))));
        assertEquals("ResourceSetInputProvider apps/p: spec.filter." + field + ": " + goError, e.getMessage());
    }

    @Test
    void validRegexesAreKeptAsWritten() {
        var p = provider("GitHubBranch", Map.of("filter", Map.of("includeBranch", "^(feat|fix)/([a-z0-9]+[-_]?){1,10}$")));
        assertEquals("^(feat|fix)/([a-z0-9]+[-_]?){1,10}$", p.spec().filter().includeBranch());
    }

    @Test
    void insecureOnlyForExternalServiceAndOciArtifactTag() {
        assertTrue(provider("ExternalService", Map.of("insecure", true)).spec().insecure());
        assertTrue(provider("OCIArtifactTag", Map.of("insecure", true)).spec().insecure());
        var e = assertThrows(InvalidObjectException.class, () -> provider("GitHubTag", Map.of("insecure", true)));
        assertEquals("ResourceSetInputProvider apps/p: spec.insecure: can only be set when spec.type is "
                + "'ExternalService' or 'OCIArtifactTag'", e.getMessage());
    }
}
