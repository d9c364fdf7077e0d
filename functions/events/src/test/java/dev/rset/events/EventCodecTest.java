package dev.rset.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rset.events.testing.Bus;
import dev.rset.store.testing.MotoServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MotoServer.class)
class EventCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void whatThePublisherSendsATargetReadsBackUnchanged(MotoServer moto) {
        Bus bus = Bus.create(moto);
        EventPublisher publisher = new EventBridgePublisher(Bus.client(moto), bus.name(), EventSources.API, 3,
                Duration.ofMillis(1));
        InputsChanged changed = new InputsChanged("apps", "previews", List.of("app-prs", "app-tags"), "apps/github",
                "d-7");
        ReconcileRequested requested = new ReconcileRequested("ResourceSet", "apps", "podinfo", true, "api");
        publisher.inputsChanged(List.of(changed));
        publisher.reconcileRequested(List.of(requested));

        List<EventCodec.Received> received = bus.drain().stream().map(EventCodec::parse).toList();
        assertEquals(List.of(changed, requested), received.stream().map(EventCodec.Received::event).toList());
        assertEquals(List.of(EventSources.API, EventSources.API),
                received.stream().map(EventCodec.Received::source).toList());
        assertEquals(2, received.stream().map(EventCodec.Received::id).distinct().count(), "each has its own id");
    }

    @Test
    void anEnvelopeWithoutItsFieldsIsRefusedNamingTheField() throws Exception {
        JsonNode noName = JSON.readTree("{\"id\":\"e-1\",\"source\":\"rset.api\",\"detail-type\":\"ReconcileRequested\","
                + "\"detail\":{\"kind\":\"ResourceSet\",\"namespace\":\"apps\"}}");
        assertEquals("detail.name is missing or not a string",
                assertThrows(MalformedEventException.class, () -> EventCodec.parse(noName)).getMessage());
        JsonNode unknown = JSON.readTree("{\"id\":\"e-2\",\"source\":\"rset.api\",\"detail-type\":\"Other\","
                + "\"detail\":{}}");
        assertEquals("event e-2: unknown detail-type Other",
                assertThrows(MalformedEventException.class, () -> EventCodec.parse(unknown)).getMessage());
    }
}
