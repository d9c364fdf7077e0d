package dev.rset.core.api;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterReceiverPlacementTest {
    static Map<String, Object> cluster(Map<String, Object> spec) {
        return Map.of("apiVersion", Cluster.API_VERSION, "kind", "Cluster",
                "metadata", Map.of("name", "prod-eu", "labels", Map.of("env", "prod")), "spec", spec);
    }

    @Test
    void selectorStringsParseLikeKubectl() {
        LabelSelector s = LabelSelector.parse("env=prod, tier in (web,api),!beta,region!=us,team");
        assertTrue(s.matches(Map.of("env", "prod", "tier", "api", "region", "eu", "team", "x")));
        assertFalse(s.matches(Map.of("env", "prod", "tier", "api", "region", "us", "team", "x")));
        assertFalse(s.matches(Map.of("env", "prod", "tier", "api", "team", "x", "beta", "1")));
        assertFalse(s.matches(Map.of("env", "prod", "tier", "db", "team", "x")));
        assertEquals(Map.of("a", "b"), LabelSelector.parse("a==b").matchLabels());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LabelSelector.parse("env in prod"));
        assertTrue(e.getMessage().contains("env in prod"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("a=b,,c"));
        assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("bad key=x"));
        assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("k=bad value"));
    }

    @Test
    void clusterWithKubeconfigOrEks() {
        Cluster c = Cluster.from(cluster(Map.of("server", "https://api.prod:6443",
                "auth", Map.of("kubeconfig", Map.of("value", "apiVersion: v1\nusers: [{token: s3cret}]")))));
        ClusterAuth.Kubeconfig k = (ClusterAuth.Kubeconfig) c.auth();
        assertTrue(k.inline());
        assertFalse(c.toString().contains("s3cret"), c.toString());
        Cluster eks = Cluster.from(cluster(Map.of("server", "https://abc.eks.amazonaws.com",
                "auth", Map.of("eks", Map.of("clusterName", "prod", "roleArn", "arn:aws:iam::123456789012:role/rset")))));
        assertEquals(new ClusterAuth.Eks("prod", "arn:aws:iam::123456789012:role/rset", ""), eks.auth());
    }

    @Test
    void privateNetworkIsAnExplicitOptIn() {
        Map<String, Object> auth = Map.of("eks", Map.of("clusterName", "a", "roleArn", "arn:aws:iam::123456789012:role/r"));
        assertFalse(Cluster.from(cluster(Map.of("server", "https://x", "auth", auth))).network().allowPrivate());
        assertTrue(Cluster.from(cluster(Map.of("server", "https://x", "auth", auth,
                "network", Map.of("allowPrivate", true)))).network().allowPrivate());
        assertEquals("Cluster prod-eu: spec.network.allowPrivate: expected a boolean, got a string",
                assertThrows(InvalidObjectException.class, () -> Cluster.from(cluster(Map.of("server", "https://x",
                        "auth", auth, "network", Map.of("allowPrivate", "yes"))))).getMessage());
    }

    @Test
    void clusterErrorsNameTheField() {
        assertEquals("Cluster prod-eu: spec.server: \"http://x\" must be an https:// URL of the Kubernetes API server",
                assertThrows(InvalidObjectException.class, () -> Cluster.from(cluster(Map.of("server", "http://x",
                        "auth", Map.of("eks", Map.of("clusterName", "a", "roleArn", "x")))))).getMessage());
        assertEquals("Cluster prod-eu: spec.auth.eks.roleArn: \"x\" is not an IAM role ARN",
                assertThrows(InvalidObjectException.class, () -> Cluster.from(cluster(Map.of("server", "https://x",
                        "auth", Map.of("eks", Map.of("clusterName", "a", "roleArn", "x")))))).getMessage());
        assertEquals("Cluster prod-eu: spec.auth: exactly one of kubeconfig or eks must be set",
                assertThrows(InvalidObjectException.class, () -> Cluster.from(cluster(Map.of("server", "https://x"))))
                        .getMessage());
        assertEquals("Cluster prod-eu: spec.auth.kubeconfig.secretRef: exactly one of secretRef or value must be set",
                assertThrows(InvalidObjectException.class, () -> Cluster.from(cluster(Map.of("server", "https://x",
                        "auth", Map.of("kubeconfig", Map.of())))))
                        .getMessage());
    }

    @Test
    void receiverValidation() {
        Map<String, Object> spec = new LinkedHashMap<>(Map.of("type", "github", "secretRef", Map.of("name", "tok"),
                "resources", List.of(Map.of("kind", "ResourceSetInputProvider", "name", "prs"))));
        Map<String, Object> m = new LinkedHashMap<>(Map.of("apiVersion", Receiver.API_VERSION, "kind", "Receiver",
                "metadata", Map.of("name", "gh", "namespace", "apps"), "spec", spec));
        Receiver r = Receiver.from(m);
        assertEquals("tok", r.secretRef());
        spec.put("type", "svn");
        assertTrue(assertThrows(InvalidObjectException.class, () -> Receiver.from(m)).getMessage()
                .startsWith("Receiver apps/gh: spec.type: unsupported value \"svn\""));
        spec.put("type", "gitlab");
        spec.put("resources", List.of(Map.of("kind", "ResourceSetInputProvider")));
        assertEquals("Receiver apps/gh: spec.resources[0].name: required field is missing",
                assertThrows(InvalidObjectException.class, () -> Receiver.from(m)).getMessage());
    }

    @Test
    void placementByAnnotationOrDefaultCluster() {
        Map<String, Map<String, String>> clusters = new LinkedHashMap<>();
        clusters.put("default", Map.of());
        clusters.put("eu", Map.of("env", "prod", "region", "eu"));
        clusters.put("us", Map.of("env", "prod", "region", "us"));
        assertEquals(List.of("default"), Placement.targets(rs(Map.of()), clusters));
        assertEquals(List.of("eu", "us"), Placement.targets(rs(Map.of(Placement.CLUSTERS_ANNOTATION, "env=prod")),
                clusters));
        assertEquals(List.of("eu"), Placement.targets(rs(Map.of(Placement.CLUSTERS_ANNOTATION,
                "env=prod,region notin (us)")), clusters));
        assertEquals(List.of(), Placement.targets(rs(Map.of()), Map.of("eu", Map.of())));
        InvalidObjectException e = assertThrows(InvalidObjectException.class,
                () -> Placement.targets(rs(Map.of(Placement.CLUSTERS_ANNOTATION, "env in")), clusters));
        assertTrue(e.getMessage().startsWith("ResourceSet apps/web: metadata.annotations[rset.dev/clusters]: "),
                e.getMessage());
    }

    static ResourceSet rs(Map<String, String> annotations) {
        return ResourceSet.from(Map.of("apiVersion", ResourceSet.API_VERSION, "kind", "ResourceSet",
                "metadata", Map.of("name", "web", "namespace", "apps", "annotations", annotations),
                "spec", Map.of("resources", List.of())));
    }
}
