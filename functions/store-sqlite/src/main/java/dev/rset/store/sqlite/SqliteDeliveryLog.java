package dev.rset.store.sqlite;

import dev.rset.store.DeliveryLog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;

/** Delivery ids with an expiry; a record past it counts as unseen (expired on read, as in DynamoDB). */
public final class SqliteDeliveryLog implements DeliveryLog {
    private final SqliteDatabase db;
    private final Clock clock;

    public SqliteDeliveryLog(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(String receiverKey, String deliveryId, Duration ttl) {
        if (deliveryId == null || deliveryId.isEmpty()) {
            throw new IllegalArgumentException("delivery id must not be empty");
        }
        long now = clock.instant().getEpochSecond();
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT expires FROM deliveries WHERE receiver = ? AND id = ?")) {
                ps.setString(1, receiverKey);
                ps.setString(2, deliveryId);
                try (ResultSet r = ps.executeQuery()) {
                    if (r.next() && r.getLong("expires") > now) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO deliveries (receiver, id, expires) VALUES (?, ?, ?)")) {
                ps.setString(1, receiverKey);
                ps.setString(2, deliveryId);
                ps.setLong(3, now + ttl.toSeconds());
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public void forget(String receiverKey, String deliveryId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM deliveries WHERE receiver = ? AND id = ?")) {
                ps.setString(1, receiverKey);
                ps.setString(2, deliveryId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
