package dev.rset.store.dynamodb;

import dev.rset.store.ObjectKey;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static dev.rset.store.dynamodb.Attr.n;
import static dev.rset.store.dynamodb.Attr.s;

/**
 * The due index as a timing wheel: one item per minute and shard ({@code DUEAT#<minute>},
 * {@code S#<shard>}) holding a string set of hints {@code <due ms, 20 digits>#<nonce>#<object PK>},
 * and one index item whose number set names the hours that may hold hints. The due query reads
 * that set, then the minutes of the hours up to now by key (BatchGetItem): its cost follows the
 * hours that hold due work, never the objects that are not due, and no Query runs. A hint is
 * written before the schedule item that points at it and removed after the item stops pointing
 * at it, so an object that is due always has a hint; a hint whose object moved on is stale, and
 * whoever meets it removes it.
 */
final class DueWheel {
    static final String ENTRIES = "due";
    static final String HOURS = "hours";
    /** An hour leaves the index only this long after it ended: a hint written late for it (clock skew) is still read. */
    static final Duration MARGIN = Duration.ofMinutes(5);
    /** Hours one due query reads at most, earliest first: a backlog (an outage) is worked off over several ticks. */
    static final int MAX_HOURS_PER_QUERY = 6;
    /** Wheel items outlive any hint they may hold: due objects are claimed within minutes. */
    private static final Duration ITEM_TTL = Duration.ofDays(30);
    private static final String INDEX_PK = "DUEHOURS";

    /** One hint read from the wheel. */
    record Hint(long minute, int shard, String entry, Instant dueAt, String objectPk) {
        /** What a claim presents: the minute, then the entry. */
        String token() {
            return minute + "|" + entry;
        }

        static Hint ofToken(String token) {
            int bar = token.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("not a due-wheel hint: " + token);
            }
            return parse(Long.parseLong(token.substring(0, bar)), -1, token.substring(bar + 1));
        }

