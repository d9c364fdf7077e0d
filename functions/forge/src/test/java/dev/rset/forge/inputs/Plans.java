package dev.rset.forge.inputs;

import dev.rset.forge.hook.ReceiverType;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.event.EventParser;
import dev.rset.forge.event.ParsedDelivery;
import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.Headers;
import dev.rset.forge.hook.Verifier;
import dev.rset.forge.testing.SignedRequest;
import java.time.Instant;

/** Verify, parse and plan one signed request, as the handler does. */
final class Plans {
    static final String TOKEN = "t0ken";

    private Plans() {
    }

    static ParsedDelivery parse(ReceiverType type, SignedRequest r) {
        Delivery d = new Delivery(Headers.of(r.headers()), r.body(), Instant.parse("2026-11-24T12:00:00Z"));
        Verifier.verify(type, TOKEN, d);
        return EventParser.parse(type, d);
    }

    static ProviderPlan plan(ReceiverType type, ResourceSetInputProvider p, SignedRequest r) {
        return ChangeMapper.plan(type, p, parse(type, r).event());
    }
}
