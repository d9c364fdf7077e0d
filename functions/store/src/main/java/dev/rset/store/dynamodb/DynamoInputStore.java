package dev.rset.store.dynamodb;

import static dev.rset.store.InputArguments.requireId;
import static dev.rset.store.InputArguments.requireLimit;

import dev.rset.store.ConflictException;
import dev.rset.store.InputStore;
import dev.rset.store.Ordering;
import dev.rset.store.ProviderId;
import dev.rset.store.Removal;
import dev.rset.store.StoredInput;
import dev.rset.store.TooLargeException;
import dev.rset.store.WriteOutcome;
import dev.rset.store.dynamodb.InputItems.Written;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

import static dev.rset.store.dynamodb.TableDesign.SK;

/**
 * Exported inputs: one item per (provider, input id) at a key that never changes, live or
 * tombstone, so that each input write is one conditional request that sees the id's last
 * ordering (two webhooks racing on one pull request converge on the newer event; a tombstone stops
 * a late "opened"). Beside them, the provider's {@link LiveSet} names the live ids: listing reads
 * that item and then exactly the live inputs, never the tombstones of closed requests, and the
 * limit is a condition on its size. Updating a live input touches its item only; an input that
 * becomes live reserves its slot first, one that stops being live releases it after.
 */
public final class DynamoInputStore implements InputStore {
    /** {@link #put(ProviderId, String, Map, Ordering)} has no limit: a full poll applied it already. */
    /** Races a single write may lose before it gives up; each lost race means another writer got through. */
    private static final int ATTEMPTS = 5;
    /**
     * An input's JSON that still fits one item (400 KB with its key, ordering and slot); past it
     * DynamoDB refuses the write with a ValidationException on every retry.
     */
    static final int MAX_INPUT_BYTES = 350 * 1024;
    /** Waits for another delivery writing the same new input: 5 ms doubling, about 0.3 s in all. */
    private static final int MAX_WAITS = 6;

    private final InputItems items;
    private final LiveSet liveSet;

    public DynamoInputStore(DynamoDbClient db, DynamoConfig config, Clock clock) {
        this.items = new InputItems(db, config, clock);
        this.liveSet = new LiveSet(db, config, clock);
    }

    @Override
    public List<StoredInput> list(ProviderId provider) {
        Optional<Map<String, String>> slots = liveSet.read(provider);
        // Without a live set (nothing was written since it was introduced) the partition is the only source.
        List<Map<String, AttributeValue>> found = slots.isPresent() ? items.read(provider, slots.get().keySet())
                : items.partition(provider);
        return found.stream().filter(InputItems::live).map(item -> InputItems.toInput(provider, item))
                .sorted(Comparator.comparing(StoredInput::id)).toList();
    }

    @Override
    public Optional<StoredInput> get(ProviderId provider, String inputId) {
        requireId(inputId);
        Map<String, AttributeValue> item = items.read(provider, inputId);
        return InputItems.live(item) ? Optional.of(InputItems.toInput(provider, item)) : Optional.empty();
    }

    @Override
    public WriteOutcome put(ProviderId provider, String inputId, Map<String, Object> input, Ordering ordering,
            int limit) {
        return put(provider, inputId, input, ordering, limit, false);
    }

    /** Reserves the place first: an opened request's input costs two writes, not three. */
    @Override
    public WriteOutcome putNew(ProviderId provider, String inputId, Map<String, Object> input, Ordering ordering,
            int limit) {
        return put(provider, inputId, input, ordering, limit, true);
    }

