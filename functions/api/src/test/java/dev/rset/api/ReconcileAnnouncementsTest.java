package dev.rset.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.events.EventCodec;
import dev.rset.events.EventSources;
import dev.rset.events.ReconcileRequested;
import dev.rset.events.testing.Bus;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The API announces the runs it asks for on the bus (moto_server), as the dispatcher's rules expect. */
@ExtendWith(MotoServer.class)
class ReconcileAnnouncementsTest {
    private Bus bus;
    private ApiHandler handler;

    @BeforeEach
    void setUp(MotoServer moto) {
        DynamoConfig config = TestTables.newTable(TestTables.dynamo(moto), 1);
        bus = Bus.create(moto);
        Map<String, String> env = new HashMap<>();
        env.put("RSET_TABLE", config.tableName());
        env.put("AWS_REGION", TestTables.REGION);
        env.put("RSET_AWS_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_SECRET_PREFIX", "rset-" + config.tableName());
        env.put("RSET_EVENT_BUS", bus.name());
        handler = new ApiHandler(ApiHandler.router(env, Optional.of(TestTables.CREDENTIALS)));
    }

    APIGatewayV2HTTPResponse post(String path, String body) {
        return post(path, Map.of(), body);
    }

    APIGatewayV2HTTPResponse post(String path, Map<String, String> query, String body) {
        return handler.handleRequest(Events.request("post-apply.json", "POST", path, query, body), null);
    }

    List<ReconcileRequested> announced() {
        return bus.drain().stream().map(EventCodec::parse).peek(r -> assertEquals(EventSources.API, r.source()))
                .map(r -> (ReconcileRequested) r.event()).toList();
    }

    @Test
    void applyReconcileResumeAndDeleteOfAResourceSetAskForItsRuns() {
        ReconcileRequested plain = new ReconcileRequested("ResourceSet", "apps", "podinfo", false, "api");
        assertEquals(200, post("/v1/apply", ApiHandlerTest.RSET).getStatusCode());
        assertEquals(List.of(plain), announced());
        assertEquals(200, post("/v1/apply", ApiHandlerTest.RSET).getStatusCode());
        assertEquals(List.of(), announced(), "an unchanged apply asks for nothing");

        assertEquals(200, post("/v1/namespaces/apps/resourcesets/podinfo/reconcile", Map.of("force", "true"), "").getStatusCode());
        assertEquals(List.of(new ReconcileRequested("ResourceSet", "apps", "podinfo", true, "api")), announced());
        post("/v1/namespaces/apps/resourcesets/podinfo/suspend", "");
        assertEquals(List.of(), announced());
        post("/v1/namespaces/apps/resourcesets/podinfo/resume", "");
        assertEquals(List.of(plain), announced());

        APIGatewayV2HTTPResponse deleted = handler.handleRequest(Events.request("delete-object.json", "DELETE",
                "/v1/namespaces/apps/resourcesets/podinfo", Map.of(), null), null);
        assertEquals(200, deleted.getStatusCode(), deleted.getBody());
        assertEquals(List.of(plain), announced(), "its runs prune what it left on the clusters");
    }

    @Test
    void aProviderReconcileAsksForAPoll() {
        post("/v1/apply", ApiHandlerTest.RSIP);
        assertEquals(List.of(), announced());
        post("/v1/namespaces/apps/resourcesetinputproviders/prs/reconcile", "");
        assertEquals(List.of(new ReconcileRequested("ResourceSetInputProvider", "apps", "prs", false, "api")),
                announced());
    }
}
