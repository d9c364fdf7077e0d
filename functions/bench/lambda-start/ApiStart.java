import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * The management API function: {@code ApiStart N} applies one ResourceSet (YAML, as {@code rset
 * apply} sends it) through {@code POST /v1/apply}: parse, admission, a conditional write, the
 * reconcile announcement on the bus.
 */
public final class ApiStart {
    static final String HANDLER = "dev.rset.api.ApiHandler";

    public static void main(String[] args) throws Exception {
        boolean paths = args[0].equals("paths");
        int run = Integer.parseInt(args[paths ? 1 : 0]);
        @SuppressWarnings("unchecked")
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> h = Start.handler(HANDLER, RequestHandler.class);
        APIGatewayV2HTTPResponse r = h.handleRequest(apply(Start.resourceSet("api-" + run, "apps")),
                Start.context("api"));
        Start.require(r.getStatusCode() == 200, "api answered " + r.getStatusCode() + " " + r.getBody());
        Start.report("api", r.getStatusCode() + " (" + r.getBody().length() + " bytes)");
        if (paths) {
            // The connectivity probe reaches the cluster through fabric8 from this jar.
            r = h.handleRequest(request("POST", "/v1/clusters/bench/check", ""), Start.context("api"));
            Start.require(r.getStatusCode() == 200 && r.getBody().replace(" ", "").contains("\"reason\":\"Connected\""),
                    "cluster check answered " + r.getStatusCode() + " " + r.getBody());
            r = h.handleRequest(request("GET", "/v1/namespaces/apps/resourcesets", null), Start.context("api"));
            Start.require(r.getStatusCode() == 200, "list answered " + r.getStatusCode() + " " + r.getBody());
            System.out.println("api paths ok: cluster check, list");
        }
    }

    static APIGatewayV2HTTPEvent apply(String yaml) {
        return request("POST", "/v1/apply", yaml);
    }

    static APIGatewayV2HTTPEvent request(String method, String path, String body) {
        return APIGatewayV2HTTPEvent.builder().withRawPath(path).withRouteKey("ANY /v1/{proxy+}")
                .withHeaders(Map.of("content-type", "application/yaml")).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                                .withPath(path).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withIam(APIGatewayV2HTTPEvent.RequestContext.IAM.builder()
                                        .withUserArn("arn:aws:iam::123456789012:user/bench").build()).build())
                        .build())
                .build();
    }
}
