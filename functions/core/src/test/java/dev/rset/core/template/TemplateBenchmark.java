package dev.rset.core.template;

import java.util.List;
import java.util.Map;

/**
 * A manual micro-benchmark, not a unit test: executes a 30-line ResourceSet-style template with
 * about ten actions and prints the mean time per execution. Run with
 * {@code java -cp target/classes:target/test-classes dev.rset.core.template.TemplateBenchmark}.
 */
public final class TemplateBenchmark {
    static final String TEMPLATE = """
            apiVersion: source.toolkit.fluxcd.io/v1
            kind: OCIRepository
            metadata:
              name: app-<< inputs.tenant >>
              namespace: << inputs.namespace | default "apps" >>
              labels:
                tenant: << inputs.tenant | quote >>
                << if inputs.canary >>canary: "true"<< end >>
            spec:
              interval: 10m
              url: oci://ghcr.io/org/charts/<< inputs.chart >>
              ref:
                semver: << inputs.version | quote >>
              layerSelector:
                mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip
                operation: copy
            ---
            apiVersion: helm.toolkit.fluxcd.io/v2
            kind: HelmRelease
            metadata:
              name: app-<< inputs.tenant >>
            spec:
              interval: 1h
              values:
                replicas: << inputs.replicas >>
                env:
            << range $k, $v := inputs.env >>      << $k >>: << $v | quote >>
            << end >>
              chartRef:
                kind: OCIRepository
                name: app-<< inputs.tenant >>
            """;

    private TemplateBenchmark() {
    }

    public static void main(String[] args) {
        FuncMap funcs = new FuncMap()
                .put("inputs", Signature.of(), a -> null)
                .put("quote", Signature.variadic(ParamType.ANY), a -> "\"" + a[0] + "\"")
                .put("default", Signature.of(ParamType.ANY, ParamType.ANY), a -> a[1] == null ? a[0] : a[1]);
        Template t = Template.builder("resourceset").delims("<<", ">>").funcs(funcs).missingKeyError()
                .parse(TEMPLATE);
        Map<String, Object> inputs = Map.of("tenant", "team1", "namespace", "team1-apps", "canary", true,
                "chart", "podinfo", "version", "6.x", "replicas", 3L,
                "env", Map.of("LOG_LEVEL", "info", "REGION", "eu-west-1"), "tags", List.of("a"));
        FuncMap bindings = new FuncMap().put("inputs", Signature.of(), a -> inputs);
        int n = 200_000;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            int total = 0;
            for (int i = 0; i < n; i++) {
                total += t.execute(null, bindings).length();
            }
            long elapsed = System.nanoTime() - start;
            System.out.printf("%.2f us per execution (%d chars)%n", elapsed / 1000.0 / n, total / n);
        }
    }
}
