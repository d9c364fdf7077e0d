package dev.rset.forge.event;

/** A generic receiver's call: no payload to read, it asks for the named providers to be polled. */
public record GenericEvent() implements ForgeEvent {
}
