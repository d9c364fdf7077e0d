package dev.rset.webhook.inputs;

import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.inputs.Admission;
import dev.rset.forge.inputs.Upsert;
import dev.rset.store.ConflictException;
import dev.rset.store.InputStore;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.StoredInput;
import dev.rset.store.WriteOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code spec.filter.limit} for a new input. The store writes it only while the provider has
 * room, in the same atomic step that reserves its place, so deliveries racing for the last places
 * never take the provider past its limit. When it is full, the newcomer is ranked among the live
 * inputs as a full poll ranks them (Admission): below the limit it is not admitted; within it,
 * what falls out is evicted, the first evicted input's place is handed to the newcomer (so that a
 * lower-ranked racer cannot take it), and the write is tried again.
 */
final class InputLimit {
    /**
     * Every round but a paused one follows progress by another delivery (it took a place or an
     * eviction), so a burst of racing deliveries is worked through; past this the forge retries.
     */
    private static final int ROUNDS = 40;
    /**
     * How long to wait, in all, for deliveries still writing the inputs that hold the places (forges
     * give up on a delivery after about 10 s): a place in flux (evicted, handed over, not yet written)
     * looks free to the listing, so a burst of racing deliveries may need a few waits to settle.
     */
    private static final long PATIENCE_MS = 2000;

    private final InputStore inputs;

    InputLimit(InputStore inputs) {
        this.inputs = inputs;
    }

    Applied admit(ResourceSetInputProvider provider, ProviderId pid, Upsert upsert, Ordering ordering,
            boolean likelyNew) {
        int limit = provider.spec().filter().limit();
        int pauses = 0;
        long waited = 0;
        boolean evictedAny = false;
        for (int round = 0; round < ROUNDS; round++) {
            WriteOutcome out = likelyNew ? inputs.putNew(pid, upsert.id(), upsert.values(), ordering, limit)
                    : inputs.put(pid, upsert.id(), upsert.values(), ordering, limit);
            if (out != WriteOutcome.FULL) {
                Applied a = applied(out);
                return a == Applied.CHANGED && evictedAny ? Applied.CHANGED_AT_LIMIT : a;
            }
            List<StoredInput> live = inputs.list(pid);
            Admission.Decision decision = Admission.decide(provider, values(live), upsert);
            if (!decision.admit()) {
                return Applied.NOT_ADMITTED;
            }
            if (decision.evict().isEmpty()) {
                // Room among the live inputs but none in the live set: deliveries still writing hold
                // the places; let them finish.
                if (waited >= PATIENCE_MS) {
                    break;
                }
                waited += pause(pauses++);
            }
            boolean handedOver = false;
            for (StoredInput s : live) {
                if (decision.evict().contains(s.id())) {
                    // STALE: it changed or went since the listing; the next round lists again.
                    WriteOutcome evicted = handedOver ? inputs.evict(s) : inputs.evict(s, upsert.id());
                    handedOver |= evicted == WriteOutcome.WRITTEN;
                    evictedAny |= evicted == WriteOutcome.WRITTEN;
                }
            }
        }
        throw new ConflictException("provider " + pid + ": no place under spec.filter.limit " + limit
                + " came free while concurrent deliveries held them; retry the delivery");
    }

    private static Applied applied(WriteOutcome out) {
        return switch (out) {
            case WRITTEN -> Applied.CHANGED;
            case UNCHANGED -> Applied.UNCHANGED;
            case STALE -> Applied.STALE;
            // This delivery wrote it before (the forge retried after a failure further on, or a
            // request whose answer was lost was resent): the event that attempt owed is sent.
            case REPEATED -> Applied.ALREADY_APPLIED;
            case FULL -> Applied.NOT_ADMITTED;
        };
    }

    /** 10 ms doubling up to 200 ms, with jitter so that racing deliveries do not wake together; returns the ms. */
    private static long pause(int n) {
        long ms = Math.min(200L, 10L << Math.min(n, 5)) + ThreadLocalRandom.current().nextLong(10);
        try {
            Thread.sleep(ms);
            return ms;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while waiting for a place under spec.filter.limit");
        }
    }

    private static Map<String, Map<String, Object>> values(List<StoredInput> live) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        live.forEach(s -> m.put(s.id(), s.values()));
        return m;
    }
}
