package dev.rset.webhook.events;

import java.util.List;

/** The event bus, as the webhook function uses it. */
public interface EventPublisher {
    /** Publishes every event or throws {@link PublishException} naming what could not be sent. */
    void inputsChanged(List<InputsChanged> events);

    void reconcileRequested(List<ReconcileRequested> events);
}
