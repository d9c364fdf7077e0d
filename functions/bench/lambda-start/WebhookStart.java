import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook function: {@code WebhookStart N} answers one signed GitHub pull_request delivery
 * (opened, number N) to the Receiver {@link Setup} made; {@code WebhookStart paths N} also walks
 * the paths one delivery does not take (redelivery, close, bad signature) on the same jar.
 */
public final class WebhookStart {
    static final String HANDLER = "dev.rset.webhook.WebhookHandler";
    static final String TOKEN = "bench-token";
    static final String REPO = "https://github.com/acme/app";

    public static void main(String[] args) throws Exception {
        boolean paths = args[0].equals("paths");
        int run = Integer.parseInt(args[paths ? 1 : 0]);
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> h = Start.handler(HANDLER, RequestHandler.class);
        UUID id = UUID.randomUUID();
        APIGatewayV2HTTPResponse r = h.handleRequest(delivery("opened", run, id, TOKEN), Start.context("webhook"));
        Start.require(r.getStatusCode() == 200, "webhook answered " + r.getStatusCode() + " " + r.getBody());
        Start.report("webhook", r.getStatusCode() + " " + r.getBody());
        if (paths) {
            r = h.handleRequest(delivery("opened", run, id, TOKEN), Start.context("webhook"));
            Start.require(r.getStatusCode() == 200, "redelivery answered " + r.getStatusCode() + " " + r.getBody());
            r = h.handleRequest(delivery("closed", run, UUID.randomUUID(), TOKEN), Start.context("webhook"));
            Start.require(r.getStatusCode() == 200, "close answered " + r.getStatusCode() + " " + r.getBody());
            r = h.handleRequest(delivery("opened", run, UUID.randomUUID(), "wrong"), Start.context("webhook"));
            Start.require(r.getStatusCode() >= 400 && r.getStatusCode() < 500,
                    "a bad signature must be refused with 4xx, got " + r.getStatusCode());
            System.out.println("webhook paths ok: redelivery, close, bad signature " + r.getStatusCode());
        }
    }

    /** Flux's Receiver path: hex SHA-256 of token + name + namespace. */
    static String digest() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((TOKEN + "github" + "hooks").getBytes(StandardCharsets.UTF_8)));
    }

    static APIGatewayV2HTTPEvent delivery(String action, int run, UUID id, String signingKey) throws Exception {
        String state = action.equals("closed") ? "closed" : "open";
        String body = """
                {"action":"%s","number":%d,"pull_request":{"number":%d,"state":"%s","title":"cold %d",
                 "html_url":"%s/pull/%d","updated_at":"2026-11-27T10:00:%02dZ","user":{"login":"bench"},"labels":[],
                 "head":{"sha":"%s","ref":"cold-%d"}},"repository":{"html_url":"%s"}}"""
                .formatted(action, run, run, state, run, REPO, run, state.equals("open") ? 0 : 30,
                        String.format("%08x%032x", run, System.nanoTime()), run, REPO);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String sig = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        String digest = digest();
        return APIGatewayV2HTTPEvent.builder().withRawPath("/hook/" + digest).withRouteKey("POST /hook/{digest}")
                .withPathParameters(Map.of("digest", digest))
                .withHeaders(Map.of("content-type", "application/json", "x-github-event", "pull_request",
                        "x-github-delivery", id.toString(), "x-hub-signature-256", sig))
                .withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath("/hook/" + digest).build()).build())
                .build();
    }
}
