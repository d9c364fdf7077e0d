package dev.rset.store.dynamodb;

import dev.rset.store.InventoryKey;
import dev.rset.store.ObjectKey;
import dev.rset.store.ProviderId;

import java.util.zip.CRC32;
import java.nio.charset.StandardCharsets;

/**
 * The single-table key design (see {@code infra/README.md}): attribute names, key formats and
 * the shard function of the due wheel. Everything that builds a key goes through here.
 */
final class TableDesign {
    static final String PK = "PK";
    static final String SK = "SK";
    static final String GSI1PK = "GSI1PK";
    static final String GSI1SK = "GSI1SK";
    static final String TTL = "ttl";

    static final String BY_KIND_INDEX = "byKind";

    static final String SK_DEFINITION = "DEF";
    static final String SK_SCHEDULE = "SCHED";
    static final String SK_STATUS = "STATUS";
    static final String SK_INVENTORY_POINTER = "INV#";
    static final String SK_INVENTORY_CHUNK = "INVCHUNK#";
    static final String SK_LIVE_SET = "LIVE";
    static final String SK_CLUSTER_STATUS_PREFIX = "STATUS#";
    static final String SK_PAIR_RUN = "RUN#";

    private TableDesign() {
    }

    /** The partition of everything about one object: definition, schedule, status, inventory. */
    static String objectPk(ObjectKey key) {
        return "OBJ#" + key.kind().kind() + "#" + key.namespace() + "#" + key.name();
    }

    static String kindPk(dev.rset.store.Kind kind) {
        return "KIND#" + kind.kind();
    }

    /** Sorts by namespace then name; a namespace prefix query uses {@code namespace + "#"}. */
    static String kindSk(ObjectKey key) {
        return key.namespace() + "#" + key.name();
    }

    static String inputsPk(ProviderId provider) {
        return "INPUTS#" + provider.namespace() + "#" + provider.name();
    }

    /** A partition of its own, so that no input id (free text for some providers) can collide with it. */
    static String liveSetPk(ProviderId provider) {
        return "LIVESET#" + provider.namespace() + "#" + provider.name();
    }

    /** A stable shard per object, so one object's entries never move between shards. */
    static int shardOf(ObjectKey key, int shards) {
        CRC32 crc = new CRC32();
        crc.update(objectPk(key).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    /** The pointer of one inventory: {@code INV#<cluster>#<uid>}, so one query lists a ResourceSet's inventories. */
    static String inventoryPointerSk(InventoryKey key) {
        return SK_INVENTORY_POINTER + key.cluster() + "#" + key.uid();
    }

    /** One per (ResourceSet, cluster) pair, in the ResourceSet's partition; the cluster may be empty. */
    static String pairRunSk(String cluster) {
        return SK_PAIR_RUN + cluster;
    }

    static String inventoryChunkSk(InventoryKey key, String revision, int chunk) {
        return inventoryChunkPrefix(key, revision) + String.format("%05d", chunk);
    }

    static String inventoryChunkPrefix(InventoryKey key, String revision) {
        return SK_INVENTORY_CHUNK + key.cluster() + "#" + key.uid() + "#" + revision + "#";
    }

    /** Reverses {@link #inventoryPointerSk}. */
    static InventoryKey inventoryKeyOf(ObjectKey owner, String pointerSk) {
        String[] parts = pointerSk.substring(SK_INVENTORY_POINTER.length()).split("#", -1);
        if (parts.length != 2) {
            throw new IllegalStateException("not an inventory pointer: " + pointerSk);
        }
        return new InventoryKey(owner, parts[1], parts[0]);
    }

    /** The status of one (object, cluster) pair: {@code STATUS#<cluster>}, beside the object's own {@code STATUS}. */
    static String clusterStatusSk(String cluster) {
        return SK_CLUSTER_STATUS_PREFIX + cluster;
    }
}
