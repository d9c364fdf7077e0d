package dev.rset.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.rset.store.ClusterStatus;
import dev.rset.store.Condition;
import dev.rset.store.InventoryEntry;
import dev.rset.store.InventoryKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(MotoServer.class)
class ApiHandlerTest {
    static final String RSIP = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSetInputProvider
            metadata:
              name: prs
              namespace: apps
              labels:
                team: platform
            spec:
              type: GitHubPullRequest
              url: https://github.com/org/app
              secretRef:
                name: github-token
            """;
    static final String RSET = """
            apiVersion: fluxcd.controlplane.io/v1
            kind: ResourceSet
            metadata:
              name: podinfo
              namespace: apps
              labels:
                team: platform
              annotations:
                rset.dev/clusters: env=prod
            spec:
              inputsFrom:
                - name: prs
              resources:
                - apiVersion: v1
                  kind: Namespace
                  metadata:
                    name: app-<< inputs.id >>
                    createdAt: 2026-11-25T10:00:00Z
            """;
    static final String CLUSTER = """
            apiVersion: rset.dev/v1alpha1
            kind: Cluster
            metadata:
              name: prod-eu
              labels:
                env: prod
            spec:
              server: https://203.0.113.10:6443
              auth:
                kubeconfig:
                  value: |
                    apiVersion: v1
                    clusters: [{name: prod, cluster: {server: "https://203.0.113.10:6443"}}]
                    users: [{name: admin, user: {token: SUPER-SECRET-TOKEN}}]
                    contexts: [{name: prod, context: {cluster: prod, user: admin}}]
            """;

    DynamoDbClient db;
    DynamoConfig config;
    DynamoStores stores;
    ApiHandler handler;
    MotoServer moto;

    @BeforeEach
    void setUp(MotoServer moto) {
        this.moto = moto;
        db = TestTables.dynamo(moto);
        config = TestTables.newTable(db, 2);
        stores = new DynamoStores(db, config, Clock.systemUTC());
        Map<String, String> env = new HashMap<>();
        env.put("RSET_TABLE", config.tableName());
        env.put("RSET_DUE_SHARDS", "2");
        env.put("AWS_REGION", TestTables.REGION);
        env.put("RSET_DYNAMODB_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_SECRETS_ENDPOINT", moto.endpoint().toString());
        env.put("RSET_SECRET_PREFIX", "rset-" + config.tableName());
        handler = new ApiHandler(ApiHandler.router(env, Optional.of(TestTables.CREDENTIALS)));
    }

    APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) {
        return handler.handleRequest(e, null);
    }

    APIGatewayV2HTTPResponse apply(String yaml) {
        return call(Events.request("post-apply.json", "POST", "/v1/apply", Map.of(), yaml));
    }

    APIGatewayV2HTTPResponse get(String path) {
        return call(Events.request("get-object.json", "GET", path, Map.of(), null));
    }

    static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
        try {
            return Events.MAPPER.readValue(r.getBody(), new TypeReference<>() { });
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.getBody(), e);
        }
    }

    static Map<String, Object> parse(String json) {
        try {
            return Events.MAPPER.readValue(json, new TypeReference<>() { });
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object m, String... path) {
        Object v = m;
        for (String p : path) {
            v = v instanceof List<?> l ? l.get(Integer.parseInt(p)) : ((Map<String, Object>) v).get(p);
        }
        return (T) v;
    }

    void assertStatus(APIGatewayV2HTTPResponse r, int code, String reason, String messagePart) {
        assertEquals(code, r.getStatusCode(), r.getBody());
        Map<String, Object> s = json(r);
        assertEquals("Status", s.get("kind"));
        assertEquals("Failure", s.get("status"));
        assertEquals(reason, s.get("reason"));
        assertEquals(code, s.get("code"));
        assertTrue(((String) s.get("message")).contains(messagePart), s.get("message") + " should contain " + messagePart);
        assertEquals("application/json", r.getHeaders().get("Content-Type"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void manifestsAreTypedAsTheFluxOperatorAndTheCliTypeThem() {
        String rset = RSET.replace("  inputsFrom:\n    - name: prs\n",
                "  inputs:\n    - {n: 3, exp: 1e3, oct: 012, hex: 0x1F, flag: yes, s: '012'}\n"
                + "  commonMetadata:\n    labels: {version: 1.50, count: 123, on: yes, empty: ~}\n");
        APIGatewayV2HTTPResponse r = apply(rset);
        assertEquals(200, r.getStatusCode(), r.getBody());
        List<String> warnings = at(json(r), "warnings");
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).endsWith(": key `n` is read as \"false\" (YAML 1.1); quote it"), warnings.get(0));
        assertTrue(warnings.get(1).endsWith(": key `on` is read as \"true\" (YAML 1.1); quote it"), warnings.get(1));

        Map<String, Object> got = json(get("/v1/namespaces/apps/resourcesets/podinfo"));
        Map<String, Object> input = ((List<Map<String, Object>>) at(got, "spec", "inputs")).get(0);
        assertEquals(Map.of("false", 3, "exp", 1000, "oct", 10, "hex", 31, "flag", true, "s", "012"), input,
                "YAML 1.1 as sigs.k8s.io/yaml reads it: the key n is \"false\"");
        assertEquals(Map.of("version", "1.5", "count", "123", "true", "true", "empty", ""),
                at(got, "spec", "commonMetadata", "labels"), "string fields take scalars as Go converts them");
    }

    @Test
    void applyGetListDelete() {
        APIGatewayV2HTTPResponse r = apply(RSIP + "---\n" + RSET);
        assertEquals(200, r.getStatusCode(), r.getBody());
        assertEquals(List.of("created", "created"), ((List<Map<String, Object>>) at(json(r), "items")).stream()
                .map(i -> i.get("action")).toList());

        Map<String, Object> got = json(call(Events.fixture("get-object.json")));
        assertEquals("podinfo", at(got, "metadata", "name"));
        assertEquals("1", at(got, "metadata", "resourceVersion"));
        assertEquals(1, (int) at(got, "metadata", "generation"));
        assertFalse(((String) at(got, "metadata", "uid")).isEmpty());
        assertEquals("2026-11-25T10:00:00Z", at(got, "spec", "resources", "0", "metadata", "createdAt"),
                "timestamps in manifests stay strings");
        assertEquals("no registered cluster matches the placement of this ResourceSet",
                at(got, "status", "conditions", "0", "message"));

        Map<String, Object> list = json(call(Events.fixture("list-objects.json")));
        assertEquals(List.of("podinfo"), ((List<Map<String, Object>>) list.get("items")).stream()
                .map(i -> at(i, "metadata", "name")).toList());
        assertEquals(0, ((List<?>) json(call(Events.request("list-objects.json", "GET", "/v1/resourcesets",
                Map.of("labelSelector", "team=other"), null))).get("items")).size());
        assertEquals(1, ((List<?>) json(get("/v1/namespaces/apps/resourcesetinputproviders")).get("items")).size());
        assertEquals(0, ((List<?>) json(get("/v1/namespaces/other/resourcesets")).get("items")).size());

        // same documents again: nothing changes
        Map<String, Object> again = json(apply(RSIP + "---\n" + RSET));
        assertEquals(List.of("unchanged", "unchanged"), ((List<Map<String, Object>>) again.get("items")).stream()
                .map(i -> i.get("action")).toList());
        // a spec change bumps the generation; a label change does not
        apply(RSET.replace("name: prs", "name: prs2"));
        assertEquals(2, (int) at(json(get("/v1/namespaces/apps/resourcesets/podinfo")), "metadata", "generation"));
        apply(RSET.replace("name: prs", "name: prs2").replace("team: platform", "team: apps"));
        Map<String, Object> v3 = json(get("/v1/namespaces/apps/resourcesets/podinfo"));
        assertEquals(2, (int) at(v3, "metadata", "generation"));
        assertEquals("3", at(v3, "metadata", "resourceVersion"));
        assertEquals((String) at(got, "metadata", "uid"), (String) at(v3, "metadata", "uid"));

        APIGatewayV2HTTPResponse deleted = call(Events.fixture("delete-object.json"));
        assertEquals(200, deleted.getStatusCode(), deleted.getBody());
        assertEquals("Success", json(deleted).get("status"));
        assertStatus(call(Events.fixture("get-object.json")), 404, "NotFound", "ResourceSet apps/podinfo not found");
        assertStatus(call(Events.fixture("delete-object.json")), 404, "NotFound", "not found");
    }

    @Test
    void yamlInAndOutByContentNegotiationAndBase64JsonBodies() {
        APIGatewayV2HTTPResponse r = call(Events.request("post-apply-json-base64.json", "POST", "/v1/apply", Map.of(),
                "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[" + Events.MAPPER.valueToTree(
                        new Yaml().load(RSIP)).toString() + "]}"));
        assertEquals(200, r.getStatusCode(), r.getBody());
        APIGatewayV2HTTPResponse y = call(Events.accept(Events.request("get-object.json", "GET",
                "/v1/namespaces/apps/resourcesetinputproviders/prs", Map.of(), null), "application/yaml"));
        assertEquals("application/yaml", y.getHeaders().get("Content-Type"));
        Map<String, Object> doc = new Yaml().load(y.getBody());
        assertEquals("GitHubPullRequest", at(doc, "spec", "type"));
        APIGatewayV2HTTPResponse err = call(Events.accept(Events.request("get-object.json", "GET",
                "/v1/namespaces/apps/resourcesetinputproviders/nope", Map.of(), null), "application/yaml"));
        assertEquals(404, err.getStatusCode());
        assertEquals("NotFound", ((Map<?, ?>) new Yaml().load(err.getBody())).get("reason"));
    }

    @Test
    void validationErrorsNameTheFieldAndWriteNothing() {
        String valid = RSIP + "---\n";
        assertStatus(apply(valid + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"), 400, "Invalid",
                "document 2: kind: unsupported kind \"ConfigMap\", must be one of ResourceSet, "
                        + "ResourceSetInputProvider, Receiver, Cluster");
        assertStatus(apply(valid + RSET.replace("  name: podinfo\n", "")), 400, "Invalid",
                "metadata.name: required field is missing");
        assertStatus(apply(valid + RSET.replace("- name: prs", "- selector:\n          matchExpressions:\n"
                + "            - {key: app, operator: Maybe}")), 400, "Invalid",
                "ResourceSet apps/podinfo: spec.inputsFrom[0].selector.matchExpressions[0].operator: \"Maybe\" is not "
                        + "a valid label selector operator");
        assertStatus(apply(valid + RSET.replace("env=prod", "env in prod")), 400, "Invalid",
                "ResourceSet apps/podinfo: metadata.annotations[rset.dev/clusters]: invalid label selector");
        assertStatus(apply(valid + RSET + "  steps:\n    - name: one\n      resources: [{kind: X}]\n"), 400,
                "Invalid", "spec.steps is mutually exclusive with spec.resources and spec.resourcesTemplate");
        String big = "x".repeat(1024 * 1024);
        assertStatus(apply(valid + RSET + "  resourcesTemplate: \"" + big + "\"\n"), 400, "Invalid",
                "ResourceSet apps/podinfo: the manifest is ");
        assertStatus(apply(valid + RSET.replace("name: podinfo", "name: Pod_Info")), 400, "Invalid",
                "ResourceSet apps/Pod_Info: metadata.name: \"Pod_Info\" must be a lowercase DNS subdomain");
        assertStatus(apply(valid + RSIP.replace("name: prs", "name: lookbehind") + "  filter:\n    includeBranch: '(?<=a)b'\n"),
                400, "Invalid", "ResourceSetInputProvider apps/lookbehind: spec.filter.includeBranch: error parsing "
                        + "regexp: invalid named capture: `(?<=a)b`");
        assertStatus(apply(valid + RSIP.replace("name: prs", "name: possessive") + "  filter:\n    excludeTag: 'a*+'\n"),
                400, "Invalid", "ResourceSetInputProvider apps/possessive: spec.filter.excludeTag: error parsing "
                        + "regexp: invalid nested repetition operator: `*+`");
        assertStatus(apply(valid + RSIP.replace("name: prs", "name: backref")
                + "  filter:\n    includeEnvironment: '(a)\\1'\n"), 400, "Invalid",
                "ResourceSetInputProvider apps/backref: spec.filter.includeEnvironment: error parsing regexp: invalid "
                        + "escape sequence: `\\1`");
        assertStatus(apply(valid + "kind: [oops\n"), 400, "BadRequest", "not valid YAML: line");
        assertStatus(apply(valid + valid), 400, "Invalid", "appears twice");
        String scheduled = RSIP.replace("name: prs", "name: nightly") + "  schedule:\n";
        assertStatus(apply(valid + scheduled + "    - cron: \"0 5 * * *\"\n      timeZone: Europe/Lodnon\n"), 400,
                "Invalid", "ResourceSetInputProvider apps/nightly: spec.schedule[0].timeZone: failed to parse "
                        + "cron spec '0 5 * * *' with timezone 'Europe/Lodnon': provided bad location Europe/Lodnon: "
                        + "unknown time zone Europe/Lodnon");
        assertStatus(apply(valid + scheduled + "    - cron: \"0 5 * * *\"\n    - cron: \"0 25 * * *\"\n"), 400,
                "Invalid", "ResourceSetInputProvider apps/nightly: spec.schedule[1].cron: failed to parse cron spec "
                        + "'0 25 * * *' with timezone 'UTC': end of range (25) above maximum (23): 25");
        assertStatus(apply(valid + scheduled + "    - cron: \"0 5 * * *\"\n      window: 3m\n"), 400, "Invalid",
                "ResourceSetInputProvider apps/nightly: spec.schedule[0].window: a non-zero window (3m0s) must always "
                        + "be at least twice the timeout (2m0s)");
        assertStatus(call(Events.request("list-objects.json", "GET", "/v1/resourcesets",
                Map.of("labelSelector", "env in prod"), null)), 400, "Invalid", "labelSelector: invalid label selector");
        // none of the valid documents before the bad one was written
        assertEquals(0, ((List<?>) json(get("/v1/resourcesetinputproviders")).get("items")).size());
        assertEquals(0, db.scan(b -> b.tableName(config.tableName())).count());
    }

    @Test
    void unknownThingsAre404AndWrongMethods405() {
        assertStatus(get("/v1/namespaces/apps/resourcesets/missing"), 404, "NotFound",
                "ResourceSet apps/missing not found");
        assertStatus(get("/v1/namespaces/apps/widgets/x"), 404, "NotFound", "unknown resource type \"widgets\"");
        assertStatus(get("/v2/resourcesets"), 404, "NotFound", "under /v1/");
        assertStatus(get("/v1/namespaces/apps/resourcesets/missing/status"), 404, "NotFound", "not found");
        assertStatus(call(Events.request("post-action.json", "POST", "/v1/namespaces/apps/resourcesets/x/reconcile",
                Map.of(), "")), 404, "NotFound", "ResourceSet apps/x not found");
        assertStatus(call(Events.request("post-action.json", "PUT", "/v1/apply", Map.of(), "")), 405,
                "MethodNotAllowed", "PUT");
    }

    @Test
    void staleVersionsAre409AndLeaveTheObjectAlone() {
        apply(RSIP);
        apply(RSIP.replace("https://github.com/org/app", "https://github.com/org/app2"));
        APIGatewayV2HTTPResponse stale = apply(RSIP.replace("namespace: apps", "namespace: apps\n  resourceVersion: \"1\"")
                .replace("https://github.com/org/app", "https://github.com/org/old"));
        assertStatus(stale, 409, "Conflict", "the object has been modified");
        Map<String, Object> got = json(get("/v1/namespaces/apps/resourcesetinputproviders/prs"));
        assertEquals("https://github.com/org/app2", at(got, "spec", "url"));
        assertStatus(call(Events.request("delete-object.json", "DELETE",
                "/v1/namespaces/apps/resourcesetinputproviders/prs", Map.of("resourceVersion", "1"), null)), 409,
                "Conflict", "ResourceSetInputProvider apps/prs");
        assertStatus(apply(RSIP.replace("name: prs", "name: fresh").replace("namespace: apps",
                "namespace: apps\n  resourceVersion: \"4\"")), 409, "Conflict", "does not exist");
        assertEquals(200, get("/v1/namespaces/apps/resourcesetinputproviders/prs").getStatusCode());
    }

    @Test
    void reconcileSuspendResumeDriveAnnotationsAndTheSchedule() {
        apply(RSET);
        ObjectKey key = new ObjectKey(Kind.RESOURCE_SET, "apps", "podinfo");
        assertTrue(stores.schedules().get(key).orElseThrow().isDue(Instant.now()), "a new ResourceSet is due");

        Map<String, Object> r = json(call(Events.fixture("post-action.json")));
        String requested = at(r, "metadata", "annotations", "reconcile.fluxcd.io/requestedAt");
        assertEquals(requested, at(r, "metadata", "annotations", "reconcile.fluxcd.io/forceAt"));
        Map<String, Object> noForce = json(call(Events.request("post-action.json", "POST",
                "/v1/namespaces/apps/resourcesets/podinfo/reconcile", Map.of(), "")));
        assertEquals(requested, at(noForce, "metadata", "annotations", "reconcile.fluxcd.io/forceAt"));
        assertFalse(requested.equals(at(noForce, "metadata", "annotations", "reconcile.fluxcd.io/requestedAt")));

        Map<String, Object> s = json(call(Events.request("post-action.json", "POST",
                "/v1/namespaces/apps/resourcesets/podinfo/suspend", Map.of(), "")));
        assertEquals("disabled", at(s, "metadata", "annotations", "fluxcd.controlplane.io/reconcile"));
        assertTrue(stores.schedules().get(key).orElseThrow().suspended());
        assertTrue(stores.schedules().due(Instant.now().plusSeconds(3600), 100).isEmpty());
        assertStatus(call(Events.fixture("post-action.json")), 400, "BadRequest", "is suspended");
        assertEquals(true, at(json(get("/v1/namespaces/apps/resourcesets/podinfo/status")), "status", "suspended"));

        json(call(Events.request("post-action.json", "POST", "/v1/namespaces/apps/resourcesets/podinfo/resume",
                Map.of(), "")));
        assertFalse(stores.schedules().get(key).orElseThrow().suspended());
        assertEquals(1, stores.schedules().due(Instant.now().plusSeconds(1), 100).size());
        assertStatus(call(Events.request("post-action.json", "POST", "/v1/clusters/prod-eu/reconcile", Map.of(), "")),
                400, "BadRequest", "Cluster cannot be asked to reconcile");
    }

    @Test
    void clusterCredentialsGoToSecretsManagerOnly() {
        APIGatewayV2HTTPResponse r = apply(CLUSTER);
        assertEquals(200, r.getStatusCode(), r.getBody());
        Map<String, Object> got = json(get("/v1/clusters/prod-eu"));
        String secretName = at(got, "spec", "auth", "kubeconfig", "secretRef", "name");
        assertTrue(secretName.startsWith("rset-" + config.tableName() + "/clusters/prod-eu/kubeconfig/"), secretName);
        assertFalse(r.getBody().contains("SUPER-SECRET") || got.toString().contains("SUPER-SECRET"));
        db.scan(b -> b.tableName(config.tableName())).items().forEach(item ->
                assertFalse(item.toString().contains("SUPER-SECRET"), "a DynamoDB item holds the token"));
        String stored = TestTables.secrets(moto).getSecretValue(b -> b.secretId(secretName)).secretString();
        assertTrue(stored.contains("SUPER-SECRET-TOKEN"));
        assertEquals(1, ((List<?>) json(get("/v1/clusters")).get("items")).size());
        assertStatus(get("/v1/namespaces/apps/clusters/prod-eu"), 404, "NotFound", "cluster-scoped");

        assertEquals(200, call(Events.request("delete-object.json", "DELETE", "/v1/clusters/prod-eu", Map.of(), null))
                .getStatusCode());
        assertTrue(TestTables.secrets(moto).listSecrets().secretList().stream()
                .noneMatch(s -> s.name().equals(secretName)));
        assertTrue(TestTables.secrets(moto).describeSecret(b -> b.secretId(secretName)).deletedDate() != null,
                "deleted with a recovery window, not forced");
    }

    @Test
    void statusShowsConditionsScheduleExportedInputsAndInventoryPerTargetCluster() {
        apply(RSIP + "---\n" + RSET + "---\n" + CLUSTER + "---\n" + CLUSTER.replace("prod-eu", "dev")
                .replace("env: prod", "env: dev"));
        stores.inputs().put(new ProviderId("apps", "prs"), "42", Map.of("id", "42", "sha", "abc"),
                new Ordering(Instant.now(), "d1"));
        ObjectKey rs = new ObjectKey(Kind.RESOURCE_SET, "apps", "podinfo");
        String uid = (String) at(json(get("/v1/namespaces/apps/resourcesets/podinfo")), "metadata", "uid");
        stores.inventories().put(new InventoryKey(rs, uid, "prod-eu"),
                List.of(new InventoryEntry("_app-42__Namespace", "v1")), 0);
        stores.statuses().putCluster(rs, new ClusterStatus("prod-eu", uid, ObjectStatus.EMPTY.withCondition(
                new Condition(Condition.READY, "True", Condition.REASON_SUCCEEDED, "Reconciliation finished in 1s",
                        Instant.now(), 1)), "sha256:abc", 1, "", List.of("Namespace/app-42 created")));

        Map<String, Object> p = json(get("/v1/namespaces/apps/resourcesetinputproviders/prs/status"));
        assertEquals(List.of(Map.of("id", "42", "sha", "abc")), at(p, "status", "exportedInputs"));
        assertTrue(at(p, "status", "nextSchedule") instanceof String);
        Map<String, Object> s = json(get("/v1/namespaces/apps/resourcesets/podinfo/status"));
        assertEquals("prod-eu", at(s, "status", "clusters", "0", "cluster"));
        assertEquals(1, ((List<?>) at(s, "status", "clusters")).size(), "placed on prod-eu only");
        assertEquals("_app-42__Namespace", at(s, "status", "inventory", "0", "entries", "0", "id"));
        assertEquals("True", at(s, "status", "conditions", "0", "status"));
        Map<String, Object> view = json(get("/v1/namespaces/apps/resourcesets/podinfo"));
        assertEquals("Reconciliation finished in 1s", at(view, "status", "conditions", "0", "message"));
        assertEquals(1, ((Number) at(view, "status", "clusters", "0", "inventoryCount")).intValue());
        Map<String, Object> listed = json(get("/v1/namespaces/apps/resourcesets"));
        assertEquals("True", at(listed, "items", "0", "status", "conditions", "0", "status"));
        assertEquals(List.of(Map.of("id", "42", "sha", "abc")),
                at(json(get("/v1/namespaces/apps/resourcesetinputproviders/prs")), "status", "exportedInputs"));
    }
}
