package dev.rset.delivery.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.delivery.ApplyOptions;
import dev.rset.delivery.Change;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.ObjectRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryClusterTest {
    private static final Map<String, String> OWNER = Map.of("resourceset.fluxcd.controlplane.io/name", "app",
            "resourceset.fluxcd.controlplane.io/namespace", "apps");
    private static final ApplyOptions OPTIONS = new ApplyOptions(ApplyOptions.FIELD_MANAGER, OWNER, Duration.ofSeconds(5));

    @TempDir
    Path dir;

    private static Map<String, Object> object(String apiVersion, String kind, String ns, String name, Map<String, Object> extra) {
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("name", name);
        if (!ns.isEmpty()) {
            meta.put("namespace", ns);
        }
        meta.put("labels", OWNER);
        meta.putAll(extra);
        return Map.of("apiVersion", apiVersion, "kind", kind, "metadata", meta);
    }

    @Test
    void appliesInFluxOrderThenReportsUnchangedAndConfigured() throws Exception {
        DirectoryCluster cluster = new DirectoryCluster("default", dir);
        Map<String, Object> deploy = object("apps/v1", "Deployment", "preview-1", "app", Map.of());
        Map<String, Object> ns = object("v1", "Namespace", "", "preview-1", Map.of());
        List<Change> first = cluster.apply(List.of(deploy, ns), OPTIONS);
        assertEquals("[Namespace/preview-1 created, Deployment/preview-1/app created]", first.toString());
        assertTrue(Files.readString(dir.resolve("preview-1/Deployment.apps/app.yaml")).contains("kind: Deployment"));
        assertTrue(Files.exists(dir.resolve("_cluster/Namespace/preview-1.yaml")));

        assertEquals("[Namespace/preview-1 unchanged, Deployment/preview-1/app unchanged]",
                cluster.apply(List.of(ns, deploy), OPTIONS).toString());
        Map<String, Object> changed = object("apps/v1", "Deployment", "preview-1", "app", Map.of("annotations", Map.of("a", "b")));
        assertEquals(Change.Action.CONFIGURED, cluster.apply(List.of(changed), OPTIONS).get(0).action());
        assertEquals(Map.of("a", "b"), ((Map<?, ?>) cluster.get(ObjectRef.of(changed)).orElseThrow().get("metadata")).get("annotations"));
    }

    @Test
    void prunesOwnedObjectsOnlyAndKeepsThoseWithPruningDisabled() {
        DirectoryCluster cluster = new DirectoryCluster("default", dir);
        Map<String, Object> keep = object("v1", "ConfigMap", "apps", "keep",
                Map.of("annotations", Map.of("fluxcd.controlplane.io/prune", "disabled")));
        Map<String, Object> drop = object("v1", "ConfigMap", "apps", "drop", Map.of());
        Map<String, Object> foreign = object("v1", "ConfigMap", "apps", "foreign", Map.of("labels", Map.of("x", "y")));
        cluster.apply(List.of(keep, drop, foreign), OPTIONS);
        ObjectRef gone = new ObjectRef("", "v1", "ConfigMap", "apps", "never-applied");
        List<Change> pruned = cluster.prune(List.of(ObjectRef.of(keep), ObjectRef.of(drop), ObjectRef.of(foreign), gone),
                OWNER, Duration.ofSeconds(5));
        assertEquals("[ConfigMap/apps/keep skipped, ConfigMap/apps/drop deleted, ConfigMap/apps/foreign skipped]",
                pruned.toString());
        assertFalse(Files.exists(dir.resolve("apps/ConfigMap/drop.yaml")));
        assertTrue(Files.exists(dir.resolve("apps/ConfigMap/keep.yaml")));
    }

    @Test
    void removesDirectoriesLeftEmpty() {
        DirectoryCluster cluster = new DirectoryCluster("default", dir);
        Map<String, Object> cm = object("v1", "ConfigMap", "preview-2", "cm", Map.of());
        cluster.apply(List.of(cm), OPTIONS);
        cluster.prune(List.of(ObjectRef.of(cm)), OWNER, Duration.ofSeconds(5));
        assertFalse(Files.exists(dir.resolve("preview-2")));
        assertTrue(Files.exists(dir));
    }

    @Test
    void refusesNamesThatAreNotKubernetesNamesSoTheyCannotEscapeTheDirectory() {
        DirectoryCluster cluster = new DirectoryCluster("default", dir);
        for (Map<String, Object> hostile : List.of(object("v1", "ConfigMap", "../../etc", "x", Map.of()),
                object("v1", "ConfigMap", "apps", "../x", Map.of()), object("v1", "Config/Map", "apps", "x", Map.of()),
                object("../v1", "ConfigMap", "apps", "x", Map.of()))) {
            DeliveryException e = assertThrows(DeliveryException.class, () -> cluster.apply(List.of(hostile), OPTIONS));
            assertEquals(DeliveryException.Reason.REJECTED, e.reason());
            assertTrue(e.getMessage().contains("is not a valid Kubernetes name"), e.getMessage());
        }
        assertEquals(0, dir.toFile().list().length, "nothing written");
    }
}
