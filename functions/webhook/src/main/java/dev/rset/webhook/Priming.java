package dev.rset.webhook;

import dev.rset.core.Sha256;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.forge.event.ChangeRequestEvent;
import dev.rset.forge.event.EventLimits;
import dev.rset.forge.event.EventParser;
import dev.rset.forge.event.ParsedDelivery;
import dev.rset.forge.hook.Delivery;
import dev.rset.forge.hook.ReceiverType;
import dev.rset.forge.hook.Verifier;
import dev.rset.webhook.delivery.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SnapStart priming: when Lambda initialises the function to snapshot it
 * ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}), one made-up GitHub pull_request delivery goes
 * through the I/O-free part of the hot path (API Gateway event → request, media type, HMAC
 * verification, JSON parsing, limits, the body digest, the response), so every function restored
 * from the snapshot starts with those classes loaded and initialised. No backend is called: a
 * connection or a read made before the snapshot would be restored stale in every copy. Nothing of
 * the delivery stays behind; its signing key is a constant that signs nothing real. On an ordinary
 * cold start priming would only add work before the first delivery, so it does not run then.
 */
final class Priming {
    private static final String KEY = "priming";
    private static final String BODY = """
            {"action":"synchronize","number":1,"pull_request":{"number":1,"state":"open","title":"priming",
             "html_url":"https://github.com/priming/priming/pull/1","updated_at":"2026-01-01T00:00:00Z",
             "user":{"login":"priming"},"labels":[{"name":"priming"}],
             "head":{"sha":"0000000000000000000000000000000000000000","ref":"priming"}},
             "repository":{"html_url":"https://github.com/priming/priming"}}""";

    private Priming() {
    }


    /** Runs the delivery's I/O-free steps; throws if one of them refuses it (a change broke priming). */
    static ChangeRequestEvent run(Instant now) {
        HookRequest req = ApiGatewayRequests.of(event(), now);
        MediaTypes.check(ReceiverType.GITHUB, req.headers().mediaType());
        Delivery delivery = new Delivery(req.headers(), req.body().bytes(), req.receivedAt());
        Verifier.verify(ReceiverType.GITHUB, KEY, delivery);
        ParsedDelivery parsed = EventParser.parse(ReceiverType.GITHUB, MediaTypes.json(ReceiverType.GITHUB, delivery));
        EventLimits.check(parsed);
        Sha256.hex(delivery.body());
        HookResponse r = HookResponse.of(200, "primed");
        APIGatewayV2HTTPResponse.builder().withStatusCode(r.status()).withHeaders(Map.of("Content-Type",
                "application/json")).withBody(r.body()).build();
        if (!(parsed.event() instanceof ChangeRequestEvent cr)) {
            throw new IllegalStateException("priming: the sample delivery parsed as " + parsed.event());
        }
        return cr;
    }

    private static APIGatewayV2HTTPEvent event() {
        String digest = "0".repeat(64);
        return APIGatewayV2HTTPEvent.builder().withRawPath("/hook/" + digest)
                .withPathParameters(Map.of("digest", digest))
                .withHeaders(Map.of("content-type", "application/json", "x-github-event", "pull_request",
                        "x-github-delivery", "00000000-0000-0000-0000-000000000000",
                        "x-hub-signature-256", "sha256=" + hmac(BODY)))
                .withBody(BODY).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build()).build())
                .build();
    }

    private static String hmac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
