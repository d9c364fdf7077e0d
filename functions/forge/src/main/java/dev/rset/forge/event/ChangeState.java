package dev.rset.forge.event;

/** Whether a change request is still listed by the forge as open after the event. */
public enum ChangeState {
    OPEN,
    /** Closed, merged, abandoned or locked: the forge no longer lists it among open requests. */
    CLOSED
}
