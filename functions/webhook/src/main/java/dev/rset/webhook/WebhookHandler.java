package dev.rset.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
            WebhookService service = Wiring.fromEnv(env);
            if (Priming.wanted(env)) {
                Priming.run(Clock.systemUTC().instant());
            }
            return service;
        }
    }

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
        HookResponse r = service.handle(ApiGatewayRequests.of(event, clock.instant()));
        return APIGatewayV2HTTPResponse.builder().withStatusCode(r.status())
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(r.body()).build();
    }
}
