package dev.rset.webhook;

import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ResourceSet;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.store.DefinitionStore;
import dev.rset.store.Kind;
import dev.rset.store.StoredObject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The providers and ResourceSets of a namespace, read from the definition store and kept for
 * {@code ttl}: a burst of deliveries (a push updates many pull requests) then costs two queries,
 * not two per delivery. A definition applied meanwhile is seen at most {@code ttl} later; the
 * scheduled poll and reconcile cover that window. Invalid stored objects are skipped with a warning.
 */
final class Definitions {
    private static final System.Logger LOG = System.getLogger(Definitions.class.getName());

    private record Cached<T>(Instant readAt, List<T> objects) {
    }

    private final DefinitionStore store;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached<ResourceSetInputProvider>> providers = new ConcurrentHashMap<>();
    private final Map<String, Cached<ResourceSet>> resourceSets = new ConcurrentHashMap<>();

    Definitions(DefinitionStore store, Clock clock, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.ttl = ttl;
    }

    List<ResourceSetInputProvider> providers(String namespace) {
        return read(providers, Kind.RESOURCE_SET_INPUT_PROVIDER, namespace, ResourceSetInputProvider::from);
    }

    List<ResourceSet> resourceSets(String namespace) {
        return read(resourceSets, Kind.RESOURCE_SET, namespace, ResourceSet::from);
    }

    private <T> List<T> read(Map<String, Cached<T>> cache, Kind kind, String namespace,
            Function<Map<String, Object>, T> parse) {
        Instant now = clock.instant();
        Cached<T> c = cache.get(namespace);
        if (c != null && !c.readAt().plus(ttl).isBefore(now)) {
            return c.objects();
        }
        List<T> out = new ArrayList<>();
        for (StoredObject o : store.list(kind, namespace)) {
            try {
                out.add(parse.apply(o.manifest()));
            } catch (InvalidObjectException e) {
                LOG.log(Level.WARNING, "skipping invalid {0}: {1}", kind.kind(), e.getMessage());
            }
        }
        List<T> objects = List.copyOf(out);
        cache.put(namespace, new Cached<>(now, objects));
        return objects;
    }
}
