package dev.rset.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.rset.ops.Fields;
import dev.rset.ops.Invocation;
import dev.rset.ops.SnapStart;
import dev.rset.ops.Metrics;
import dev.rset.ops.Telemetry;
import java.time.Clock;
import java.util.Map;

/**
 * The Lambda entry point for {@code POST /hook/{digest}} (API Gateway HTTP API, payload v2).
 * Thin: turn the event into a {@link HookRequest}, let {@link WebhookService} decide, answer.
 */
public final class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /**
     * Built once per container so that warm invocations reuse clients and the receiver index; primed
     * when Lambda initialises the function for a SnapStart snapshot ({@link Priming}).
     */
    private static final class Default {
        static final WebhookService SERVICE = init(System.getenv());

        private static WebhookService init(Map<String, String> env) {
            Telemetry.forLambda(env);
            WebhookService service = Wiring.fromEnv(env);
            if (SnapStart.initialisingSnapshot(env)) {
                Priming.run(Clock.systemUTC().instant());
            }
            return service;
        }
    }

    /** The {@code Function} dimension of the metrics and the {@code function} field of the log lines. */
    public static final String FUNCTION = "webhook";
    private static final System.Logger LOG = System.getLogger(WebhookHandler.class.getName());

    private final WebhookService service;
    private final Clock clock;

    public WebhookHandler() {
        this(Default.SERVICE, Clock.systemUTC());
    }

    public WebhookHandler(WebhookService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        HookResponse r;
        try (Invocation inv = Invocation.start(FUNCTION, context == null ? null : context.getAwsRequestId())) {
            r = service.handle(ApiGatewayRequests.of(event, clock.instant()));
            answered(inv, r.status());
        }
        return APIGatewayV2HTTPResponse.builder().withStatusCode(r.status())
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(r.body()).build();
    }

    /**
     * The delivery's one line (with the receiver, delivery id and forge event the service noted)
     * and its metrics. Never the path: it is the receiver's bearer secret.
     */
    private static void answered(Invocation inv, int status) {
        long ms = inv.elapsedMillis();
        String outcome = status >= 500 ? "failed" : status >= 400 ? "rejected" : "processed";
        Metrics.count("WebhookDeliveries");
        Metrics.count("WebhookRejections", status >= 400 && status < 500 ? 1 : 0);
        Metrics.count("WebhookFailures", status >= 500 ? 1 : 0);
        Metrics.milliseconds("WebhookDuration", ms);
        LOG.log(status >= 500 ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                "delivery answered {0} in {1} ms", status, ms, Fields.event("delivery").withAll(inv.annotations())
                        .with("status", status).outcome(outcome).durationMs(ms));
    }
}
