package dev.rset.webhook.receivers;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Receiver whose webhook path digest matches a request. The digest needs each token,
 * so the directory keeps an index of digests, rebuilt from the definitions and the secrets when
 * it is older than {@code ttl}, or on a miss at most once per {@code missRefresh} (so that
 * requests to random paths cannot hammer DynamoDB and Secrets Manager). Digests are compared in
 * constant time: the path is the receiver's bearer secret.
 */
public final class ReceiverDirectory {
    private static final System.Logger LOG = System.getLogger(ReceiverDirectory.class.getName());

    private record Entry(byte[] digest, ResolvedReceiver receiver) {
    }

    private record Index(List<Entry> entries, Instant builtAt) {
    }

    private final DefinitionStore definitions;
    private final ReceiverTokens tokens;
    private final Clock clock;
    private final Duration ttl;
    private final Duration missRefresh;
    private volatile Index index = new Index(List.of(), Instant.MIN);

    public ReceiverDirectory(DefinitionStore definitions, ReceiverTokens tokens, Clock clock, Duration ttl,
            Duration missRefresh) {
        this.definitions = definitions;
        this.tokens = tokens;
        this.clock = clock;
        this.ttl = ttl;
        this.missRefresh = missRefresh;
    }

    public Optional<ResolvedReceiver> find(String digest) {
        Instant now = clock.instant();
        Index current = index;
        if (current.builtAt().plus(ttl).isBefore(now)) {
            current = refresh(current);
        }
        Optional<ResolvedReceiver> hit = lookup(current, digest);
        if (hit.isEmpty() && current.builtAt().plus(missRefresh).isBefore(now)) {
            hit = lookup(refresh(current), digest);
        }
        return hit;
    }

    private static Optional<ResolvedReceiver> lookup(Index idx, String digest) {
        byte[] wanted = digest.getBytes(StandardCharsets.US_ASCII);
        ResolvedReceiver found = null;
        for (Entry e : idx.entries()) {
            // Compare against every entry, without stopping early, so timing tells nothing.
            if (MessageDigest.isEqual(e.digest(), wanted)) {
                found = e.receiver();
            }
        }
        return Optional.ofNullable(found);
    }

    private synchronized Index refresh(Index seen) {
        if (index != seen) {
            return index; // another thread refreshed meanwhile
        }
        List<Entry> entries = new ArrayList<>();
        for (StoredObject o : definitions.list(Kind.RECEIVER, "")) {
            Receiver r;
            try {
                r = Receiver.from(o.manifest());
            } catch (InvalidObjectException e) {
                LOG.log(Level.WARNING, "skipping invalid receiver: {0}", e.getMessage());
                continue;
            }
            ReceiverType type = ReceiverType.parse(r.type());
            Optional<String> token = tokens.token(r);
            if (type == null || token.isEmpty()) {
                LOG.log(Level.WARNING, "Receiver {0}/{1}: secret {2} is missing or holds no token; its webhook is "
                        + "not served", r.namespace(), r.name(), tokens.secretOf(r).name());
                continue;
            }
            String digest = Receivers.digest(token.get(), r);
            entries.add(new Entry(digest.getBytes(StandardCharsets.US_ASCII),
                    new ResolvedReceiver(r, type, token.get())));
        }
        index = new Index(List.copyOf(entries), clock.instant());
        return index;
    }
}
