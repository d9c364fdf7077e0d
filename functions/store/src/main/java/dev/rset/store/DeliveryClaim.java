package dev.rset.store;

import java.util.List;

/** What {@link DeliveryLog#claim} found. */
public sealed interface DeliveryClaim {
    /** The delivery is this caller's to process until the lease ends; {@code token} tells this claim from a later one. */
    record Claimed(String receiverKey, List<String> keys, String token) implements DeliveryClaim {
        public Claimed {
            keys = List.copyOf(keys);
        }
    }

    /** A delivery with one of these keys was processed: answer it as a duplicate. */
    record Done() implements DeliveryClaim {
    }

    /** Another attempt holds the claim and its lease has not ended: the forge should retry later. */
    record Busy() implements DeliveryClaim {
    }
}
