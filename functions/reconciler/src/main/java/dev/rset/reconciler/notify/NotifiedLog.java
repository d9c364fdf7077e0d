package dev.rset.reconciler.notify;

import dev.rset.store.Condition;
import dev.rset.store.ConflictException;
import dev.rset.store.ObjectKey;
import dev.rset.store.ObjectStatus;
import dev.rset.store.StatusStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each change request of a ResourceSet was last told, kept on the ResourceSet's own status
 * (the per-cluster statuses are the runs'): the condition {@code Notified} lists
 * {@code <provider>/<id>=<sha>:<status>:<digest>} entries ({@link Told}), and
 * {@code NotificationFailed} says why the last delivery failed (absent once one succeeds). Runs on
 * different clusters may write at once: a conflict is read again and merged, so at worst a
 * notification is sent twice.
 */
final class NotifiedLog {
    static final String NOTIFIED = "Notified";
    static final String NOTIFICATION_FAILED = "NotificationFailed";
    /** More change requests than this in one ResourceSet are not remembered (and are told again). */
    static final int MAX_ENTRIES = 500;

    private NotifiedLog() {
    }

    /**
     * What a change request was told: its head commit, the state ({@code pending}, {@code success},
     * {@code failure}) and the digest of the rendered status and comment
     * ({@link dev.rset.forge.notify.ChangeRequestReport#digest}). Entries written before digests
     * were kept have none and are taken as told while commit and state hold, so an upgrade sends
     * nothing by itself.
     */
    record Told(String sha, String status, String digest) {
        static final Told NOTHING = new Told("", "", "");

        /** {@code <sha>:<status>[:<digest>]}; anything else is {@link #NOTHING}. */
        static Told parse(String entry) {
            String[] parts = entry.split(":", -1);
            if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
                return NOTHING;
            }
            return new Told(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
        }

        String wire() {
            return sha + ":" + status + ":" + digest;
        }

        /** Whether telling this after {@code last} says something new. */
        boolean differsFrom(Told last) {
            return !sha.equals(last.sha()) || !status.equals(last.status())
                    || !last.digest().isEmpty() && !digest.equals(last.digest());
        }
    }

    /** Why the last delivery failed: a condition reason ({@code GitHubHTTP403}) and the request's message. */
    record Failure(String reason, String message) {
    }

    static Map<String, String> read(StatusStore store, ObjectKey key) {
        return parse(store.get(key).condition(NOTIFIED).map(Condition::message).orElse(""));
    }

    static Map<String, String> parse(String message) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : message.split(" ")) {
            int eq = entry.lastIndexOf('=');
            if (eq > 0) {
                out.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return out;
    }

    /**
     * Records what was sent ({@code sent}: key to entry, a null entry forgets the key) and the
     * failure, if any ({@code failure}: reason and message).
     */
    static void write(StatusStore store, ObjectKey key, Map<String, String> sent, Optional<Failure> failure,
            Instant now) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            ObjectStatus current = store.get(key);
            Map<String, String> merged = parse(current.condition(NOTIFIED).map(Condition::message).orElse(""));
            sent.forEach((k, v) -> {
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
            while (merged.size() > MAX_ENTRIES) {
                merged.remove(merged.keySet().iterator().next());
            }
            StringBuilder message = new StringBuilder();
            merged.forEach((k, v) -> message.append(message.length() == 0 ? "" : " ").append(k).append('=').append(v));
            ObjectStatus next = current.withCondition(new Condition(NOTIFIED, "True", "Delivered", message.toString(),
                    now, current.observedGeneration()));
            next = failure.isPresent()
                    ? next.withCondition(new Condition(NOTIFICATION_FAILED, "True", failure.get().reason(), failure.get().message(),
                            now, current.observedGeneration()))
                    : next.withoutCondition(NOTIFICATION_FAILED);
            if (next.equals(current)) {
                return;
            }
            try {
                store.put(key, next);
                return;
            } catch (ConflictException e) {
                // another cluster's run wrote meanwhile: read it again and merge
            }
        }
    }
}
