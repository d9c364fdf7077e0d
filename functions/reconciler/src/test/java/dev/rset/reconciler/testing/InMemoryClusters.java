package dev.rset.reconciler.testing;

import dev.rset.core.api.Annotations;
import dev.rset.core.api.Cluster;
import dev.rset.delivery.ApplyOptions;
import dev.rset.delivery.Change;
import dev.rset.delivery.ClusterConnector;
import dev.rset.delivery.ClusterSession;
import dev.rset.delivery.DeliveryException;
import dev.rset.delivery.Health;
import dev.rset.delivery.Identity;
import dev.rset.delivery.ObjectRef;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-in clusters for the orchestration tests until the fabric8 session (branch delivery) and
 * the kube-apiserver test clusters (branch testenv) are merged; those then replace it. It keeps
 * the contract of {@link ClusterSession} that the reconciler relies on: apply reports
 * created/configured/unchanged and bumps resourceVersion only on a change, prune skips objects
 * without the owner labels or with {@code prune: disabled}, a rejected object stops the apply.
 */
public final class InMemoryClusters implements ClusterConnector {
    public final Map<String, Map<String, Map<String, Object>>> objects = new ConcurrentHashMap<>();
    public final Set<String> down = new HashSet<>();
    /** Object names the API server rejects, and names whose health check fails. */
    public final Set<String> rejected = new HashSet<>();
    public final Set<String> unhealthy = new HashSet<>();
    /** Namespaces where the impersonated identity may not write. */
    public final Set<String> forbiddenNamespaces = new HashSet<>();
    public final List<String> opened = new ArrayList<>();
    private long resourceVersion;

    @Override
    public ClusterSession open(Cluster cluster, Identity identity) {
        if (down.contains(cluster.name())) {
            throw new DeliveryException(DeliveryException.Reason.UNREACHABLE,
                    "Get \"" + cluster.server() + "/version\": dial tcp: connect: connection refused");
        }
        opened.add(cluster.name() + " as " + (identity.impersonates() ? identity.userName() : "control plane"));
        return new Session(cluster.name(), objects.computeIfAbsent(cluster.name(), k -> new ConcurrentHashMap<>()));
    }

    public Map<String, Map<String, Object>> on(String cluster) {
        return objects.getOrDefault(cluster, Map.of());
    }

    public Optional<Map<String, Object>> find(String cluster, String inventoryId) {
        return Optional.ofNullable(on(cluster).get(inventoryId));
    }

    public void put(String cluster, Map<String, Object> object) {
        objects.computeIfAbsent(cluster, k -> new ConcurrentHashMap<>()).put(ObjectRef.of(object).inventoryId(),
                object);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> meta(Map<String, Object> o) {
        return (Map<String, Object>) o.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> sub(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
    }

    private final class Session implements ClusterSession {
        private final String name;
        private final Map<String, Map<String, Object>> store;

        Session(String name, Map<String, Map<String, Object>> store) {
            this.name = name;
            this.store = store;
        }

        @Override
        public String cluster() {
            return name;
        }

        @Override
        public List<Change> apply(List<Map<String, Object>> objects, ApplyOptions options) {
            List<Change> changes = new ArrayList<>();
            for (Map<String, Object> o : objects) {
                ObjectRef ref = ObjectRef.of(o);
                if (rejected.contains(ref.name())) {
                    throw new DeliveryException(DeliveryException.Reason.REJECTED, ref, ref + " is invalid: "
                            + "spec.replicas: Invalid value: -1: must be greater than or equal to 0", null);
                }
                if (forbiddenNamespaces.contains(ref.namespace())) {
                    throw new DeliveryException(DeliveryException.Reason.FORBIDDEN, ref, ref.kind().toLowerCase()
                            + "s \"" + ref.name() + "\" is forbidden: cannot patch resource in the namespace \""
                            + ref.namespace() + "\"", null);
                }
                Map<String, Object> old = store.get(ref.inventoryId());
                Map<String, Object> next = new LinkedHashMap<>(o);
                Map<String, Object> nextMeta = new LinkedHashMap<>(meta(o));
                next.put("metadata", nextMeta);
                if (old != null) {
                    nextMeta.put("resourceVersion", meta(old).get("resourceVersion"));
                    if (old.equals(next)) {
                        changes.add(new Change(ref, Change.Action.UNCHANGED));
                        continue;
                    }
                }
                synchronized (InMemoryClusters.this) {
                    nextMeta.put("resourceVersion", Long.toString(++resourceVersion));
                }
                store.put(ref.inventoryId(), next);
                changes.add(new Change(ref, old == null ? Change.Action.CREATED : Change.Action.CONFIGURED));
            }
            return changes;
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Change> prune(List<ObjectRef> stale, Map<String, String> ownerLabels, Duration timeout) {
            List<Change> changes = new ArrayList<>();
            for (ObjectRef ref : stale) {
                Map<String, Object> o = store.get(ref.inventoryId());
                if (o == null) {
                    continue;
                }
                Map<String, Object> labels = sub(meta(o), "labels");
                boolean ours = ownerLabels.entrySet().stream()
                        .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
                if (!ours || Annotations.DISABLED.equals(sub(meta(o), "annotations").get(Annotations.PRUNE))) {
                    changes.add(new Change(ref, Change.Action.SKIPPED));
                    continue;
                }
                store.remove(ref.inventoryId());
                changes.add(new Change(ref, Change.Action.DELETED));
            }
            return changes;
        }

        @Override
        public Health waitForHealthy(List<ObjectRef> objects, Duration timeout) {
            return new Health(objects.stream().filter(r -> unhealthy.contains(r.name()))
                    .map(r -> new Health.Failure(r, "InProgress", "timeout")).toList());
        }

        @Override
        public Optional<Map<String, Object>> get(ObjectRef object) {
            return Optional.ofNullable(store.get(object.inventoryId()));
        }

        @Override
        public void close() {
        }
    }
}
