package dev.rset.forge.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code spec.filter.semver} written as Masterminds/semver reads it, over tags as Flux reads them. */
class TagVersionsTest {
    static final List<String> TAGS = List.of("v0.9.0", "v1.0.0", "1.2.3", "v1.2.3", "v1.10.0", "v2.0.0", "v2.0.0-rc.1",
            "latest", "1.2");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "v1.2.3          | 1.2.3 v1.2.3",
        ">=1.0.0 <2.0.0  | v1.0.0 1.2.3 v1.2.3 v1.10.0 1.2",
        ">=1.0.0, <2.0.0 | v1.0.0 1.2.3 v1.2.3 v1.10.0 1.2",
        "1.x             | v1.0.0 1.2.3 v1.2.3 v1.10.0 1.2",
        "~1.2            | 1.2.3 v1.2.3 1.2",
        "^1              | v1.0.0 1.2.3 v1.2.3 v1.10.0 1.2",
        ">=2.0.0-0       | v2.0.0 v2.0.0-rc.1"})
    void rangesSelectTheTagsMastermindsSelects(String range, String expected) {
        assertEquals(List.of(expected.split(" ")), TAGS.stream().filter(t -> TagVersions.satisfies(t, range)).toList());
    }
}