    private WriteOutcome put(ProviderId provider, String inputId, Map<String, Object> input, Ordering ordering,
            int limit, boolean likelyNew) {
        requireId(inputId);
        requireLimit(limit);
        String json = Json.write(input);
        int size = json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > MAX_INPUT_BYTES) {
            throw new TooLargeException("input " + inputId + " of provider " + provider + " is " + size
                    + " bytes as JSON, the limit is " + MAX_INPUT_BYTES);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0 || !likelyNew) {
                Written update = items.update(provider, inputId, json, ordering);
                if (update.ok()) {
                    return outcome(update.old(), json);
                }
                if (InputItems.holds(update.old(), ordering)) {
                    return InputItems.refusal(update.old(), ordering);
                }
            }
            LiveSet.Reservation slot = slot(provider, inputId, limit);
            if (slot instanceof LiveSet.Full) {
                return WriteOutcome.FULL;
            }
            if (slot instanceof LiveSet.Reserved reserved) {
                Written create = items.create(provider, inputId, json, ordering, reserved.token());
                if (create.ok()) {
                    return outcome(create.old(), json);
                }
                settleLostSlot(provider, inputId, reserved.token());
                return InputItems.holds(create.old(), ordering) ? InputItems.refusal(create.old(), ordering)
                        : WriteOutcome.STALE;
            }
            // Taken by a live input: another writer made it live since the update; update it now.
        }
        throw conflict(provider, inputId);
    }

    @Override
    public WriteOutcome remove(ProviderId provider, String inputId, Ordering ordering) {
        return remove(provider, inputId, ordering, NO_LIMIT).outcome();
    }

    /**
     * The tombstone, then the slot's release, which reads the live set's size before it as it
     * writes: the limit is answered with no further request. Only when no slot of the input's
     * was released (written before live sets, or taken over meanwhile) is the set listed.
     */
    @Override
    public Removal remove(ProviderId provider, String inputId, Ordering ordering, int limit) {
        requireId(inputId);
        Written w = items.tombstone(provider, inputId, ordering, InputItems.NEWER);
        if (!w.ok()) {
            return new Removal(InputItems.refusal(w.old(), ordering), false);
        }
        if (!InputItems.live(w.old())) {
            // The tombstone is written even when nothing was live: it still guards against a late "opened".
            return new Removal(WriteOutcome.UNCHANGED, false);
        }
        String token = Attr.str(w.old(), InputItems.SLOT);
        OptionalInt before = token == null ? OptionalInt.empty() : liveSet.releaseCounting(provider, inputId, token);
        boolean atLimit = limit != NO_LIMIT && (before.isPresent() ? before.getAsInt() >= limit
                : list(provider).size() + 1 >= limit);
        return new Removal(WriteOutcome.WRITTEN, atLimit);
    }

    @Override
    public WriteOutcome evict(StoredInput listed, String successor) {
        requireId(listed.id());
        Written w = items.tombstone(listed.provider(), listed.id(), listed.ordering(), InputItems.SAME_LIVE);
        if (!w.ok()) {
            return WriteOutcome.STALE;
        }
        String token = Attr.str(w.old(), InputItems.SLOT);
        // The slot is moved only after the tombstone, so that a live input never goes without one.
        if (successor == null || token == null || !liveSet.handOver(listed.provider(), listed.id(), token, successor)) {
            releaseSlotOf(listed.provider(), listed.id(), w.old());
        }
        return WriteOutcome.WRITTEN;
    }

    @Override
    public Map<String, WriteOutcome> replaceAll(ProviderId provider, Map<String, Map<String, Object>> inputs,
            Ordering ordering) {
        Map<String, WriteOutcome> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> e : inputs.entrySet()) {
            out.put(e.getKey(), put(provider, e.getKey(), e.getValue(), ordering));
        }
        for (StoredInput live : list(provider)) {
            if (!inputs.containsKey(live.id())) {
                out.put(live.id(), remove(provider, live.id(), ordering));
            }
        }
        return out;
    }

    /** A slot for an input that is not live: Reserved, Taken (it is live now), or Full. */
    private LiveSet.Reservation slot(ProviderId provider, String inputId, int limit) {
        int waits = 0;
        for (int attempt = 0; attempt < ATTEMPTS + MAX_WAITS; attempt++) {
            LiveSet.Reservation r = liveSet.reserve(provider, inputId, limit);
            if (r instanceof LiveSet.Missing) {
                buildLiveSet(provider);
            } else if (r instanceof LiveSet.Taken taken) {
                if (InputItems.live(items.read(provider, inputId))) {
                    return taken;
                }
                if (liveSet.claimable(taken.token())) {
                    Optional<String> moved = liveSet.takeOver(provider, inputId, taken.token());
                    if (moved.isPresent()) {
                        return new LiveSet.Reserved(moved.get());
                    }
                } else if (waits < MAX_WAITS) {
                    // Another delivery reserved it a moment ago and is writing the input: only the
                    // holder of a fresh slot may write, so wait for it to finish (or give it back).
                    pause(waits++);
                } else {
                    break;
                }
            } else if (r instanceof LiveSet.Full full) {
                if (freeAbandoned(provider, full.slots()) == 0) {
                    return full;
                }
            } else {
                return r;
            }
        }
        throw conflict(provider, inputId);
    }

    /**
     * A newer write (a tombstone) beat ours after we reserved the id's slot. Nobody else may write
     * with a fresh slot, so the input is not live and the slot is ours to give back; if it is live
     * after all (written before live sets), it keeps the slot.
     */
    private void settleLostSlot(ProviderId provider, String inputId, String token) {
        if (!InputItems.live(items.read(provider, inputId))) {
            liveSet.release(provider, inputId, token);
        }
    }

    private static void pause(int waits) {
        try {
            Thread.sleep(5L << waits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("interrupted while another delivery wrote the same input");
        }
    }

    /** Releases the slots that were abandoned (see {@link LiveSet#ABANDONED}); returns how many. */
    private int freeAbandoned(ProviderId provider, Map<String, String> slots) {
        Map<String, String> old = new LinkedHashMap<>();
        slots.forEach((id, token) -> {
            if (liveSet.abandoned(token)) {
                old.put(id, token);
            }
        });
        if (old.isEmpty()) {
            return 0;
        }
        Set<String> live = new HashSet<>();
        items.read(provider, old.keySet()).stream().filter(InputItems::live).forEach(i -> live.add(Attr.str(i, SK)));
        int freed = 0;
        for (Map.Entry<String, String> e : old.entrySet()) {
            // Conditional on the token: a writer that took the slot over since the read keeps it.
            if (!live.contains(e.getKey()) && liveSet.release(provider, e.getKey(), e.getValue())) {
                freed++;
            }
        }
        return freed;
    }

    /** The first write of a provider since live sets exist: one read of its partition, tombstones included. */
    private void buildLiveSet(ProviderId provider) {
        Map<String, String> slots = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : items.partition(provider)) {
            if (InputItems.live(item)) {
                String token = Attr.str(item, InputItems.SLOT);
                slots.put(Attr.str(item, SK), token != null ? token : liveSet.legacyToken());
            }
        }
        liveSet.create(provider, slots);
    }

    /** After an input stopped being live. Without a token (written before live sets) its slot is freed as abandoned. */
    private void releaseSlotOf(ProviderId provider, String inputId, Map<String, AttributeValue> old) {
        String token = InputItems.live(old) ? Attr.str(old, InputItems.SLOT) : null;
        if (token != null) {
            liveSet.release(provider, inputId, token);
        }
    }

    private static WriteOutcome outcome(Map<String, AttributeValue> old, String json) {
        boolean sameLive = InputItems.live(old) && json.equals(Attr.str(old, InputItems.VALUE));
        return sameLive ? WriteOutcome.UNCHANGED : WriteOutcome.WRITTEN;
    }

    private static ConflictException conflict(ProviderId provider, String inputId) {
        return new ConflictException("input " + inputId + " of provider " + provider + " kept changing under "
                + ATTEMPTS + " attempts to write it; retry");
    }


    /** The items first, then the live set: a reader in between finds slots whose inputs are gone, and skips them. */
    @Override
    public void forget(ProviderId provider) {
        items.deletePartition(provider);
        liveSet.delete(provider);
    }
}
