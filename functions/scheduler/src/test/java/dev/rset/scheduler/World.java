package dev.rset.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rset.core.api.Annotations;
import dev.rset.events.EventBridgePublisher;
import dev.rset.events.EventSources;
import dev.rset.events.testing.Bus;
import dev.rset.forge.providers.ProviderPoller;
import dev.rset.forge.providers.github.GitHubAppTokens;
import dev.rset.scheduler.poll.ForgePoller;
import dev.rset.store.secrets.SecretsManagerSecretStore;
import dev.rset.store.DefinitionStore;
import dev.rset.store.Kind;
import dev.rset.store.ObjectKey;
import dev.rset.store.ScheduleState;
import dev.rset.store.dynamodb.DynamoConfig;
import dev.rset.store.dynamodb.DynamoStores;
import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A fresh table and bus on moto_server, with helpers that store providers and ResourceSets as the API would. */
final class World {
    static final String NS = "apps";
    final DynamoStores stores;
    final DynamoDbClient db;
    final DynamoConfig config;
    final Bus bus;
    final EventBridgePublisher events;
    final SecretsManagerSecretStore secrets;
    final String prefix;
    final ForgePoller poller;

    World(MotoServer moto, Instant now) {
        db = TestTables.dynamo(moto);
        config = TestTables.newTable(db, 4);
        stores = new DynamoStores(db, config, Clock.fixed(now, ZoneOffset.UTC));
        bus = Bus.create(moto);
        events = new EventBridgePublisher(Bus.client(moto), bus.name(), EventSources.SCHEDULER, 3, Duration.ofMillis(1));
        secrets = new SecretsManagerSecretStore(TestTables.secrets(moto));
        prefix = "rset-" + UUID.randomUUID();
        // The production poller: the forge module's clients on the JDK HTTP client, on the test's clock.
        poller = new ForgePoller(new ProviderPoller(ProviderPoller.defaultClient(), Clock.fixed(now, ZoneOffset.UTC),
                new GitHubAppTokens()), secrets, prefix, stores.inputs());
    }

    /** Stores a provider's secret where the scheduler reads {@code secretRef: {name: NAME}}. */
    void secret(String name, String value) {
        secrets.put(prefix + "/secrets/" + NS + "/" + name, value, "test secret");
    }

    Tick tick(Tick.Limits limits) {
        return Wiring.tick(stores, events, poller, limits);
    }

    Tick tick() {
        return tick(Tick.Limits.DEFAULT);
    }

    static ObjectKey provider(String name) {
        return new ObjectKey(Kind.RESOURCE_SET_INPUT_PROVIDER, NS, name);
    }

    static ObjectKey resourceSet(String name) {
        return new ObjectKey(Kind.RESOURCE_SET, NS, name);
    }

    /** A Static provider exporting {@code {env: <name>}}, labelled {@code labels}. */
    static Map<String, Object> staticProvider(String name, Map<String, String> labels, Map<String, String> annotations,
            List<Map<String, Object>> schedule) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "Static");
        spec.put("defaultValues", Map.of("env", name));
        if (!schedule.isEmpty()) {
            spec.put("schedule", schedule);
        }
        return manifest("ResourceSetInputProvider", name, labels, annotations, spec);
    }

    static Map<String, Object> provider(String name, String type, String url, String secret) {
        return manifest("ResourceSetInputProvider", name, Map.of("forge", "github"), Map.of(),
                Map.of("type", type, "url", url, "secretRef", Map.of("name", secret)));
    }

    static Map<String, Object> resourceSetReading(String name, Map<String, String> selector,
            Map<String, String> annotations) {
        Map<String, Object> spec = Map.of("inputsFrom", List.of(Map.of("selector", Map.of("matchLabels", selector))),
                "resources", List.of(Map.of("apiVersion", "v1", "kind", "Namespace",
                        "metadata", Map.of("name", "env-<< inputs.env >>"))));
        return manifest("ResourceSet", name, Map.of(), annotations, spec);
    }

    static Map<String, Object> manifest(String kind, String name, Map<String, String> labels,
            Map<String, String> annotations, Map<String, Object> spec) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", name);
        meta.put("namespace", NS);
        meta.put("uid", "uid-" + name);
        meta.put("labels", labels);
        meta.put("annotations", annotations);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "fluxcd.controlplane.io/v1");
        m.put("kind", kind);
        m.put("metadata", meta);
        m.put("spec", spec);
        return m;
    }

    /** Stores the definitions (50 per transaction, as the API applies them) without schedule entries. */
    void define(List<Map<String, Object>> manifests) {
        define(manifests, stores, DefinitionStore.ScheduleChange.NONE);
    }

    /** Stores the definitions as an apply at {@code due} does: each due at that time. */
    void defineDue(List<Map<String, Object>> manifests, Instant due) {
        define(manifests, new DynamoStores(db, config, Clock.fixed(due, ZoneOffset.UTC)),
                DefinitionStore.ScheduleChange.DUE_NOW);
    }

    private static void define(List<Map<String, Object>> manifests, DynamoStores stores,
            DefinitionStore.ScheduleChange schedule) {
        List<DefinitionStore.Write> writes = new ArrayList<>();
        for (Map<String, Object> m : manifests) {
            @SuppressWarnings("unchecked")
            Map<String, Object> meta = (Map<String, Object>) m.get("metadata");
            Kind kind = Kind.byKind((String) m.get("kind")).orElseThrow();
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) meta.get("labels");
            writes.add(new DefinitionStore.Write(new ObjectKey(kind, NS, (String) meta.get("name")), m, labels, 0,
                    schedule));
            if (writes.size() == DefinitionStore.MAX_WRITES) {
                stores.definitions().apply(writes);
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            stores.definitions().apply(writes);
        }
    }

    void dueAt(ObjectKey key, Instant due) {
        stores.schedules().put(ScheduleState.initial(key).withNextDue(due));
    }

    ScheduleState schedule(ObjectKey key) {
        return stores.schedules().get(key).orElseThrow();
    }

    /** The events delivered so far: detail-type and detail. */
    List<JsonNode> events() {
        return bus.drain();
    }

    static Map<String, String> forceAt(String at) {
        return Map.of(Annotations.REQUESTED_AT, at, Annotations.FORCE_AT, at);
    }

    /** Plenty of invocation time left. */
    static long plentyOfTime() {
        return 60_000;
    }
}
