package dev.rset.forge.event;

/** A forge checking that the endpoint answers; it changes nothing. */
public record PingEvent() implements ForgeEvent {
}
