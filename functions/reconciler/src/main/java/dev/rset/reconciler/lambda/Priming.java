package dev.rset.reconciler.lambda;

import dev.rset.core.api.ResourceSet;
import dev.rset.core.builder.BuildResult;
import dev.rset.core.builder.ResourceSetBuilder;
import dev.rset.core.yaml.GoYaml;
import dev.rset.delivery.kube.SerializationPriming;
import java.util.List;
import java.util.Map;

/**
 * SnapStart priming: when Lambda initialises the function to snapshot it
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), a made-up ResourceSet goes through the
 * I/O-free part of a reconcile: its YAML read, its template rendered for two inputs (the
 * template engine, Go YAML, the digest), and the objects through fabric8's serialisation as an
 * apply writes them. Every copy restored from the snapshot then starts with those classes loaded
 * and initialised. No backend and no cluster is called before the snapshot (a connection or a
 * read taken then would be restored stale in every copy), and nothing of the sample stays. On an
 * ordinary cold start priming would only delay the first event, so it does not run then.
 */
final class Priming {
    private static final String SAMPLE = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: priming
              namespace: priming
            spec:
              resources:
                - apiVersion: v1
                  kind: Namespace
                  metadata:
                    name: priming-<< inputs.id >>
                    labels:
                      branch: << inputs.branch | slugify | quote >>
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata:
                    name: app
                    namespace: priming-<< inputs.id >>
                  spec:
                    replicas: << inputs.replicas >>
                    selector:
                      matchLabels: {app: app}
                    template:
                      metadata:
                        labels: {app: app}
                      spec:
                        containers:
                          - name: app
                            image: "ghcr.io/priming/app:<< inputs.sha | trunc 7 >>"
            """;

    private Priming() {
    }


    /** Runs the reconcile's I/O-free steps on the sample; throws if one of them fails (a change broke priming). */
    @SuppressWarnings("unchecked")
    static BuildResult run() {
        ResourceSet rset = ResourceSet.from((Map<String, Object>) GoYaml.unmarshal(SAMPLE));
        BuildResult result = ResourceSetBuilder.build(rset, List.of(
                Map.of("id", "1", "branch", "feature/Priming", "sha", "0123456789abcdef", "replicas", 2),
                Map.of("id", "2", "branch", "main", "sha", "fedcba9876543210", "replicas", 1)));
        result.digest();
        SerializationPriming.run(result.objects());
        return result;
    }
}
