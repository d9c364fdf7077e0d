package dev.rset.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rset.store.testing.MotoServer;
import dev.rset.store.testing.TestTables;
import dev.rset.events.testing.Bus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

@ExtendWith(MotoServer.class)
class EventBridgePublisherTest {
    private Bus bus;
    private EventBridgePublisher publisher;
    private final List<Integer> calls = new ArrayList<>();

    @BeforeEach
    void setUp(MotoServer moto) {
        bus = Bus.create(moto);
        // Counts the PutEvents calls the SDK really makes, and the entries in each.
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution ctx, ExecutionAttributes attrs) {
                if (ctx.request() instanceof PutEventsRequest r) {
                    calls.add(r.entries().size());
                }
            }
        };
        EventBridgeClient client = EventBridgeClient.builder().region(Region.of(TestTables.REGION))
                .credentialsProvider(TestTables.CREDENTIALS).endpointOverride(moto.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build();
        publisher = new EventBridgePublisher(client, bus.name(), EventSources.WEBHOOK, 3, Duration.ofMillis(1));
    }

    @Test
    void batchesOfAtMostTenEntries() {
        List<InputsChanged> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(new InputsChanged("apps", "rset-" + i, List.of("prs"), "apps/github", "d-1"));
        }
        publisher.inputsChanged(events);
        assertEquals(List.of(10, 10, 5), calls);
        assertEquals(25, bus.drain().size());
    }

    @Test
    void onlyRefusedEntriesAreSentAgainThenTheFailureIsReported() {
        AtomicInteger n = new AtomicInteger();
        List<PutEventsRequestEntry> entries = new ArrayList<>();
        for (String detail : List.of("{\"n\":1}", "not json", "{\"n\":3}")) {
            entries.add(PutEventsRequestEntry.builder().eventBusName(bus.name()).source(EventSources.WEBHOOK)
                    .detailType(InputsChanged.DETAIL_TYPE).detail(detail).build());
            n.incrementAndGet();
        }
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(entries));
        assertEquals("1 event(s) not accepted by bus " + bus.name() + " after 3 attempts: MalformedDetail: "
                + "Detail is malformed.", e.getMessage());
        assertEquals(List.of(3, 1, 1), calls, "the accepted entries are not sent twice");
        assertEquals(2, bus.drain().size());
    }
}
