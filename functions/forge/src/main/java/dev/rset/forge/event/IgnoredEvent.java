package dev.rset.forge.event;

/** A verified event that no input depends on (an issue comment, a review…), with why. */
public record IgnoredEvent(String reason) implements ForgeEvent {
}
