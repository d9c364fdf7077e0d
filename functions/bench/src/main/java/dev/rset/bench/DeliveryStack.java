package dev.rset.bench;

import dev.rset.e2e.FluxCrds;
import dev.rset.e2e.Pipeline;
import dev.rset.reconciler.live.TestClusterConnector;
import dev.rset.store.testing.MotoServer;
import dev.rset.testclusters.KubeCluster;
import dev.rset.testclusters.TestClusters;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the delivery benchmarks share with the end-to-end test: the control plane on its own
 * moto_server ({@link Pipeline}: real handlers, template.yaml's rules and pair queue), the two
 * kube-apiserver test clusters with the Flux CRDs, admin clients for checking what arrived, and
 * the reporting (percentiles, machine load).
 */
final class DeliveryStack implements AutoCloseable {
    final MotoServer moto;
    final Pipeline pipeline;
    final KubernetesClient adminA;
    final KubernetesClient adminB;

    private DeliveryStack(MotoServer moto, Pipeline pipeline, KubernetesClient adminA, KubernetesClient adminB) {
        this.moto = moto;
        this.pipeline = pipeline;
        this.adminA = adminA;
        this.adminB = adminB;
    }

    static DeliveryStack start() {
        // One INFO line per delivery and run would time the console.
        Logger.getLogger("").setLevel(Level.WARNING);
        Arrays.stream(Logger.getLogger("").getHandlers()).forEach(h -> h.setLevel(Level.WARNING));
        MotoServer moto = MotoServer.launch();
        try {
            Pipeline pipeline = Pipeline.create(moto.endpoint());
            KubernetesClient a = TestClusterConnector.admin(TestClusters.shared().a());
            KubernetesClient b = TestClusterConnector.admin(TestClusters.shared().b());
            FluxCrds.install(a);
            FluxCrds.install(b);
            return new DeliveryStack(moto, pipeline, a, b);
        } catch (RuntimeException e) {
            try {
                moto.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    void register(String name, KubeCluster cluster, Map<String, String> labels) {
        Map<String, Object> ready = pipeline.register(name, cluster.server(), cluster.kubeconfig(), labels);
        if (!"True".equals(ready.get("status"))) {
            throw new IllegalStateException("cluster " + name + " is not ready: " + ready);
        }
    }

    /** A fresh namespace on both clusters. */
    String namespace(String prefix) {
        String ns = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        for (KubernetesClient c : new KubernetesClient[] {adminA, adminB}) {
            c.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
                    .create();
        }
        return ns;
    }

    /** {@code uptime}'s output: the load other work puts on this shared machine. */
    static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return out + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException e) {
            return "uptime unavailable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "uptime interrupted";
        }
    }

    static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (n=%d)", pct(s, 50), pct(s, 90),
                pct(s, 99), s[s.length - 1] / 1e6, s.length);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    @Override
    public void close() throws Exception {
        adminA.close();
        adminB.close();
        moto.close();
    }
}
