package dev.rset.store.dynamodb;

import dev.rset.store.ProviderId;
import dev.rset.store.TooLargeException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.security.SecureRandom;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;

/**
 * A provider's live set: one item ({@code LIVESET#<ns>#<provider>}, SK {@code LIVE}) whose map
 * {@code ids} has one slot per input id that is live or about to be, valued by a token unique to
 * the reservation ({@code <epoch ms, base 36>-<random hex>}). It answers, with one item, the two
 * questions that used to need a query over the provider's whole partition, tombstones included:
 * which ids are live, and is there room under {@code spec.filter.limit}.
 *
 * <p>Invariant: every live input has a slot. A slot is reserved before an input becomes live (the
 * input item keeps the token) and released only after the input stopped being live, on the
 * condition that it still holds that input's token. So the slot count never undercounts, and a
 * reservation conditional on {@code size(ids) < limit} keeps the provider within its limit, with
 * no transaction: every step is a single-item conditional write. Only the holder of a fresh slot
 * writes its input; a slot is taken over only when handed over by an eviction or abandoned (a
 * writer that died between its two writes leaves an extra slot, freed once it is older than any
 * request can run).
 */
final class LiveSet {
    private static final String IDS = "ids";
    /** Suffix of a slot handed over by an eviction to the input that displaced the evicted one. */
    private static final String HANDED = "-h";
    /**
     * No request runs this long (the functions time out after 30 s): a slot this old whose input is
     * not live is nobody's reservation in progress.
     */
    static final Duration ABANDONED = Duration.ofMinutes(5);
    /**
     * Not ThreadLocalRandom: a SnapStart restore resumes every copy of the function with the same
     * seeded state, so their tokens would repeat; SecureRandom is reseeded on restore.
     */
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a reservation found. */
    sealed interface Reservation {
    }

    /** A new slot, holding {@code token}. */
    record Reserved(String token) implements Reservation {
    }

    /** The id already has a slot: the input is live, or another writer is making it live. */
    record Taken(String token) implements Reservation {
    }

    /** No room: the provider's slots (id to token) have reached the limit. */
    record Full(Map<String, String> slots) implements Reservation {
    }

    /** The provider has no live set yet: build it from its partition, then reserve again. */
    record Missing() implements Reservation {
    }

    private final DynamoDbClient db;
    private final DynamoConfig config;
    private final Clock clock;

