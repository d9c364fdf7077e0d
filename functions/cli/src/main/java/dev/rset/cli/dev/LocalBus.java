package dev.rset.cli.dev;

import dev.rset.dispatcher.Dispatcher;
import dev.rset.events.ControlPlaneEvent;
import dev.rset.events.EventCodec;
import dev.rset.events.EventPublisher;
import dev.rset.events.InputsChanged;
import dev.rset.events.ReconcileRequested;
import java.util.List;
import java.util.UUID;

/**
 * The event bus of {@code rset dev}: what the webhook and the API publish goes, in the same
 * process and with the same event shapes, to the dispatcher that the stack's rules invoke.
 */
final class LocalBus implements EventPublisher {
    private final Dispatcher dispatcher;
    private final String source;

    LocalBus(Dispatcher dispatcher, String source) {
        this.dispatcher = dispatcher;
        this.source = source;
    }

    /** The same bus, as seen from another publisher (each function announces with its own source). */
    LocalBus from(String otherSource) {
        return new LocalBus(dispatcher, otherSource);
    }

    @Override
    public void inputsChanged(List<InputsChanged> events) {
        events.forEach(this::deliver);
    }

    @Override
    public void reconcileRequested(List<ReconcileRequested> events) {
        events.forEach(this::deliver);
    }

    private void deliver(ControlPlaneEvent event) {
        try (dev.rset.ops.Invocation dispatch = dev.rset.ops.Invocation.start("dispatcher", null)) {
            dispatcher.dispatch(new EventCodec.Received(UUID.randomUUID().toString(), source, event));
        }
    }
}
