package dev.rset.forge.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.rset.forge.providers.http.ForgeHttp;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The requests a forge stub received, in order, as {@code METHOD url body} lines with canonical JSON bodies. */
final class Exchanges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    static ForgeHttp http(String service) {
        return new ForgeHttp(HttpClient.newHttpClient(), Clock.systemUTC(), service, Duration.ofSeconds(20));
    }

    /** The requests since the last call, oldest first; the log is reset. */
    static List<String> take(WireMockExtension server) {
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<String> out = new ArrayList<>();
        for (ServeEvent e : events) {
            String body = e.getRequest().getBodyAsString();
            out.add(e.getRequest().getMethod().value() + " " + e.getRequest().getUrl()
                    + (body.isEmpty() ? "" : " " + canonical(body)));
        }
        server.resetRequests();
        return out;
    }

    static String canonical(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (IOException e) {
            return json;
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertRequests(WireMockExtension server, String... expected) {
        assertEquals(List.of(expected), take(server));
    }

    /** A policy with short templates, so request bodies can be written out in full. */
    static NotificationPolicy policy(Forge forge) {
        return NotificationPolicy.from(Map.of(NotificationPolicy.FORGE, forge.wire(),
                NotificationPolicy.COMMENT_TEMPLATE, "{{status}} on {{#clusters}}{{name}} {{/clusters}}for {{input.title}}"
                        + "{{#failure}}: {{reason}}{{/failure}}{{#removed}}: environment removed{{/removed}}",
                NotificationPolicy.DESCRIPTION_TEMPLATE, "{{status}}{{#failure}}: {{reason}}{{/failure}}"))
                .orElseThrow();
    }

    static final String SHA1 = "1111111111111111111111111111111111111111";
    static final String SHA2 = "2222222222222222222222222222222222222222";

    static Notice notice(Notice.Phase phase, String sha, String reason) {
        return new Notice("apps", "preview", phase, reason, new Notice.Input("12", sha, "feat", "Add login", "ann"),
                List.of(new Notice.ClusterState("eu-1", phase == Notice.Phase.SUCCESS ? "ready" : "pending", "", 3)),
                List.of(new Notice.ObjectRef("ConfigMap", "apps", "app-12")), List.of());
    }
}
