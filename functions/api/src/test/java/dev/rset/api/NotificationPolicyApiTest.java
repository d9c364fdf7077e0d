package dev.rset.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rset.store.Condition;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.testing.MotoServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A ResourceSet's pull request notification policy ({@code notify.rset.dev/*} annotations) is
 * checked when it is applied, and a failed delivery shows in its status.
 */
@ExtendWith(MotoServer.class)
class NotificationPolicyApiTest {
    static final String RSET = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: app
              namespace: apps
              annotations:
            %s
            spec:
              inputs: [{tenant: a}]
              resources:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: "<< inputs.tenant >>"}
            """;

    TestApi api;

    @BeforeEach
    void setUp(MotoServer moto) {
        api = new TestApi(moto);
    }

    static String with(String annotations) {
        return RSET.formatted(annotations.indent(4).stripTrailing());
    }

    void assertRefused(String annotations, String message) {
        TestApi.assertFailure(api.apply(with(annotations)), 400, message);
        assertEquals(0, api.items(), "nothing is written");
    }

    @Test
    void aBadPolicyIsA400NamingTheAnnotation() {
        assertRefused("notify.rset.dev/forge: bitbucket", "ResourceSet apps/app: metadata.annotations"
                + "[notify.rset.dev/forge]: unsupported forge \"bitbucket\"");
        assertRefused("notify.rset.dev/forge: github\nnotify.rset.dev/commitStatus: \"yes\"",
                "metadata.annotations[notify.rset.dev/commitStatus]: must be \"true\" or \"false\"");
        assertRefused("notify.rset.dev/forge: github\nnotify.rset.dev/commentTemplate: \"{{#failure}}oops\"",
                "metadata.annotations[notify.rset.dev/commentTemplate]: ");
        assertRefused("notify.rset.dev/forge: github\nnotify.rset.dev/commentTemplate: \"{{input.nope}}\"",
                "input.nope");
        assertRefused("notify.rset.dev/forge: gitea\nnotify.rset.dev/secretref: x",
                "metadata.annotations[notify.rset.dev/secretref]: unknown notification setting");
    }

    @Test
    void aGoodPolicyIsStoredAndAFailedDeliveryShowsInTheStatus() {
        assertEquals(200, api.apply(with("notify.rset.dev/forge: gitea\nnotify.rset.dev/secretRef: forgejo-token\n"
                + "notify.rset.dev/commentTemplate: \"{{status}} {{#clusters}}{{name}}{{/clusters}}\"")).getStatusCode());
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, "apps", "app");
        api.stores.statuses().put(key, ObjectStatus.EMPTY.withCondition(new Condition("NotificationFailed", "True",
                "GiteaHTTP403", "Gitea API POST https://git.example/api/v1/repos/o/r/statuses/abc answered 403",
                Instant.now(), 1)));
        Map<String, Object> got = api.get("/v1/namespaces/apps/resourcesets/app");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) ((Map<String, Object>) got.get("status"))
                .get("conditions");
        assertTrue(conditions.stream().anyMatch(c -> "NotificationFailed".equals(c.get("type"))
                && "GiteaHTTP403".equals(c.get("reason"))), conditions.toString());
    }
}
