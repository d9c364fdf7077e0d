package dev.rset.forge.event;

/**
 * A verified delivery read: the forge's event name (for the receiver's {@code spec.events}),
 * its delivery id (for de-duplication; empty when the forge sends none) and the event.
 */
public record ParsedDelivery(String eventName, String deliveryId, ForgeEvent event) {
}
