package dev.rset.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.testing.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.rset.api.ApiHandlerTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #11 item 3: an apply answered 409 changes nothing, credentials included, and deleting a
 * definition removes what belongs to it.
 */
@ExtendWith(MotoServer.class)
class AllOrNothingTest {
    TestApi api;

    @BeforeEach
    void setUp(MotoServer moto) {
        api = new TestApi(moto);
    }

    static String cluster(String token, String resourceVersion) {
        return ApiHandlerTest.CLUSTER.replace("SUPER-SECRET-TOKEN", token)
                .replace("  labels:", resourceVersion.isEmpty() ? "  labels:"
                        : "  resourceVersion: \"" + resourceVersion + "\"\n  labels:");
    }

    String secretRef() {
        return at(api.get("/v1/clusters/prod-eu"), "spec", "auth", "kubeconfig", "secretRef", "name");
    }

    String secretValue(String name) {
        return api.secrets.getSecretValue(b -> b.secretId(name)).secretString();
    }

    @Test
    void aKubeconfigSentWithARefusedApplyNeverReplacesTheCredentialsInUse() {
        assertEquals(200, api.apply(cluster("TOKEN-A", "")).getStatusCode());
        api.apply(cluster("TOKEN-A", "").replace("env: prod", "env: prod\n    tier: web"));
        assertEquals("2", at(api.get("/v1/clusters/prod-eu"), "metadata", "resourceVersion"));
        String first = secretRef();
        String clusterSecrets = api.prefix + "/clusters/prod-eu/";
        assertEquals(List.of(first), api.liveSecrets(clusterSecrets), "each apply's kubeconfig replaces the last");

        // A stale resourceVersion: 409, and the stored reference still reads TOKEN-A.
        APIGatewayV2HTTPResponse stale = api.apply(cluster("TOKEN-B", "1"));
        TestApi.assertFailure(stale, 409, "the object has been modified");
        assertEquals(first, secretRef());
        assertTrue(secretValue(first).contains("TOKEN-A"));
        assertEquals(List.of(first), api.liveSecrets(clusterSecrets), "the refused version is deleted");

        // Another document of the batch conflicts: the Cluster in it is not written either.
        api.apply(ApiHandlerTest.RSIP);
        APIGatewayV2HTTPResponse batch = api.apply(cluster("TOKEN-C", "") + "---\n"
                + ApiHandlerTest.RSIP.replace("namespace: apps", "namespace: apps\n  resourceVersion: \"7\""));
        TestApi.assertFailure(batch, 409, "ResourceSetInputProvider apps/prs");
        assertEquals(first, secretRef());
        assertTrue(secretValue(first).contains("TOKEN-A"));
        assertEquals(List.of(first), api.liveSecrets(clusterSecrets));

        // An accepted apply switches the reference in its transaction, then retires the old version.
        assertEquals(200, api.apply(cluster("TOKEN-D", "")).getStatusCode());
        String second = secretRef();
        assertNotEquals(first, second);
        assertTrue(secretValue(second).contains("TOKEN-D"));
        assertEquals(List.of(second), api.liveSecrets(clusterSecrets));
        assertNotNull(api.secrets.describeSecret(b -> b.secretId(first)).deletedDate(),
                "the old version is recoverable for the window");
    }

    @Test
    void aProviderDeletedAndCreatedForAnotherRepositoryExportsNothingOfTheOldOne() {
        assertEquals(200, api.apply(ApiHandlerTest.RSIP).getStatusCode());
        ProviderId prs = new ProviderId("apps", "prs");
        api.stores.inputs().put(prs, "42", Map.of("id", "42", "branch", "old-repo-feature"),
                new Ordering(Instant.now(), "d1"), 100);
        api.stores.inputs().remove(prs, "41", new Ordering(Instant.now(), "d2"));
        assertEquals(1, ((List<?>) at(api.get("/v1/namespaces/apps/resourcesetinputproviders/prs"), "status",
                "exportedInputs")).size());

        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, "apps", "prs");
        api.stores.statuses().put(key, ObjectStatus.EMPTY.withObservedGeneration(1));
        assertEquals(200, api.call("DELETE", "/v1/namespaces/apps/resourcesetinputproviders/prs", Map.of())
                .getStatusCode());
        assertEquals(ObjectStatus.EMPTY, api.stores.statuses().get(key));
        assertEquals(List.of(), api.stores.inputs().list(prs));
        assertEquals(0, api.db.scan(b -> b.tableName(api.config.tableName())).items().stream()
                .filter(i -> i.get("PK").s().contains("#apps#prs")).count(), "no input, tombstone or live set left");

        // A delivery that read the old provider before the delete writes after it: creating the
        // provider again still starts empty.
        api.stores.inputs().put(prs, "43", Map.of("id", "43"), new Ordering(Instant.now(), "d3"), 100);
        assertEquals(200, api.apply(ApiHandlerTest.RSIP.replace("org/app", "org/other")).getStatusCode());
        assertEquals(List.of(), at(api.get("/v1/namespaces/apps/resourcesetinputproviders/prs"), "status",
                "exportedInputs"));
    }

    static final String RECEIVER = """
            apiVersion: notification.toolkit.fluxcd.io/v1
            kind: Receiver
            metadata: {name: github, namespace: apps}
            spec:
              type: github
              events: [ping, pull_request]
              secretRef: {name: webhook-token}
              resources:
                - {kind: ResourceSetInputProvider, name: prs}
            """;

    @Test
    void deletingAReceiverRemovesItsStatus() {
        assertEquals(200, api.apply(RECEIVER).getStatusCode());
        ObjectKey key = new ObjectKey(Kind.RECEIVER, "apps", "github");
        api.stores.statuses().put(key, ObjectStatus.EMPTY.withObservedGeneration(1));
        assertEquals(200, api.call("DELETE", "/v1/namespaces/apps/receivers/github", Map.of()).getStatusCode());
        assertEquals(ObjectStatus.EMPTY, api.stores.statuses().get(key));
    }
}
