package dev.rset.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue #11: a body nested 3,000 deep overflowed the stack; it is a client error now. */
@ExtendWith(MotoServer.class)
class DeepInputApiTest {
    @Test
    void applyOfYamlNestedThreeThousandDeepIsAClearClientError(MotoServer moto) {
        DynamoConfig config = TestTables.newTable(TestTables.dynamo(moto), 2);
        Map<String, String> env = new HashMap<>();
        env.put("RSET_TABLE", config.tableName());
        env.put("RSET_DUE_SHARDS", "2");
        env.put("AWS_REGION", TestTables.REGION);
        env.put("RSET_DYNAMODB_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_SECRETS_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_SECRET_PREFIX", "rset-" + config.tableName());
        ApiHandler handler = new ApiHandler(ApiHandler.router(env, Optional.of(TestTables.CREDENTIALS)));
        StringBuilder deep = new StringBuilder("""
                apiVersion: fluxcd.controlplane.io/v1
                kind: ResourceSet
                metadata: {name: deep, namespace: apps}
                spec:
                  inputs:
                  - a:""");
        deep.append(' ').append("[".repeat(3000)).append("]".repeat(3000)).append('\n');
        for (String body : new String[] {deep.toString(), "spec:\n" + nestedBlock(3000)}) {
            APIGatewayV2HTTPResponse r = handler.handleRequest(
                    Events.request("post-apply.json", "POST", "/v1/apply", Map.of(), body), null);
            assertEquals(400, r.getStatusCode(), r.getBody());
            assertTrue(r.getBody().contains("exceeded max depth of 1000"), r.getBody());
        }
    }

    private static String nestedBlock(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= depth; i++) {
            sb.append(" ".repeat(2 * i)).append("k:\n");
        }
        return sb.append(" ".repeat(2 * depth + 2)).append("v\n").toString();
    }
}