        static Hint parse(long minute, int shard, String entry) {
            int first = entry.indexOf('#');
            int second = entry.indexOf('#', first + 1);
            return new Hint(minute, shard, entry, Instant.ofEpochMilli(Long.parseLong(entry.substring(0, first))),
                    entry.substring(second + 1));
        }
    }

    /** The hints of one read, how many wheel items it read and its requests. */
    record Read(List<Hint> hints, int itemsRead, int requests) {
    }

    private final DynamoDbClient db;
    private final DynamoConfig config;

    DueWheel(DynamoDbClient db, DynamoConfig config) {
        this.db = db;
        this.config = config;
    }

    static long minuteOf(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), 60_000L);
    }

    /** A new, unique hint for {@code key} due at {@code due}. */
    static String newEntry(Instant due, ObjectKey key) {
        return String.format("%020d", due.toEpochMilli()) + "#"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL) + "#"
                + TableDesign.objectPk(key);
    }

    int shardOf(ObjectKey key) {
        return TableDesign.shardOf(key, config.dueShards());
    }

    /** Names the hour in the index, then adds the hints to one wheel item. */
    void add(long minute, int shard, Set<String> entries) {
        addHours(List.of(minute / 60));
        addEntries(minute, shard, entries);
    }

    void addHours(java.util.Collection<Long> hours) {
        db.updateItem(UpdateItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(INDEX_PK, INDEX_PK))
                .updateExpression("ADD #hours :h")
                .expressionAttributeNames(Map.of("#hours", HOURS))
                .expressionAttributeValues(Map.of(":h",
                        AttributeValue.fromNs(hours.stream().map(h -> Long.toString(h)).distinct().toList())))
                .build());
    }

    void addEntries(long minute, int shard, Set<String> entries) {
        db.updateItem(UpdateItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(slotPk(minute), slotSk(shard)))
                .updateExpression("SET #ttl = if_not_exists(#ttl, :ttl) ADD #due :e")
                .expressionAttributeNames(Map.of("#ttl", TableDesign.TTL, "#due", ENTRIES))
                .expressionAttributeValues(Map.of(":ttl",
                        n(Instant.ofEpochSecond(minute * 60).plus(ITEM_TTL).getEpochSecond()),
                        ":e", AttributeValue.fromSs(List.copyOf(entries))))
                .build());
    }

    /** Removes one hint (best effort: a hint left behind is stale and is removed by the next reader). */
    void remove(long minute, int shard, String entry) {
        db.updateItem(UpdateItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(slotPk(minute), slotSk(shard)))
                .updateExpression("DELETE #due :e")
                .expressionAttributeNames(Map.of("#due", ENTRIES))
                .expressionAttributeValues(Map.of(":e", AttributeValue.fromSs(List.of(entry))))
                .build());
    }

    /**
     * The hints of the indexed hours up to {@code now} (at most {@link #MAX_HOURS_PER_QUERY}, earliest
     * first), every minute of them up to now's; an hour read empty that ended {@link #MARGIN} ago
     * leaves the index.
     */
    Read read(Instant now) {
        Map<String, AttributeValue> index = db.getItem(GetItemRequest.builder().tableName(config.tableName())
                .key(Attr.key(INDEX_PK, INDEX_PK)).consistentRead(true).build()).item();
        long nowMinute = minuteOf(now);
        List<Long> hours = new ArrayList<>();
        AttributeValue set = index == null ? null : index.get(HOURS);
        if (set != null && set.hasNs()) {
            set.ns().stream().map(Long::parseLong).filter(h -> h * 60 <= nowMinute).sorted()
                    .limit(MAX_HOURS_PER_QUERY).forEach(hours::add);
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (long hour : hours) {
            for (long m = hour * 60; m < hour * 60 + 60 && m <= nowMinute; m++) {
                for (int shard = 0; shard < config.dueShards(); shard++) {
                    keys.add(Attr.key(slotPk(m), slotSk(shard)));
                }
            }
        }
        List<Hint> hints = new ArrayList<>();
        Set<Long> nonEmptyHours = new java.util.HashSet<>();
        int requests = 1;
        for (int i = 0; i < keys.size(); i += 100) {
            Map<String, KeysAndAttributes> pending = Map.of(config.tableName(), KeysAndAttributes.builder()
                    .keys(keys.subList(i, Math.min(keys.size(), i + 100)))
                    .projectionExpression("PK, SK, #due").expressionAttributeNames(Map.of("#due", ENTRIES))
                    .consistentRead(true).build());
            while (!pending.isEmpty()) {
                BatchGetItemResponse r = db.batchGetItem(BatchGetItemRequest.builder().requestItems(pending).build());
                requests++;
                for (Map<String, AttributeValue> item : r.responses().getOrDefault(config.tableName(), List.of())) {
                    AttributeValue entries = item.get(ENTRIES);
                    if (entries == null || !entries.hasSs() || entries.ss().isEmpty()) {
                        continue;
                    }
                    long minute = Long.parseLong(Attr.str(item, TableDesign.PK).substring("DUEAT#".length()));
                    int shard = Integer.parseInt(Attr.str(item, TableDesign.SK).substring(2));
                    nonEmptyHours.add(minute / 60);
                    for (String entry : entries.ss()) {
                        hints.add(Hint.parse(minute, shard, entry));
                    }
                }
                pending = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
            }
        }
        long settled = minuteOf(now.minus(MARGIN));
        List<String> drained = hours.stream().filter(h -> !nonEmptyHours.contains(h) && h * 60 + 59 < settled)
                .map(h -> Long.toString(h)).toList();
        if (!drained.isEmpty()) {
            db.updateItem(UpdateItemRequest.builder().tableName(config.tableName())
                    .key(Attr.key(INDEX_PK, INDEX_PK))
                    .updateExpression("DELETE #hours :h")
                    .expressionAttributeNames(Map.of("#hours", HOURS))
                    .expressionAttributeValues(Map.of(":h", AttributeValue.fromNs(drained))).build());
            requests++;
        }
        return new Read(hints, keys.size(), requests);
    }

    static String slotPk(long minute) {
        return "DUEAT#" + minute;
    }

    static String slotSk(int shard) {
        return "S#" + shard;
    }
}
