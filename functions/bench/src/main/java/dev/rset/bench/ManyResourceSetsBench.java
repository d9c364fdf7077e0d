package dev.rset.bench;

import dev.rset.e2e.Pipeline;
import dev.rset.testclusters.TestClusters;
import java.util.Map;

/**
 * 1,000 ResourceSets (one ConfigMap each) delivered to one cluster through the real handlers
 * ({@link Pipeline}): applied through the management API (each apply announces a reconcile), then
 * every announcement dispatched and every pair reconciled by {@code concurrency} reconcile
 * invocations at a time, each running its batch of up to 10 pairs on 10 threads.
 *
 * <p>{@code java -cp functions/bench/target/benchmarks.jar dev.rset.bench.ManyResourceSetsBench [count] [concurrency]}
 */
public final class ManyResourceSetsBench {
    private static final int PER_APPLY = 20;

    private ManyResourceSetsBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        try (DeliveryStack stack = DeliveryStack.start()) {
            stack.register("a", TestClusters.shared().a(), Map.of("env", "prod"));
            String ns = stack.namespace("bench-many");
            System.out.println("load before: " + DeliveryStack.uptime());
            System.out.printf("%d ResourceSets to cluster a; concurrency: %d invocations of each function at a "
                    + "time, a reconcile batch of up to 10 pairs on 10 threads%n", count, concurrency);

            long start = System.nanoTime();
            for (int from = 0; from < count; from += PER_APPLY) {
                StringBuilder yaml = new StringBuilder();
                for (int i = from; i < Math.min(count, from + PER_APPLY); i++) {
                    yaml.append(resourceSet(i, ns));
                }
                stack.pipeline.apply(yaml.toString());
            }
            long applied = System.nanoTime();
            Pipeline.Round round = stack.pipeline.deliver(concurrency);
            long delivered = System.nanoTime();

            long onCluster = stack.adminA.configMaps().inNamespace(ns).list().getItems().size();
            if (round.requests() != count || !round.returned().isEmpty() || onCluster != count) {
                throw new IllegalStateException("expected " + count + " runs and ConfigMaps, got " + round + " and "
                        + onCluster + " ConfigMaps");
            }
            double seconds = (delivered - applied) / 1e9;
            System.out.printf("  apply through the API (%d per request):  %8.1f s%n", PER_APPLY,
                    (applied - start) / 1e9);
            System.out.printf("  dispatch + reconcile of %d ResourceSets: %8.1f s  = %.1f ms per ResourceSet, "
                    + "%.1f ResourceSets/s, in %d reconcile invocations%n", count, seconds, seconds * 1000 / count,
                    count / seconds, stack.pipeline.reconcileInvocations());
            System.out.println("load after: " + DeliveryStack.uptime());
        }
    }

    static String resourceSet(int i, String ns) {
        return """
                ---
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata:
                  name: rs-%1$d
                  namespace: bulk
                  annotations:
                    rset.dev/clusters: env=prod
                spec:
                  inputs:
                    - n: "%1$d"
                  resources:
                    - apiVersion: v1
                      kind: ConfigMap
                      metadata:
                        name: cm-<< inputs.n >>
                        namespace: %2$s
                      data:
                        n: << inputs.n | quote >>
                """.formatted(i, ns);
    }
}