    LiveSet(DynamoDbClient db, DynamoConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    /** The slots (id to token), or empty when the provider has no live set yet; a consistent read. */
    Optional<Map<String, String>> read(ProviderId provider) {
        Map<String, AttributeValue> item = db.getItem(GetItemRequest.builder().tableName(config.tableName())
                .key(key(provider)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(slots(item));
    }

    /** Deletes the provider's live set; a missing one is not an error. */
    void delete(ProviderId provider) {
        db.deleteItem(b -> b.tableName(config.tableName()).key(key(provider)));
    }

    /** A new slot for {@code inputId} if it has none and fewer than {@code limit} ids have one. */
    Reservation reserve(ProviderId provider, String inputId, int limit) {
        String token = newToken();
        try {
            db.updateItem(setSlot(provider, inputId)
                    .conditionExpression(
                            "attribute_exists(#ids) AND attribute_not_exists(#ids.#id) AND size(#ids) < :limit")
                    .expressionAttributeValues(Map.of(":token", s(token), ":limit", n(limit)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build());
            return new Reserved(token);
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                return new Missing();
            }
            Map<String, String> slots = slots(e.item());
            String held = slots.get(inputId);
            return held != null ? new Taken(held) : new Full(slots);
        } catch (DynamoDbException e) {
            throw tooLarge(provider, e);
        }
    }

    /** DynamoDB refuses an item over 400 KB: name the provider and what to change, rather than a bare 400. */
    private static RuntimeException tooLarge(ProviderId provider, DynamoDbException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (message == null || !message.toLowerCase(Locale.ROOT).contains("item size")) {
            return e;
        }
        TooLargeException t = new TooLargeException("the live set of provider " + provider + " would exceed "
                + "DynamoDB's 400 KB item limit (one slot per live input id): lower spec.filter.limit or use "
                + "shorter input ids");
        t.initCause(e);
        return t;
    }

    /**
     * Moves the id's slot to a new token, if it still holds {@code token} (see {@link #claimable}).
     * The old holder's release then no longer matches, which is what keeps a live input's slot.
     */
    Optional<String> takeOver(ProviderId provider, String inputId, String token) {
        String next = newToken();
        try {
            db.updateItem(setSlot(provider, inputId).conditionExpression("#ids.#id = :old")
                    .expressionAttributeValues(Map.of(":token", s(next), ":old", s(token))).build());
            return Optional.of(next);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Moves the slot of {@code inputId} (if it still holds {@code token}) to {@code successor}, as
     * a slot with a fresh token, unless the successor has one already: the number of slots is
     * unchanged, so the place cannot go to anyone else. False when nothing was moved.
     */
    boolean handOver(ProviderId provider, String inputId, String token, String successor) {
        try {
            db.updateItem(UpdateItemRequest.builder().tableName(config.tableName()).key(key(provider))
                    .updateExpression("REMOVE #ids.#id SET #ids.#next = :next")
                    .conditionExpression("#ids.#id = :token AND attribute_not_exists(#ids.#next)")
                    .expressionAttributeNames(Map.of("#ids", IDS, "#id", inputId, "#next", successor))
                    .expressionAttributeValues(Map.of(":token", s(token), ":next", s(newToken() + HANDED))).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Frees the id's slot if it still holds {@code token}; false when it moved on (nothing written). */
    boolean release(ProviderId provider, String inputId, String token) {
        return releaseCounting(provider, inputId, token).isPresent();
    }

    /**
     * {@link #release}, answering how many slots the set had just before (the same request returns
     * the item as it was); empty when the slot moved on and nothing was written.
     */
    OptionalInt releaseCounting(ProviderId provider, String inputId, String token) {
        try {
            Map<String, AttributeValue> old = db.updateItem(UpdateItemRequest.builder().tableName(config.tableName())
                    .key(key(provider)).updateExpression("REMOVE #ids.#id").conditionExpression("#ids.#id = :token")
                    .expressionAttributeNames(Map.of("#ids", IDS, "#id", inputId))
                    .expressionAttributeValues(Map.of(":token", s(token)))
                    .returnValues(ReturnValue.ALL_OLD).build()).attributes();
            return OptionalInt.of(old == null ? 0 : slots(old).size());
        } catch (ConditionalCheckFailedException e) {
            return OptionalInt.empty();
        }
    }

    /** Creates the live set with {@code slots} unless it exists (a concurrent writer built it first). */
    void create(ProviderId provider, Map<String, String> slots) {
        Map<String, AttributeValue> ids = new HashMap<>();
        slots.forEach((id, token) -> ids.put(id, s(token)));
        Map<String, AttributeValue> item = new HashMap<>(key(provider));
        item.put(IDS, AttributeValue.fromM(ids));
        try {
            db.putItem(PutItemRequest.builder().tableName(config.tableName()).item(item)
                    .conditionExpression("attribute_not_exists(PK)").build());
        } catch (ConditionalCheckFailedException builtByAnother) {
            // As good as ours: no input becomes live before a live set exists to reserve in, so
            // theirs holds every live id too (and any extra slot is freed as a stale one).
        }
    }

    /**
     * A token unique to one reservation of an id: the time (which tells a slot's age) and 32 random
     * bits, in base 36 and hex to keep the live set small (it holds one per live input).
     */
    String newToken() {
        return Long.toString(clock.millis(), 36) + "-" + Integer.toHexString(RANDOM.nextInt());
    }

    /**
     * The token of a slot built for an input written before live sets, which holds no token: dated
     * at the epoch, so that the slot counts while the input is live and is free as soon as it is not.
     */
    String legacyToken() {
        return "0-" + Integer.toHexString(RANDOM.nextInt());
    }

    /** Older than any request can run: if its input is not live, its writer died between its two writes. */
    boolean abandoned(String token) {
        return reservedAt(token).isBefore(clock.instant().minus(ABANDONED));
    }

    /**
     * Whether a writer of the id may take over a slot whose input is not live: one handed over by
     * an eviction (nobody writes with it yet) or an abandoned one. A fresh reservation is not: its
     * holder may still write the input, and two writers holding slots for one id could let a
     * removal free the slot of the input that ends up live.
     */
    boolean claimable(String token) {
        return token.endsWith(HANDED) || abandoned(token);
    }

    static Instant reservedAt(String token) {
        int dash = token.indexOf('-');
        try {
            return Instant.ofEpochMilli(Long.parseLong(dash < 0 ? token : token.substring(0, dash), 36));
        } catch (NumberFormatException e) {
            return Instant.EPOCH; // not written by this class: treat as old
        }
    }

    private UpdateItemRequest.Builder setSlot(ProviderId provider, String inputId) {
        return UpdateItemRequest.builder().tableName(config.tableName()).key(key(provider))
                .updateExpression("SET #ids.#id = :token")
                .expressionAttributeNames(Map.of("#ids", IDS, "#id", inputId));
    }

    private static Map<String, String> slots(Map<String, AttributeValue> item) {
        Map<String, String> out = new LinkedHashMap<>();
        AttributeValue ids = item.get(IDS);
        if (ids != null && ids.hasM()) {
            ids.m().forEach((id, token) -> out.put(id, token.s()));
        }
        return out;
    }

    private static Map<String, AttributeValue> key(ProviderId provider) {
        return Attr.key(TableDesign.liveSetPk(provider), TableDesign.SK_LIVE_SET);
    }
}
