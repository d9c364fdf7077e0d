package dev.rset.bench;

import dev.rset.e2e.Await;
import dev.rset.e2e.FluxCrds;
import dev.rset.e2e.Pipeline;
import dev.rset.e2e.Previews;
import dev.rset.testclusters.TestClusters;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Issue #8's latency figure: a signed GitHub {@code pull_request} delivery to the webhook handler
 * until its GitRepository and HelmRelease are visible on the cluster, through the real handlers
 * (webhook, template.yaml's rule into a queue, dispatcher, FIFO pair queue, reconciler) on
 * moto_server and the kube-apiserver test cluster {@code a}, one pull request at a time, as the
 * end-to-end test wires them ({@link Pipeline}, {@link Previews}).
 *
 * <p>Two mixes: "accumulating" opens pull request after pull request (the last run renders and
 * applies every open one: 3 objects each), "one open" closes each before opening the next. Not
 * measured: what AWS adds between the functions (EventBridge to Lambda, the SQS poller, cold
 * starts); the harness hands each message on as soon as it is there.
 *
 * <p>{@code java -cp functions/bench/target/benchmarks.jar dev.rset.bench.WebhookToClusterBench [prs] [warmup]}
 */
public final class WebhookToClusterBench {
    private WebhookToClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        int prs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (DeliveryStack stack = DeliveryStack.start()) {
            stack.register("a", TestClusters.shared().a(), Map.of("env", "prod"));
            System.out.println("load before: " + DeliveryStack.uptime());
            System.out.printf("webhook delivery -> GitRepository and HelmRelease visible on cluster a; %d pull "
                    + "requests after %d warm-up; concurrency: 1 delivery at a time, 1 invocation per function%n",
                    prs, warmup);
            for (boolean accumulate : new boolean[] {true, false}) {
                long[] total = new long[prs];
                long[] webhook = new long[prs];
                long[] pipeline = new long[prs];
                String ns = stack.namespace("bench-prs");
                Previews previews = Previews.declare(stack.pipeline, "bench-" + UUID.randomUUID().toString()
                        .substring(0, 6), ns);
                previews.place("env=prod");
                stack.pipeline.deliver();
                for (int i = 1; i <= warmup + prs; i++) {
                    String name = "app-" + i;
                    long start = System.nanoTime();
                    if (previews.opened(i, String.format("%040x", i)) != 200) {
                        throw new IllegalStateException("delivery " + i + " refused");
                    }
                    long hooked = System.nanoTime();
                    Pipeline.Round round = stack.pipeline.deliver();
                    long delivered = System.nanoTime();
                    Await.until(name + " visible on cluster a", Duration.ofSeconds(60),
                            () -> FluxCrds.gitRepository(stack.adminA, ns, name) != null
                                    && FluxCrds.helmRelease(stack.adminA, ns, name) != null);
                    long visible = System.nanoTime();
                    if (!round.returned().isEmpty()) {
                        throw new IllegalStateException("run failed for pull request " + i + ": " + round);
                    }
                    if (i > warmup) {
                        total[i - warmup - 1] = visible - start;
                        webhook[i - warmup - 1] = hooked - start;
                        pipeline[i - warmup - 1] = delivered - hooked;
                    }
                    if (!accumulate) {
                        previews.closed(i);
                        stack.pipeline.deliver();
                    }
                }
                System.out.println(accumulate ? "accumulating (pull request N while N-1 are open):"
                        : "one open (each closed before the next):");
                System.out.println("  delivery -> visible      " + DeliveryStack.percentiles(total));
                System.out.println("    webhook handler        " + DeliveryStack.percentiles(webhook));
                System.out.println("    dispatcher + reconcile " + DeliveryStack.percentiles(pipeline));
            }
            System.out.println("load after: " + DeliveryStack.uptime());
        }
    }
}
