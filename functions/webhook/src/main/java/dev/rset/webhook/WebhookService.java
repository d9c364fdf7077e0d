package dev.rset.webhook;

import dev.rset.core.Sha256;
import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.Receiver;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.event.ChangeRequestEvent;
import dev.rset.forge.event.ChangeState;
import dev.rset.forge.event.EventLimits;
import dev.rset.forge.event.EventParser;
import dev.rset.forge.event.ForgeEvent;
import dev.rset.forge.event.GenericEvent;
import dev.rset.forge.event.IgnoredEvent;
import dev.rset.forge.event.ParsedDelivery;
import dev.rset.forge.event.PingEvent;
import dev.rset.forge.event.RefEvent;
import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.Receivers;
import dev.rset.forge.hook.Rejection;
import dev.rset.forge.hook.Verifier;
import dev.rset.forge.inputs.ChangeMapper;
import dev.rset.forge.inputs.InputChange;
import dev.rset.forge.inputs.ProviderPlan;
import dev.rset.store.DefinitionStore;
import dev.rset.store.Ordering;
import dev.rset.store.ScheduleStore;
import dev.rset.store.TooLargeException;
import dev.rset.events.EventPublisher;
import dev.rset.events.InputsChanged;
import dev.rset.events.ReconcileRequested;
import dev.rset.ops.Fields;
import dev.rset.ops.Invocation;
import dev.rset.webhook.delivery.MediaTypes;
import dev.rset.webhook.inputs.Applied;
import dev.rset.webhook.inputs.InputWriter;
import dev.rset.webhook.receivers.ReceiverDirectory;
import dev.rset.webhook.receivers.ResolvedReceiver;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One webhook delivery, start to end: check the request, find and verify the receiver, read the
 * event, write each input change as one conditional write, publish one InputsChanged per affected
 * ResourceSet. Every refusal happens before any write. A failure answers 503 so that the forge
 * retries.
 *
 * <p>A delivery needs no claim of its own: each write carries the delivery's {@link Ordering},
 * whose tie-break is the digest of the signed body, so the input item itself tells a delivery
 * (or a captured body replayed under a new delivery id) that was applied before: the store answers
 * {@code REPEATED} and writes nothing, and the event that attempt may not have sent is sent again
 * (a spare InputsChanged costs a reconcile that changes nothing; a missing one would leave an
 * environment behind). That keeps a delivery at one write per input (two when it enters or leaves
 * the provider's live set) plus one PutEvents, with no claim before and no mark after.
 *
 * <p>Answers give counts, never provider names or repository URLs (anyone reading the forge's
 * delivery log sees them); logs name receivers, events and delivery ids, never tokens, signatures
 * or payloads.
 */
public final class WebhookService {
    public static final long MAX_BODY = 1024 * 1024;
    /** Room for the forge's clock and ours to disagree before an event counts as older than the tombstones. */
    static final Duration CLOCK_SKEW = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(WebhookService.class.getName());
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private final ReceiverDirectory receivers;
    private final Definitions definitions;
    private final InputWriter writer;
    private final EventPublisher events;
    private final EarlyPolls polls;
    private final Duration tombstoneTtl;

    /**
     * {@code definitionsTtl}: how long providers and ResourceSets read from the store are reused;
     * {@code tombstoneTtl}: how long removed inputs are remembered; older change request events are
     * refused, since one could bring back a request closed since (a replayed {@code opened}).
     */
    public WebhookService(ReceiverDirectory receivers, DefinitionStore definitions, Clock clock,
            Duration definitionsTtl, InputWriter writer, EventPublisher events, ScheduleStore schedules,
            Duration tombstoneTtl) {
        this.receivers = receivers;
        this.definitions = new Definitions(definitions, clock, definitionsTtl);
        this.writer = writer;
        this.events = events;
        this.polls = new EarlyPolls(schedules);
        this.tombstoneTtl = tombstoneTtl;
    }

    public HookResponse handle(HookRequest req) {
        try {
            return process(req);
        } catch (Rejection r) {
            return HookResponse.of(r.status(), r.reason());
        } catch (RuntimeException e) {
            // Reading receivers or secrets failed before anything was written.
            LOG.log(Level.ERROR, "delivery not processed: {0}: {1}", e.getClass().getSimpleName(), e.getMessage());
            return HookResponse.of(503, "the delivery could not be processed now; retry it");
        } catch (VirtualMachineError e) {
            // Out of memory or stack: this request's allocations are gone by now; answer so the
            // forge retries instead of the runtime reporting an uncaught throw.
            LOG.log(Level.ERROR, "delivery not processed: {0}", e.getClass().getSimpleName());
            return HookResponse.of(503, "the delivery could not be processed now; retry it");
        }
    }

    private HookResponse process(HookRequest req) {
        if (!"POST".equalsIgnoreCase(req.method())) {
            throw new Rejection(405, "webhooks are delivered with POST, got " + req.method());
        }
        if (req.body().size() > MAX_BODY) {
            throw new Rejection(413, "payload of " + req.body().size() + " bytes exceeds the limit of " + MAX_BODY
                    + " bytes");
        }
        // A malformed digest is answered like an unknown one: the path is a secret, say nothing about it.
        ResolvedReceiver rr = DIGEST.matcher(req.digest()).matches() ? receivers.find(req.digest()).orElse(null)
                : null;
        if (rr == null) {
            throw new Rejection(404, "no receiver at this path");
        }
        Invocation.annotate("object", Fields.objectId(Receiver.KIND, rr.receiver().namespace(), rr.receiver().name()));
        Invocation.annotate("receiverType", rr.type().wire());
        MediaTypes.check(rr.type(), req.headers().mediaType());
        Delivery delivery = new Delivery(req.headers(), req.body().bytes(), req.receivedAt());
        try {
            Verifier.verify(rr.type(), rr.token(), delivery);
        } catch (Rejection r) {
            LOG.log(Level.WARNING, "Receiver {0}: refused delivery: {1}", rr.key(), r.reason());
            throw r;
        }
        ParsedDelivery parsed = EventParser.parse(rr.type(), MediaTypes.json(rr.type(), delivery));
        Invocation.annotate("deliveryId", parsed.deliveryId());
        Invocation.annotate("forgeEvent", parsed.eventName());
        EventLimits.check(parsed);
        return dispatch(rr, parsed, delivery);
    }

    private HookResponse dispatch(ResolvedReceiver rr, ParsedDelivery parsed, Delivery delivery) {
        ForgeEvent event = parsed.event();
        if (event instanceof PingEvent) {
            return HookResponse.of(200, "pong");
        }
        if (!Receivers.accepts(rr.receiver(), parsed.eventName())) {
            return HookResponse.of(202, "event " + parsed.eventName() + " is not in the receiver's spec.events: "
                    + "ignored");
        }
        if (event instanceof IgnoredEvent ignored) {
            return HookResponse.of(202, ignored.reason());
        }
        if (event instanceof ChangeRequestEvent cr
                && cr.eventTime().plus(tombstoneTtl).minus(CLOCK_SKEW).isBefore(delivery.receivedAt())) {
            throw new Rejection(422, parsed.eventName() + " event of " + cr.eventTime() + " is older than removed "
                    + "inputs are remembered (" + tombstoneTtl.toDays() + " days): not applied");
        }
        try {
            return apply(rr, parsed, delivery);
        } catch (TooLargeException e) {
            LOG.log(Level.WARNING, "Receiver {0}: delivery {1} refused: {2}", rr.key(), parsed.deliveryId(),
                    e.getMessage());
            return HookResponse.of(413, "an input of this event is too large to store");
        } catch (RuntimeException | VirtualMachineError e) {
            // What was written stays: the retry finds it as its own (REPEATED) and sends the event.
            LOG.log(Level.ERROR, "Receiver {0}: delivery {1} ({2}) failed and may be retried: {3}: {4}", rr.key(),
                    parsed.deliveryId(), parsed.eventName(), e.getClass().getSimpleName(), e.getMessage());
            return HookResponse.of(503, "the delivery could not be applied now; retry it");
        }
    }

    private HookResponse apply(ResolvedReceiver rr, ParsedDelivery parsed, Delivery delivery) {
        Instant receivedAt = delivery.receivedAt();
        Receiver receiver = rr.receiver();
        List<ResourceSetInputProvider> targets = new ArrayList<>();
        for (ResourceSetInputProvider p : definitions.providers(receiver.namespace())) {
            if (Receivers.selects(receiver, p)) {
                targets.add(p);
            }
        }
        if (parsed.event() instanceof GenericEvent) {
            events.reconcileRequested(targets.stream().map(p -> new ReconcileRequested(
                    ResourceSetInputProvider.KIND, p.namespace(), p.name(), false, "Receiver " + rr.key())).toList());
            LOG.log(Level.INFO, "Receiver {0}: reconcile requested for {1}", rr.key(),
                    targets.stream().map(ResourceSetInputProvider::name).toList());
            return new HookResponse(202, "reconcile requested", Map.of("providers", targets.size()));
        }
        Ordering ordering = new Ordering(eventTime(parsed.event(), receivedAt), sequence(parsed, delivery));
        boolean opening = parsed.event() instanceof ChangeRequestEvent cr && cr.opens();
        Map<Applied, Integer> counts = new EnumMap<>(Applied.class);
        List<String> notes = new ArrayList<>();
        List<ResourceSetInputProvider> changed = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<String> polling = new ArrayList<>();
        for (ResourceSetInputProvider p : targets) {
            Optional<String> closed = ProviderGate.closed(p, receivedAt);
            if (closed.isPresent()) {
                held.add(p.name());
                notes.add(p.name() + ": " + closed.get());
                continue;
            }
            ProviderPlan plan;
            try {
                plan = ChangeMapper.plan(rr.type(), p, parsed.event());
            } catch (InvalidObjectException e) {
                notes.add(e.getMessage());
                continue;
            }
            notes.addAll(plan.notes().stream().map(n -> p.name() + ": " + n).toList());
            boolean reconcile = false;
            boolean uncertain = false;
            for (InputChange c : plan.changes()) {
                Applied a = writer.apply(p, c, ordering, opening);
                // The answer counts it as a change; its doubt shows as the poll it asks for.
                counts.merge(a == Applied.CHANGED_AT_LIMIT ? Applied.CHANGED : a, 1, Integer::sum);
                reconcile |= a.needsReconcile();
                uncertain |= a.uncertain();
            }
            if (reconcile) {
                changed.add(p);
            }
            if (uncertain && polls.request(p, receivedAt)) {
                polling.add(p.name());
            }
        }
        List<InputsChanged> published = new ArrayList<>();
        if (!changed.isEmpty()) {
            AffectedResourceSets.of(definitions.resourceSets(receiver.namespace()), changed).forEach((rset, providers) ->
                    published.add(new InputsChanged(receiver.namespace(), rset, providers, rr.key(),
                            parsed.deliveryId())));
            events.inputsChanged(published);
        }
        LOG.log(Level.INFO, "Receiver {0}: {1} delivery {2}: {3}; InputsChanged for {4}; notes: {5}", rr.key(),
                parsed.eventName(), parsed.deliveryId(), counts, published.stream().map(InputsChanged::resourceSet)
                        .toList(), notes);
        Map<String, Integer> writes = new LinkedHashMap<>();
        counts.forEach((k, v) -> writes.put(k.name().toLowerCase(Locale.ROOT), v));
        Invocation.annotate("inputs", writes);
        Invocation.annotate("resourceSets", published.stream().map(InputsChanged::resourceSet).toList());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("providers", targets.size());
        details.put("inputs", writes);
        details.put("resourceSets", published.size());
        if (!held.isEmpty()) {
            // Providers outside their delivery window or suspended: their inputs were left as they were.
            details.put("unchanged", held.size());
        }
        if (!polling.isEmpty()) {
            // The delivery was older than what is stored: the forge's own answer settles it.
            details.put("pollRequested", polling.size());
        }
        return new HookResponse(200, "processed " + parsed.eventName(), details);
    }

    /**
     * Breaks ties between deliveries with the same event time (forges give whole seconds): a
     * change request's closing ranks after anything that leaves it open, so an "opened" and a
     * "closed" of the same second end closed; other ties fall to the body's digest (random as far
     * as ranking goes; the poll a refused delivery asks for settles them). The digest, which the
     * signature covers, rather than the unsigned delivery id: the same body is the same write.
     */
    private static String sequence(ParsedDelivery parsed, Delivery delivery) {
        boolean closes = parsed.event() instanceof ChangeRequestEvent cr && cr.state() == ChangeState.CLOSED;
        return (closes ? "2/" : "1/") + Sha256.hex(delivery.body());
    }

    private static Instant eventTime(ForgeEvent e, Instant receivedAt) {
        if (e instanceof ChangeRequestEvent cr) {
            return cr.eventTime();
        }
        if (e instanceof RefEvent ref) {
            return ref.eventTime();
        }
        return receivedAt;
    }
}
