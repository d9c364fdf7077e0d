package dev.rset.webhook.receivers;

import dev.rset.store.secrets.ReceiverTokens;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.Receiver;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.hook.Receivers;
import dev.rset.store.DefinitionStore;
import dev.rset.store.Kind;
import dev.rset.store.StoredObject;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * Finds the Receiver whose webhook path digest matches a request. The digest needs each token,
 * so the directory keeps an index of digests built from the definitions and the secrets, and
 * rebuilds it after {@code ttl} plus a random fifth of it (so that many copies of the function do
 * not all read at once), or on a miss at most once per {@code missRefresh}. A path that missed is
 * remembered as unknown until the next rebuild a miss may cause ({@code missRefresh}), so that
 * requests to random or stale paths cannot hammer DynamoDB and Secrets Manager, yet a Receiver
 * applied after its path missed (a forge's ping sent before the apply) is served within
 * {@code missRefresh}, not after a whole {@code ttl}. One rebuild runs at a time; the others serve the current
 * index meanwhile. A receiver whose secret cannot be read keeps its last good entry and fails
 * alone; if the receivers cannot be listed, the whole last index stays. Digests are compared in
 * constant time: the path is the receiver's bearer secret.
 */
public final class ReceiverDirectory {
    private static final System.Logger LOG = System.getLogger(ReceiverDirectory.class.getName());
    /** Unknown paths remembered at most; a flood of random paths evicts the oldest first. */
    private static final int MAX_UNKNOWN = 10_000;

    private record Entry(byte[] digest, ResolvedReceiver receiver) {
    }

    private record Index(Map<String, Entry> byReceiver, Instant builtAt, Instant nextRebuild) {
        static final Index NONE = new Index(Map.of(), Instant.MIN, Instant.MIN);
    }

    private final DefinitionStore definitions;
    private final ReceiverTokens tokens;
    private final Clock clock;
    private final Duration ttl;
    private final Duration missRefresh;
    private final RandomGenerator jitter;
    private final ReentrantLock rebuilding = new ReentrantLock();
    private final Map<String, Instant> unknown = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_UNKNOWN;
        }
    };
    private volatile Index index = Index.NONE;

    public ReceiverDirectory(DefinitionStore definitions, ReceiverTokens tokens, Clock clock, Duration ttl,
            Duration missRefresh, RandomGenerator jitter) {
        this.definitions = definitions;
        this.tokens = tokens;
        this.clock = clock;
        this.ttl = ttl;
        this.missRefresh = missRefresh;
        this.jitter = jitter;
    }

    public Optional<ResolvedReceiver> find(String digest) {
        Instant now = clock.instant();
        Index current = index;
        if (current == Index.NONE) {
            current = rebuild(current, true);
        } else if (!now.isBefore(current.nextRebuild())) {
            current = rebuild(current, false);
        }
        Optional<ResolvedReceiver> hit = lookup(current, digest);
        if (hit.isPresent() || knownUnknown(digest, now)) {
            return hit;
        }
        if (!now.isBefore(current.builtAt().plus(missRefresh))) {
            hit = lookup(rebuild(current, false), digest);
        }
        if (hit.isEmpty()) {
            synchronized (unknown) {
                unknown.put(digest, now.plus(missRefresh));
            }
        }
        return hit;
    }

    private boolean knownUnknown(String digest, Instant now) {
        synchronized (unknown) {
            Instant until = unknown.get(digest);
            return until != null && now.isBefore(until);
        }
    }

    private static Optional<ResolvedReceiver> lookup(Index idx, String digest) {
        byte[] wanted = digest.getBytes(StandardCharsets.US_ASCII);
        ResolvedReceiver found = null;
        for (Entry e : idx.byReceiver().values()) {
            // Compare against every entry, without stopping early, so timing tells nothing.
            if (MessageDigest.isEqual(e.digest(), wanted)) {
                found = e.receiver();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Rebuilds the index unless another thread is at it; {@code wait}: wait for that thread
     * instead of serving {@code seen} (there is nothing to serve before the first build).
     */
    private Index rebuild(Index seen, boolean wait) {
        if (wait) {
            rebuilding.lock();
        } else if (!rebuilding.tryLock()) {
            return seen;
        }
        try {
            if (index != seen) {
                return index; // rebuilt meanwhile
            }
            index = build(seen);
            return index;
        } finally {
            rebuilding.unlock();
        }
    }

    private Index build(Index previous) {
        Instant now = clock.instant();
        Iterable<StoredObject> stored;
        try {
            stored = definitions.list(Kind.RECEIVER, "");
        } catch (RuntimeException e) {
            if (previous == Index.NONE) {
                throw e;
            }
            LOG.log(Level.ERROR, "receivers could not be listed ({0}: {1}); serving the last index",
                    e.getClass().getSimpleName(), e.getMessage());
            return new Index(previous.byReceiver(), now, now.plus(missRefresh));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (StoredObject o : stored) {
            Receiver r;
            try {
                r = Receiver.from(o.manifest());
            } catch (InvalidObjectException e) {
                LOG.log(Level.WARNING, "skipping invalid receiver: {0}", e.getMessage());
                continue;
            }
            String key = r.namespace() + "/" + r.name();
            ReceiverType type = ReceiverType.parse(r.type());
            Optional<String> token;
            try {
                token = tokens.token(r);
            } catch (RuntimeException e) {
                Entry last = previous.byReceiver().get(key);
                LOG.log(Level.ERROR, "Receiver {0}: secret {1} could not be read ({2}: {3}); {4}", key,
                        tokens.secretOf(r).name(), e.getClass().getSimpleName(), e.getMessage(),
                        last == null ? "its webhook is not served" : "serving its last good entry");
                if (last != null) {
                    entries.put(key, last);
                }
                continue;
            }
            if (type == null || token.isEmpty()) {
                LOG.log(Level.WARNING, "Receiver {0}: secret {1} is missing or holds no token; its webhook is "
                        + "not served", key, tokens.secretOf(r).name());
                continue;
            }
            String digest = Receivers.digest(token.get(), r);
            entries.put(key, new Entry(digest.getBytes(StandardCharsets.US_ASCII),
                    new ResolvedReceiver(r, type, token.get())));
        }
        long spread = Math.max(1, ttl.toMillis() / 5);
        return new Index(Map.copyOf(entries), now, now.plus(ttl).plusMillis(jitter.nextLong(spread)));
    }
}
