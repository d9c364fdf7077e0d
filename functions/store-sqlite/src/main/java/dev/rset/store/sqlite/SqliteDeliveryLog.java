package dev.rset.store.sqlite;

import dev.rset.store.DeliveryClaim;
import dev.rset.store.DeliveryLog;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * One row per key of a delivery: {@code state} ({@code claimed} or {@code done}), the claim's
 * {@code token}, and {@code expires} (epoch seconds: the lease's end while claimed, the end of
 * de-duplication once done). A row past it counts as absent (expired on read, as in DynamoDB); a
 * claim checks and writes every key in one write transaction.
 */
public final class SqliteDeliveryLog implements DeliveryLog {
    private static final String CLAIMED = "claimed";
    private static final String DONE = "done";
    /** As DynamoDB's sort key, so that both adapters take the same keys. */
    private static final int MAX_KEY_BYTES = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SqliteDatabase db;
    private final Clock clock;

    public SqliteDeliveryLog(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public DeliveryClaim claim(String receiverKey, List<String> keys, Duration lease) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a delivery needs at least one key");
        }
        for (String k : keys) {
            if (k == null || k.isEmpty() || k.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
                throw new IllegalArgumentException("a delivery key must have 1 to " + MAX_KEY_BYTES + " bytes");
            }
        }
        long now = clock.instant().getEpochSecond();
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        long until = now + Math.max(1, (lease.toMillis() + 999) / 1000);
        return db.write(c -> {
            boolean busy = false;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT state FROM deliveries WHERE receiver = ? AND id = ? AND expires > ?")) {
                for (String k : keys) {
                    ps.setString(1, receiverKey);
                    ps.setString(2, k);
                    ps.setLong(3, now);
                    try (ResultSet r = ps.executeQuery()) {
                        if (r.next()) {
                            if (DONE.equals(r.getString("state"))) {
                                return new DeliveryClaim.Done();
                            }
                            busy = true;
                        }
                    }
                }
            }
            if (busy) {
                return new DeliveryClaim.Busy();
            }
            for (String k : keys) {
                put(c, receiverKey, k, CLAIMED, token, until);
            }
            return new DeliveryClaim.Claimed(receiverKey, keys, token);
        });
    }

    @Override
    public void done(DeliveryClaim.Claimed claim, Duration ttl) {
        long until = clock.instant().plus(ttl).getEpochSecond();
        db.write(c -> {
            for (String k : claim.keys()) {
                put(c, claim.receiverKey(), k, DONE, claim.token(), until);
            }
            return null;
        });
    }

    @Override
    public void release(DeliveryClaim.Claimed claim) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM deliveries WHERE receiver = ? AND id = ? AND state = ? AND token = ?")) {
                for (String k : claim.keys()) {
                    ps.setString(1, claim.receiverKey());
                    ps.setString(2, k);
                    ps.setString(3, CLAIMED);
                    ps.setString(4, claim.token());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void put(java.sql.Connection c, String receiver, String key, String state, String token,
            long expires) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO deliveries (receiver, id, expires, state, token) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, receiver);
            ps.setString(2, key);
            ps.setLong(3, expires);
            ps.setString(4, state);
            ps.setString(5, token);
            ps.executeUpdate();
        }
    }
}
