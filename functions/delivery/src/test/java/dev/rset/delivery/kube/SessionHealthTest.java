package dev.rset.delivery.kube;

import static dev.rset.delivery.kube.Manifests.configMap;
import static dev.rset.delivery.kube.Manifests.crd;
import static dev.rset.delivery.kube.Manifests.custom;
import static dev.rset.delivery.kube.Manifests.job;
import static dev.rset.delivery.kube.Manifests.map;
import static dev.rset.delivery.kube.Manifests.namespace;
import static dev.rset.delivery.kube.Manifests.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.delivery.ApplyOptions;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.Health;
import dev.rset.delivery.ObjectRef;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionHealthTest {
    static final ApplyOptions OPTIONS = new ApplyOptions(ApplyOptions.FIELD_MANAGER,
            Map.of("resourceset.fluxcd.controlplane.io/name", "apps"), Duration.ofSeconds(20));
    static final Duration SHORT = Duration.ofSeconds(1);
    /** Long enough never to be reached when the test is right: a result before it shows a fast failure. */
    static final Duration LONG = Duration.ofSeconds(60);

    static KubernetesClient admin;
    static ClusterSession session;
    static StatusWriter status;

    @BeforeAll
    static void open() {
        admin = LiveCluster.admin();
        session = new Fabric8ClusterSession("a", LiveCluster.admin());
        status = new StatusWriter(admin);
    }

    @AfterAll
    static void close() {
        session.close();
        admin.close();
    }

    private static Map<String, Object> condition(String type, String status, String reason, String message) {
        return map("type", type, "status", status, "reason", reason, "message", message,
                "lastTransitionTime", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"));
    }

    @Test
    void objectsWithoutStatusAreHealthyOnceTheyExist() {
        String ns = unique("health");
        session.apply(List.of(namespace(ns), configMap(ns, "settings", map())), OPTIONS);
        ObjectRef settings = new ObjectRef("", "v1", "ConfigMap", ns, "settings");
        ObjectRef missing = new ObjectRef("", "v1", "ConfigMap", ns, "missing");

        assertEquals(Health.HEALTHY, session.waitForHealthy(List.of(new ObjectRef("", "v1", "Namespace", "", ns), settings), SHORT));

        Health health = session.waitForHealthy(List.of(settings, missing), SHORT);
        assertEquals(List.of(new Health.Failure(missing, "NotFound", "timeout after 1s: not found")), health.failures());
    }

    @Test
    void aFluxObjectIsHealthyWhenReadyAtItsGeneration() throws Exception {
        String ns = unique("flux");
        String group = ns + ".toolkit.fluxcd.io";
        session.apply(List.of(namespace(ns), crd(group, "Source"), custom(group, "Source", ns, "git", map("url", "x"))), OPTIONS);
        ObjectRef git = new ObjectRef(group, "v1", "Source", ns, "git");
        long generation = status.generation(git);

        assertEquals(List.of(new Health.Failure(git, "InProgress", "timeout after 1s: status.observedGeneration is not reported yet")),
                session.waitForHealthy(List.of(git), SHORT).failures());

        status.set(git, map("observedGeneration", generation - 1, "conditions", List.of(condition("Ready", "True", "Succeeded", "old"))));
        assertTrue(session.waitForHealthy(List.of(git), SHORT).failures().get(0).message()
                .endsWith("status.observedGeneration " + (generation - 1) + " is behind generation " + generation));

        status.set(git, map("observedGeneration", generation, "conditions", List.of(condition("Ready", "False", "Progressing", "fetching"))));
        assertEquals("timeout after 1s: Ready=False: Progressing: fetching",
                session.waitForHealthy(List.of(git), SHORT).failures().get(0).message());

        CompletableFuture<Health> waiting = CompletableFuture.supplyAsync(() -> session.waitForHealthy(List.of(git), LONG));
        status.set(git, map("observedGeneration", generation, "conditions", List.of(condition("Ready", "True", "Succeeded", "fetched"))));
        assertEquals(Health.HEALTHY, waiting.get(LONG.toSeconds(), TimeUnit.SECONDS));
    }

    @Test
    void stalledFailsFastWithItsMessage() {
        String ns = unique("stalled");
        String group = ns + ".example.com";
        session.apply(List.of(namespace(ns), crd(group, "Database"), custom(group, "Database", ns, "db", map())), OPTIONS);
        ObjectRef db = new ObjectRef(group, "v1", "Database", ns, "db");
        status.set(db, map("conditions", List.of(condition("Ready", "False", "Failed", "bad disk"),
                condition("Stalled", "True", "InvalidSpec", "disk size must be positive"))));

        Instant start = Instant.now();
        Health health = session.waitForHealthy(List.of(db), LONG);

        assertEquals(List.of(new Health.Failure(db, "Failed", "Stalled: InvalidSpec: disk size must be positive")), health.failures());
        assertTrue(Duration.between(start, Instant.now()).compareTo(LONG.dividedBy(2)) < 0, "did not wait for the timeout");
    }

    @Test
    void aFailedJobFailsFastAndACompleteOneIsHealthy() {
        String ns = unique("jobs");
        session.apply(List.of(namespace(ns), job(ns, "ok", "busybox:1.36", map()), job(ns, "broken", "busybox:1.36", map())), OPTIONS);
        ObjectRef ok = new ObjectRef("batch", "v1", "Job", ns, "ok");
        ObjectRef broken = new ObjectRef("batch", "v1", "Job", ns, "broken");
        String now = Instant.now().toString().replaceAll("\\.\\d+Z$", "Z");
        status.set(ok, map("startTime", now, "completionTime", now, "succeeded", 1, "conditions", List.of(
                condition("SuccessCriteriaMet", "True", "CompletionsReached", "done"),
                condition("Complete", "True", "CompletionsReached", "done"))));
        assertEquals(Health.HEALTHY, session.waitForHealthy(List.of(ok), SHORT));

        status.set(broken, map("startTime", now, "failed", 1, "conditions", List.of(
                condition("FailureTarget", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit"),
                condition("Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit"))));

        Instant start = Instant.now();
        Health health = session.waitForHealthy(List.of(ok, broken), LONG);

        assertEquals(List.of(new Health.Failure(broken, "Failed",
                "Job failed: BackoffLimitExceeded: Job has reached the specified backoff limit")), health.failures());
        assertTrue(Duration.between(start, Instant.now()).compareTo(LONG.dividedBy(2)) < 0, "did not wait for the timeout");
    }
}
