package dev.rset.events;

import java.util.List;

/** The event bus, as the functions that announce changes use it. */
public interface EventPublisher {
    /** Publishes every event or throws {@link PublishException} naming what could not be sent. */
    void inputsChanged(List<InputsChanged> events);

    void reconcileRequested(List<ReconcileRequested> events);
}
