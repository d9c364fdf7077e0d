package dev.rset.bench;

import dev.rset.e2e.Pipeline;
import dev.rset.testclusters.KubeCluster;
import dev.rset.testclusters.TestClusters;
import java.util.List;
import java.util.Map;

/**
 * One ResourceSet of 20 objects (10 ConfigMaps, 5 GitRepositories, 5 HelmReleases) delivered to 10
 * registered clusters through the real handlers ({@link Pipeline}): the first delivery, an update of
 * every object, and a run with nothing to change.
 *
 * <p>Only two API servers exist here, so the 10 "clusters" are the two test clusters registered
 * under 5 names each. The objects do not depend on the cluster (a template sees no cluster name),
 * so the 5 pairs sharing an API server apply the same 20 objects in the same namespace: whichever
 * comes second finds them applied (a dry run, no write). The figures are therefore optimistic for
 * the writes; the output says so.
 *
 * <p>{@code java -cp functions/bench/target/benchmarks.jar dev.rset.bench.FanOutBench [clusters]}
 */
public final class FanOutBench {
    private FanOutBench() {
    }

    public static void main(String[] args) throws Exception {
        int clusters = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (DeliveryStack stack = DeliveryStack.start()) {
            for (int i = 0; i < clusters; i++) {
                KubeCluster server = i % 2 == 0 ? TestClusters.shared().a() : TestClusters.shared().b();
                stack.register("fan-" + i, server, Map.of("fanout", "bench"));
            }
            String ns = stack.namespace("bench-fan");
            System.out.println("load before: " + DeliveryStack.uptime());
            System.out.printf("one ResourceSet of 20 objects to %d clusters; concurrency: 1 reconcile invocation, "
                    + "its batch of up to 10 pairs on 10 threads (the handler's own)%n", clusters);
            System.out.printf("HONEST NOTE: the %d clusters are the 2 test API servers registered under %d names "
                    + "each; the pairs on one server apply identical objects into one namespace (%s), so a pair "
                    + "that comes after another on its server finds nothing to write%n", clusters, (clusters + 1) / 2,
                    ns);
            measure(stack, ns, "first delivery (create 20 objects)", "1", clusters);
            measure(stack, ns, "update (all 20 objects change)", "2", clusters);
            long start = System.nanoTime();
            int invocations = stack.pipeline.reconcileInvocations();
            stack.pipeline.post("/v1/namespaces/bench/resourcesets/fanout/reconcile");
            Pipeline.Round round = stack.pipeline.deliver();
            report(stack, "steady state (reconcile, nothing changes)", System.nanoTime() - start, round, clusters,
                    invocations);
            System.out.println("load after: " + DeliveryStack.uptime());
        }
    }

    private static void measure(DeliveryStack stack, String ns, String what, String rev, int clusters) {
        long start = System.nanoTime();
        int invocations = stack.pipeline.reconcileInvocations();
        stack.pipeline.apply(resourceSet(ns, rev));
        Pipeline.Round round = stack.pipeline.deliver();
        long took = System.nanoTime() - start;
        for (var admin : List.of(stack.adminA, stack.adminB)) {
            long current = admin.configMaps().inNamespace(ns).list().getItems().stream()
                    .filter(c -> rev.equals(c.getData().get("rev"))).count();
            if (current != 10) {
                throw new IllegalStateException(what + ": " + current + " ConfigMaps at rev " + rev + " on "
                        + admin.getMasterUrl());
            }
        }
        report(stack, what, took, round, clusters, invocations);
    }

    @SuppressWarnings("unchecked")
    private static void report(DeliveryStack stack, String what, long nanos, Pipeline.Round round, int clusters,
            int invocationsBefore) {
        if (round.requests() != clusters || !round.returned().isEmpty()) {
            throw new IllegalStateException(what + ": expected " + clusters + " successful runs, got " + round);
        }
        // Each pair's own run, as its status records it (the rest is the functions and the queues).
        List<Map<String, Object>> pairs = (List<Map<String, Object>>) ((Map<String, Object>) stack.pipeline
                .get("/v1/namespaces/bench/resourcesets/fanout").get("status")).get("clusters");
        long[] runs = pairs.stream().mapToLong(p -> java.time.Duration.parse((String) ((Map<String, Object>)
                ((List<Object>) p.get("history")).get(0)).get("lastReconciledDuration")).toNanos()).toArray();
        System.out.printf("  %-44s %8.1f ms for %d pairs in %d reconcile invocation(s) (apply + dispatch + "
                + "reconcile)%n      each pair's run: %s%n", what, nanos / 1e6, round.requests(),
                stack.pipeline.reconcileInvocations() - invocationsBefore, DeliveryStack.percentiles(runs));
    }

    static String resourceSet(String ns, String rev) {
        return """
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata:
                  name: fanout
                  namespace: bench
                  annotations:
                    rset.dev/clusters: fanout=bench
                spec:
                  inputs:
                    - rev: "%REV%"
                  resourcesTemplate: |
                    << range $i := until 10 >>
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: config-<< $i >>
                      namespace: %NS%
                    data:
                      rev: << inputs.rev | quote >>
                    << end >>
                    << range $i := until 5 >>
                    ---
                    apiVersion: source.toolkit.fluxcd.io/v1
                    kind: GitRepository
                    metadata:
                      name: repo-<< $i >>
                      namespace: %NS%
                    spec:
                      interval: 1h
                      url: https://github.com/acme/app-<< $i >>
                      ref:
                        tag: v<< inputs.rev >>
                    ---
                    apiVersion: helm.toolkit.fluxcd.io/v2
                    kind: HelmRelease
                    metadata:
                      name: release-<< $i >>
                      namespace: %NS%
                    spec:
                      interval: 1h
                      chart:
                        spec:
                          chart: ./chart
                          sourceRef:
                            kind: GitRepository
                            name: repo-<< $i >>
                      values:
                        rev: << inputs.rev | quote >>
                    << end >>
                """.replace("%NS%", ns).replace("%REV%", rev);
    }
}
