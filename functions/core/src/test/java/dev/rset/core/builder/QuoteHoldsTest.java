package dev.rset.core.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.builder.lint.UnquotedInputsTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #11, item 8: {@code | quote} keeps every provider input a string of one object, whatever
 * it holds: line breaks, a document separator, quotes, template delimiters, U+2028, NUL, the
 * branch names git accepts that YAML reads as something else, and a title that tries to add a
 * ClusterRoleBinding to a {@code resourcesTemplate}.
 */
class QuoteHoldsTest {
    private static final String INJECTION = "Fix\n---\napiVersion: rbac.authorization.k8s.io/v1\n"
            + "kind: ClusterRoleBinding\nmetadata:\n  name: pwned\nroleRef: {apiGroup: rbac.authorization.k8s.io, "
            + "kind: ClusterRole, name: cluster-admin}\nsubjects: [{kind: Group, name: system:authenticated}]";

    private static final ResourceSet RSET = UnquotedInputsTest.rset("""
              resourcesTemplate: |
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: pr-<< inputs.id >>
                  namespace: apps
                  annotations:
                    title: << inputs.title | quote >>
                data:
                  branch: << inputs.branch | quote >>
            """);

    @ParameterizedTest
    @ValueSource(strings = {"line1\nline2", "a\n---\nb", "---", "say \"hi\" and 'bye'", "<< inputs.id >>",
            "a\u2028b\u2029c", "a\u0000b", "{injected}", "yes", "'x", "@x", "}", "~", "0x1F", "- item", "a: b",
            "[b a c]", "* x", "& y", "! z", "% w", "| v", "> u", "# t", "\\", "\t", " lead", "trail ", INJECTION})
    void everyValueStaysOneStringOfOneObject(String value) {
        List<Map<String, Object>> objects = ResourceSetBuilder.build(RSET, List.of(Map.of("id", "7", "title", value,
                "branch", value))).objects();
        assertEquals(1, objects.size(), objects.toString());
        Map<?, ?> object = objects.get(0);
        assertEquals("ConfigMap", object.get("kind"));
        assertEquals(value, ((Map<?, ?>) ((Map<?, ?>) object.get("metadata")).get("annotations")).get("title"));
        assertEquals(value, ((Map<?, ?>) object.get("data")).get("branch"));
    }
}
