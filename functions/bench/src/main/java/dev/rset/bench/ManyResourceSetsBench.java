package dev.rset.bench;

import dev.rset.e2e.Pipeline;
import dev.rset.events.EventBridgePublisher;
import dev.rset.events.EventSources;
import dev.rset.events.ReconcileRequested;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.testing.TestTables;
import dev.rset.testclusters.TestClusters;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * 1,000 ResourceSets (one ConfigMap each) delivered to one cluster through the dispatcher and
 * reconcile handlers ({@link Pipeline}), {@code concurrency} invocations of each at a time, each
 * reconcile invocation running its batch of up to 10 pairs on 10 threads.
 *
 * <p>Setup, not measured: the ResourceSets are written straight to the table and one
 * {@code ReconcileRequested} per ResourceSet is published on the bus, as the API's apply does. Going
 * through the API instead costs about a second per ResourceSet on moto_server (its
 * TransactWriteItems is slow), which would be measuring moto.
 *
 * <p>{@code java -cp functions/bench/target/benchmarks.jar dev.rset.bench.ManyResourceSetsBench [count] [concurrency]}
 */
public final class ManyResourceSetsBench {
    private ManyResourceSetsBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        try (DeliveryStack stack = DeliveryStack.start()) {
            stack.register("a", TestClusters.shared().a(), Map.of("env", "prod"));
            String ns = stack.namespace("bench-many");
            Map<String, String> env = stack.pipeline.environment();
            URI endpoint = URI.create(env.get("RSET_AWS_ENDPOINT"));
            DynamoStores stores = new DynamoStores(DynamoStores.client(TestTables.REGION, Optional.of(endpoint),
                    TestTables.CREDENTIALS), DynamoConfig.of(env.get("RSET_TABLE")), Clock.systemUTC());
            EventBridgePublisher bus = new EventBridgePublisher(EventBridgeClient.builder()
                    .region(Region.of(TestTables.REGION)).credentialsProvider(TestTables.CREDENTIALS)
                    .endpointOverride(endpoint).httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                    env.get("RSET_EVENT_BUS"), EventSources.API, 3, Duration.ofMillis(50));

            long start = System.nanoTime();
            List<ReconcileRequested> requests = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                stores.definitions().put(new ObjectKey(Kind.RESOURCE_SET, "bulk", "rs-" + i), resourceSet(i, ns),
                        Map.of(), 0);
                requests.add(new ReconcileRequested("ResourceSet", "bulk", "rs-" + i, false, "bench"));
            }
            for (int from = 0; from < count; from += 10) {
                bus.reconcileRequested(requests.subList(from, Math.min(count, from + 10)));
            }
            long written = System.nanoTime();
            System.out.println("load before: " + DeliveryStack.uptime());
            System.out.printf("%d ResourceSets to cluster a; concurrency: %d invocations of each function at a "
                    + "time, a reconcile batch of up to 10 pairs on 10 threads%n", count, concurrency);
            Pipeline.Round round = stack.pipeline.deliver(concurrency);
            long delivered = System.nanoTime();

            long onCluster = stack.adminA.configMaps().inNamespace(ns).list().getItems().size();
            // Delivery is at least once (EventBridge, and the stand-in queue redelivers an event whose
            // dispatch outlasts its visibility timeout): a few more requests than ResourceSets is normal.
            if (round.requests() < count || !round.returned().isEmpty() || onCluster != count) {
                throw new IllegalStateException("expected " + count + " runs and ConfigMaps, got " + round + " and "
                        + onCluster + " ConfigMaps");
            }
            System.out.printf("  %d events dispatched, %d pair requests handled (at-least-once duplicates included)%n",
                    round.events(), round.requests());
            double seconds = (delivered - written) / 1e9;
            System.out.printf("  setup (write + publish, not measured):  %8.1f s%n", (written - start) / 1e9);
            System.out.printf("  dispatch + reconcile of %d ResourceSets: %8.1f s  = %.1f ms per ResourceSet, "
                    + "%.1f ResourceSets/s, in %d reconcile invocations%n", count, seconds, seconds * 1000 / count,
                    count / seconds, stack.pipeline.reconcileInvocations());
            System.out.println("load after: " + DeliveryStack.uptime());
        }
    }

    /** A ResourceSet as the API stores it (uid assigned), rendering one ConfigMap from its inline input. */
    static Map<String, Object> resourceSet(int i, String ns) {
        // "index", not "n": YAML 1.1 reads a key n as false, exactly as the Flux Operator does.
        return Map.of("apiVersion", "fluxcd.controlplane.io/v1", "kind", "ResourceSet",
                "metadata", Map.of("name", "rs-" + i, "namespace", "bulk", "uid", UUID.randomUUID().toString(),
                        "annotations", Map.of("rset.dev/clusters", "env=prod")),
                "spec", Map.of("inputs", List.of(Map.of("index", Integer.toString(i))),
                        "resources", List.of(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                                "metadata", Map.of("name", "cm-<< inputs.index >>", "namespace", ns),
                                "data", Map.of("index", "<< inputs.index | quote >>")))));
    }
}
