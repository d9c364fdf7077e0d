package dev.rset.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.api.resources.AuditLog;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real handler over a fresh table on moto_server, called with API Gateway events whose IAM
 * caller is the fixtures' ({@link #CALLER}), with the audit lines kept in {@link #audit}.
 */
final class TestApi {
    static final String CALLER = "arn:aws:sts::123456789012:assumed-role/platform-admin/alice";

    final DynamoDbClient db;
    final DynamoConfig config;
    final DynamoStores stores;
    final SecretsManagerClient secrets;
    final String prefix;
    final List<String> audit = new ArrayList<>();
    final ApiHandler handler;

    TestApi(MotoServer moto) {
        db = TestTables.dynamo(moto);
        config = TestTables.newTable(db, 2);
        stores = new DynamoStores(db, config, Clock.systemUTC());
        secrets = TestTables.secrets(moto);
        prefix = "rset-" + config.tableName();
        Map<String, String> env = new HashMap<>();
        env.put("RSET_TABLE", config.tableName());
        env.put("RSET_DUE_SHARDS", "2");
        env.put("AWS_REGION", TestTables.REGION);
        env.put("RSET_DYNAMODB_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_SECRETS_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_SECRET_PREFIX", prefix);
        handler = new ApiHandler(ApiHandler.router(env, Optional.of(TestTables.CREDENTIALS),
                new AuditLog(audit::add)));
    }

    APIGatewayV2HTTPResponse post(String path, Map<String, String> query, String yaml) {
        return handler.handleRequest(Events.request("post-apply.json", "POST", path, query, yaml), null);
    }

    APIGatewayV2HTTPResponse apply(String yaml) {
        return post("/v1/apply", Map.of(), yaml);
    }

    APIGatewayV2HTTPResponse call(String method, String path, Map<String, String> query) {
        return handler.handleRequest(Events.request("get-object.json", method, path, query, null), null);
    }

    Map<String, Object> get(String path) {
        APIGatewayV2HTTPResponse r = call("GET", path, Map.of());
        assertEquals(200, r.getStatusCode(), r.getBody());
        return ApiHandlerTest.json(r);
    }

    /** The item count of the table: what a refused request must leave unchanged. */
    int items() {
        return db.scan(b -> b.tableName(config.tableName())).count();
    }

    /** Secrets under {@code namePrefix} not scheduled for deletion. */
    List<String> liveSecrets(String namePrefix) {
        return secrets.listSecrets().secretList().stream().filter(s -> s.name().startsWith(namePrefix))
                .filter(s -> s.deletedDate() == null).map(s -> s.name()).toList();
    }

    static void assertFailure(APIGatewayV2HTTPResponse r, int code, String messagePart) {
        assertEquals(code, r.getStatusCode(), r.getBody());
        String message = (String) ApiHandlerTest.json(r).get("message");
        assertTrue(message.contains(messagePart), message + "\nshould contain\n" + messagePart);
    }
}
