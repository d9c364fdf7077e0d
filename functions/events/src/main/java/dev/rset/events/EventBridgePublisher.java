package dev.rset.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes to an EventBridge bus with PutEvents, at most 10 entries per call (the API's limit).
 * PutEvents can accept a call yet fail single entries (throttling, internal errors); those
 * entries are sent again, with a growing pause, up to {@code attempts} times.
 */
public final class EventBridgePublisher implements EventPublisher {
    static final int MAX_ENTRIES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventBridgeClient client;
    private final String busName;
    private final String source;
    private final int attempts;
    private final Duration backoff;

    /** {@code source} is the publishing function's, one of {@link EventSources}. */
    public EventBridgePublisher(EventBridgeClient client, String busName, String source, int attempts,
            Duration backoff) {
        this.client = client;
        this.busName = busName;
        this.source = source;
        this.attempts = attempts;
        this.backoff = backoff;
    }

    @Override
    public void inputsChanged(List<InputsChanged> events) {
        publish(events.stream().map(this::entry).toList());
    }

    @Override
    public void reconcileRequested(List<ReconcileRequested> events) {
        publish(events.stream().map(this::entry).toList());
    }

    private PutEventsRequestEntry entry(ControlPlaneEvent event) {
        try {
            return PutEventsRequestEntry.builder().eventBusName(busName).source(source)
                    .detailType(event.detailType()).detail(JSON.writeValueAsString(EventCodec.detail(event))).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event detail is plain data", e);
        }
    }

    // Package-private: tests send entries the bus refuses, to see only those retried.
    void publish(List<PutEventsRequestEntry> entries) {
        for (int from = 0; from < entries.size(); from += MAX_ENTRIES) {
            sendBatch(entries.subList(from, Math.min(entries.size(), from + MAX_ENTRIES)));
        }
    }

    private void sendBatch(List<PutEventsRequestEntry> batch) {
        List<PutEventsRequestEntry> pending = batch;
        String lastError = "";
        for (int attempt = 1; attempt <= attempts && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause(backoff.multipliedBy(1L << (attempt - 2)));
            }
            PutEventsResponse resp = client.putEvents(PutEventsRequest.builder().entries(pending).build());
            if (resp.failedEntryCount() == null || resp.failedEntryCount() == 0) {
                return;
            }
            // Results come back in request order; an entry with an error code was not accepted.
            List<PutEventsRequestEntry> failed = new ArrayList<>();
            for (int i = 0; i < resp.entries().size(); i++) {
                PutEventsResultEntry r = resp.entries().get(i);
                if (r.errorCode() != null) {
                    failed.add(pending.get(i));
                    lastError = r.errorCode() + ": " + r.errorMessage();
                }
            }
            pending = failed;
        }
        if (!pending.isEmpty()) {
            throw new PublishException(pending.size() + " event(s) not accepted by bus " + busName + " after "
                    + attempts + " attempts: " + lastError);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted while retrying PutEvents");
        }
    }
}
