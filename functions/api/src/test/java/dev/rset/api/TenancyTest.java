package dev.rset.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.store.testing.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static dev.rset.api.ApiHandlerTest.at;
import static dev.rset.api.ApiHandlerTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #11 item 7: the route, which IAM policies can grant, decides where an apply writes, and
 * every write names its caller.
 */
@ExtendWith(MotoServer.class)
class TenancyTest {
    TestApi api;

    @BeforeEach
    void setUp(MotoServer moto) {
        api = new TestApi(moto);
    }

    static String rset(String namespaceLine) {
        return StrictValidationTest.RSET.replace("metadata: {name: app, namespace: apps}",
                "metadata: {name: app" + namespaceLine + "}");
    }

    @Test
    void aNamespaceRouteWritesThatNamespaceOnly() {
        APIGatewayV2HTTPResponse r = api.post("/v1/namespaces/team-a/apply", Map.of(), rset(""));
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals("team-a", at(json(r), "items", "0", "namespace"), "no namespace: the route's");
        assertEquals(200, api.post("/v1/namespaces/team-a/apply", Map.of(), rset(", namespace: team-a"))
                .getStatusCode());
        int before = api.items();
        TestApi.assertFailure(api.post("/v1/namespaces/team-a/apply", Map.of(), rset(", namespace: team-b")), 400,
                "document 1 (ResourceSet): metadata.namespace: \"team-b\" does not match the namespace of the "
                        + "request \"team-a\"");
        TestApi.assertFailure(api.post("/v1/namespaces/team-a/apply", Map.of(),
                rset("") + "---\n" + ApiHandlerTest.CLUSTER), 400,
                "document 2 (Cluster): Cluster is cluster-scoped: apply it with POST /v1/clusters");
        TestApi.assertFailure(api.post("/v1/clusters", Map.of(), rset(", namespace: team-a")), 400,
                "ResourceSet is namespaced: apply it with POST /v1/namespaces/{namespace}/apply");
        assertEquals(before, api.items(), "refused requests write nothing");
        assertEquals(200, api.post("/v1/clusters", Map.of(), ApiHandlerTest.CLUSTER).getStatusCode());
        TestApi.assertFailure(api.call("GET", "/v1/namespaces/team-a/apply", Map.of()), 405, "GET");
    }

    @Test
    void everyWriteRecordsTheCallersIamArn() {
        api.post("/v1/namespaces/apps/apply", Map.of(), StrictValidationTest.RSET);
        String path = "/v1/namespaces/apps/resourcesets/app";
        assertEquals(TestApi.CALLER, at(api.get(path), "metadata", "annotations", "rset.dev/last-modified-by"));
        // A client cannot write the annotation itself.
        api.post("/v1/namespaces/apps/apply", Map.of(), StrictValidationTest.RSET.replace("namespace: apps}",
                "namespace: apps, annotations: {rset.dev/last-modified-by: mallory}}"));
        assertEquals(TestApi.CALLER, at(api.get(path), "metadata", "annotations", "rset.dev/last-modified-by"));
        assertEquals("unchanged", at(json(api.post("/v1/namespaces/apps/apply", Map.of(),
                StrictValidationTest.RSET)), "items", "0", "action"), "the server's annotation is no change");
        api.handler.handleRequest(Events.request("post-action.json", "POST", path + "/suspend", Map.of(), ""), null);
        api.call("DELETE", path, Map.of());

        List<Map<String, Object>> lines = api.audit.stream().map(ApiHandlerTest::parse).toList();
        assertEquals(List.of("apply:created", "apply:unchanged", "apply:unchanged", "suspend:configured",
                "delete:deleted"), lines.stream().map(l -> l.get("verb") + ":" + l.get("action")).toList());
        lines.forEach(l -> {
            assertEquals(TestApi.CALLER, l.get("caller"));
            assertEquals("ResourceSet", l.get("kind"));
            assertEquals("apps", l.get("namespace"));
            assertEquals("app", l.get("name"));
            assertEquals("rset-api", l.get("audit"));
        });
        assertTrue(api.audit.stream().noneMatch(l -> l.contains("inputs.tenant")), "no manifest in the log");
    }

    @Test
    void namesThatCannotBeKubernetesNamesAre400NotLookups() {
        TestApi.assertFailure(api.call("GET", "/v1/namespaces/apps/resourcesets/a%23b", Map.of()), 400,
                "name: \"a#b\" is not a valid object name");
        TestApi.assertFailure(api.call("GET", "/v1/namespaces/a%23b/resourcesets", Map.of()), 400,
                "namespace: \"a#b\" is not a valid namespace");
        TestApi.assertFailure(api.call("DELETE", "/v1/clusters/%23", Map.of()), 400, "is not a valid object name");
        TestApi.assertFailure(api.call("GET", "/v1/namespaces/apps/resourcesets/%zz", Map.of()), 400,
                "is not validly percent-encoded");
        TestApi.assertFailure(api.call("GET", "/v1/resourcesets", Map.of("namespace", "a#b")), 400,
                "is not a valid namespace");
    }
}
