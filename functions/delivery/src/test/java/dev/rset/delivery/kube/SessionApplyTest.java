package dev.rset.delivery.kube;

import static dev.rset.delivery.kube.Manifests.clusterRole;
import static dev.rset.delivery.kube.Manifests.configMap;
import static dev.rset.delivery.kube.Manifests.crd;
import static dev.rset.delivery.kube.Manifests.custom;
import static dev.rset.delivery.kube.Manifests.job;
import static dev.rset.delivery.kube.Manifests.map;
import static dev.rset.delivery.kube.Manifests.namespace;
import static dev.rset.delivery.kube.Manifests.service;
import static dev.rset.delivery.kube.Manifests.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.delivery.ApplyOptions;
import dev.rset.delivery.Change;
import dev.rset.delivery.Change.Action;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.DeliveryException.Reason;
import dev.rset.delivery.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionApplyTest {
    static final Map<String, String> OWNER = Map.of("resourceset.fluxcd.controlplane.io/name", "apps",
            "resourceset.fluxcd.controlplane.io/namespace", "team");
    static final ApplyOptions OPTIONS = new ApplyOptions(ApplyOptions.FIELD_MANAGER, OWNER, Duration.ofSeconds(20));

    static ClusterSession session;

    @BeforeAll
    static void open() {
        session = new Fabric8ClusterSession("a", LiveCluster.admin());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static String resourceVersion(ObjectRef ref) {
        return Fields.string(session.get(ref).orElseThrow(), "metadata", "resourceVersion").orElseThrow();
    }

    private static List<Action> actions(List<Change> changes) {
        return changes.stream().map(Change::action).toList();
    }

    @Test
    void createsThenLeavesUnchangedThenConfigures() {
        String ns = unique("apply");
        List<Map<String, Object>> objects = List.of(namespace(ns), configMap(ns, "settings", map("colour", "blue")));
        ObjectRef settings = ObjectRef.of(objects.get(1));

        assertEquals(List.of(Action.CREATED, Action.CREATED), actions(session.apply(objects, OPTIONS)));
        String created = resourceVersion(settings);
        Map<String, Object> live = session.get(settings).orElseThrow();
        assertEquals("apps", Fields.map(live, "metadata", "labels").get("resourceset.fluxcd.controlplane.io/name"));
        assertEquals(ApplyOptions.FIELD_MANAGER, Fields.at(live, "metadata", "managedFields").map(f -> ((List<?>) f).get(0))
                .map(f -> ((Map<?, ?>) f).get("manager")).orElseThrow());

        assertEquals(List.of(Action.UNCHANGED, Action.UNCHANGED), actions(session.apply(objects, OPTIONS)));
        assertEquals(created, resourceVersion(settings), "a steady state writes nothing");

        List<Change> changed = session.apply(List.of(namespace(ns), configMap(ns, "settings", map("colour", "red"))), OPTIONS);
        assertEquals(List.of(Action.UNCHANGED, Action.CONFIGURED), actions(changed));
        assertEquals("ConfigMap/" + ns + "/settings configured", changed.get(1).toString());
        assertNotEquals(created, resourceVersion(settings));
        assertEquals("red", Fields.string(session.get(settings).orElseThrow(), "data", "colour").orElseThrow());
    }

    @Test
    void objectsTheServerFillsInWithDefaultsAreUnchangedOnReapply() {
        String ns = unique("defaults");
        Map<String, Object> deployment = map("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", map("name", "web", "namespace", ns),
                "spec", map("selector", map("matchLabels", map("app", "web")),
                        "template", map("metadata", map("labels", map("app", "web")),
                                "spec", map("containers", List.of(map("name", "web", "image", "nginx:1.27",
                                        "ports", List.of(map("containerPort", 80))))))));
        List<Map<String, Object>> objects = List.of(namespace(ns), deployment, service(ns, "web", null, map()),
                job(ns, "migrate", "busybox:1.36", map()), clusterRole(ns + "-reader"));
        List<Change> created = session.apply(objects, OPTIONS);
        Map<ObjectRef, String> versions = new java.util.HashMap<>();
        created.forEach(c -> versions.put(c.object(), resourceVersion(c.object())));

        List<Change> again = session.apply(objects, OPTIONS);

        assertEquals(List.of(Action.UNCHANGED, Action.UNCHANGED, Action.UNCHANGED, Action.UNCHANGED, Action.UNCHANGED),
                actions(again));
        again.forEach(c -> assertEquals(versions.get(c.object()), resourceVersion(c.object()), c.toString()));
    }

    @Test
    void removingAFieldFromTheManifestIsAChange() {
        String ns = unique("apply");
        session.apply(List.of(namespace(ns), configMap(ns, "settings", map("a", "1", "b", "2"))), OPTIONS);

        List<Change> changes = session.apply(List.of(namespace(ns), configMap(ns, "settings", map("a", "1"))), OPTIONS);

        assertEquals(List.of(Action.UNCHANGED, Action.CONFIGURED), actions(changes));
        assertEquals(Map.of("a", "1"), Fields.map(session.get(changes.get(1).object()).orElseThrow(), "data"));
    }

    @Test
    void appliesACustomResourceWithItsDefinitionInOneRun() {
        String ns = unique("crd");
        String group = ns + ".example.com";
        List<Map<String, Object>> objects = List.of(
                custom(group, "Widget", ns, "w1", map("size", 3)), crd(group, "Widget"), namespace(ns));

        List<Change> changes = session.apply(objects, OPTIONS);

        assertEquals(List.of("CustomResourceDefinition/widgets." + group + " created", "Namespace/" + ns + " created",
                "Widget/" + ns + "/w1 created"), changes.stream().map(Change::toString).toList());
        assertEquals(3L, Fields.number(session.get(ObjectRef.of(objects.get(0))).orElseThrow(), "spec", "size").orElseThrow());
        assertEquals(List.of(Action.UNCHANGED, Action.UNCHANGED, Action.UNCHANGED), actions(session.apply(objects, OPTIONS)));
    }

    @Test
    void ordersDefinitionsThenClusterScopedThenNamespacedWhateverTheInputOrder() {
        String ns = unique("order");
        List<Map<String, Object>> objects = List.of(
                configMap(ns, "b", map()), service(ns, "web", null, map()), configMap(ns, "a", map()),
                clusterRole(ns + "-reader"), namespace(ns));

        List<Change> changes = session.apply(objects, OPTIONS);

        assertEquals(List.of("Namespace/" + ns, "ClusterRole/" + ns + "-reader", "ConfigMap/" + ns + "/a",
                "ConfigMap/" + ns + "/b", "Service/" + ns + "/web"), changes.stream().map(c -> c.object().toString()).toList());
    }

    @Test
    void recreatesAnObjectWithAnImmutableChangeOnlyWhenForced() {
        String ns = unique("force");
        session.apply(List.of(namespace(ns), job(ns, "migrate", "busybox:1.36", map())), OPTIONS);
        ObjectRef migrate = new ObjectRef("batch", "v1", "Job", ns, "migrate");
        String uid = Fields.string(session.get(migrate).orElseThrow(), "metadata", "uid").orElseThrow();

        DeliveryException refused = assertThrows(DeliveryException.class,
                () -> session.apply(List.of(namespace(ns), job(ns, "migrate", "busybox:1.37", map())), OPTIONS));
        assertEquals(Reason.REJECTED, refused.reason());
        assertEquals(migrate, refused.object());
        assertTrue(refused.getMessage().contains("field is immutable"), refused.getMessage());

        List<Change> forced = session.apply(List.of(namespace(ns),
                job(ns, "migrate", "busybox:1.37", map("fluxcd.controlplane.io/force", "enabled"))), OPTIONS);

        assertEquals(List.of(Action.UNCHANGED, Action.CONFIGURED), actions(forced));
        Map<String, Object> recreated = session.get(migrate).orElseThrow();
        assertNotEquals(uid, Fields.string(recreated, "metadata", "uid").orElseThrow());
        assertTrue(recreated.toString().contains("image=busybox:1.37"), recreated.toString());
    }

    @Test
    void stopsAtTheFirstRejectedObjectAndKeepsTheOnesBefore() {
        String ns = unique("reject");
        Map<String, Object> bad = configMap(ns, "b", map());
        ((Map<String, Object>) bad.get("metadata")).put("labels", map("tier", "not a valid label value!"));
        List<Map<String, Object>> objects = List.of(namespace(ns), configMap(ns, "a", map()), bad, configMap(ns, "c", map()));

        DeliveryException e = assertThrows(DeliveryException.class, () -> session.apply(objects, OPTIONS));

        assertEquals(Reason.REJECTED, e.reason());
        assertEquals(new ObjectRef("", "v1", "ConfigMap", ns, "b"), e.object());
        assertTrue(e.getMessage().startsWith("cluster a: ConfigMap/" + ns + "/b: rejected: "), e.getMessage());
        assertTrue(e.getMessage().contains("not a valid label value!"), e.getMessage());
        assertTrue(session.get(new ObjectRef("", "v1", "ConfigMap", ns, "a")).isPresent());
        assertTrue(session.get(new ObjectRef("", "v1", "ConfigMap", ns, "c")).isEmpty());
    }

    @Test
    void anIdentityWithoutRightsIsForbiddenInTheServersWords() {
        String ns = unique("forbid");
        session.apply(List.of(namespace(ns)), OPTIONS);
        String user = "system:serviceaccount:" + ns + ":nobody";

        try (ClusterSession asNobody = new Fabric8ClusterSession("a", LiveCluster.as(user))) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> asNobody.apply(List.of(configMap(ns, "a", map())), OPTIONS));

            assertEquals(Reason.FORBIDDEN, e.reason());
            assertTrue(e.getMessage().contains("\"" + user + "\" cannot"), e.getMessage());
        }
    }

    @Test
    void refusesAKindTheClusterDoesNotServe() {
        String ns = unique("unknown");
        DeliveryException e = assertThrows(DeliveryException.class, () -> session.apply(
                List.of(namespace(ns), custom(ns + ".example.com", "Gadget", ns, "g", map())), OPTIONS));

        assertEquals(Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("does not serve kind Gadget in " + ns + ".example.com/v1"), e.getMessage());
        assertTrue(session.get(ObjectRef.of(namespace(ns))).isPresent(), "the namespace applied before stays");
    }

    @Test
    void refusesANamespacedObjectWithoutNamespace() {
        Map<String, Object> orphan = map("apiVersion", "v1", "kind", "ConfigMap", "metadata", map("name", unique("cm")));

        DeliveryException e = assertThrows(DeliveryException.class, () -> session.apply(List.of(orphan), OPTIONS));

        assertEquals(Reason.REJECTED, e.reason());
        assertTrue(e.getMessage().contains("metadata.namespace is required"), e.getMessage());
    }

    @Test
    void aClusterThatCannotBeReachedIsUnreachableWithoutItsCredentials() {
        io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.empty();
        config.setMasterUrl("https://127.0.0.1:1");
        config.setOauthToken("token-that-must-not-leak");
        config.setRequestRetryBackoffLimit(0);
        try (ClusterSession down = new Fabric8ClusterSession("b",
                new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build())) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> down.apply(List.of(namespace(unique("down"))), OPTIONS));

            assertEquals(Reason.UNREACHABLE, e.reason());
            assertTrue(e.getMessage().startsWith("cluster b: "), e.getMessage());
            assertTrue(!e.getMessage().contains("token-that-must-not-leak"), e.getMessage());
        }
    }
}
