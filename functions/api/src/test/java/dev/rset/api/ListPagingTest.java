package dev.rset.api;

import dev.rset.store.testing.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.rset.api.ApiHandlerTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Issue #11 item 9: lists come in pages ({@code limit}, {@code continue}), as Kubernetes lists do. */
@ExtendWith(MotoServer.class)
class ListPagingTest {
    TestApi api;

    @BeforeEach
    void setUp(MotoServer moto) {
        api = new TestApi(moto);
        StringBuilder docs = new StringBuilder();
        for (String ns : List.of("a", "b")) {
            for (int i = 1; i <= 4; i++) {
                docs.append(AllOrNothingTest.RECEIVER.replace("name: github, namespace: apps",
                        "name: r" + i + ", namespace: " + ns + ", labels: {odd: \"" + (i % 2 == 1) + "\"}"))
                        .append("---\n");
            }
        }
        assertEquals(200, api.apply(docs.toString()).getStatusCode());
    }

    List<String> all(String path, Map<String, String> query, int limit, List<Integer> pageSizes) {
        List<String> names = new ArrayList<>();
        Map<String, String> q = new HashMap<>(query);
        q.put("limit", Integer.toString(limit));
        while (true) {
            Map<String, Object> page = ApiHandlerTest.json(api.call("GET", path, q));
            List<Map<String, Object>> items = at(page, "items");
            pageSizes.add(items.size());
            items.forEach(i -> names.add(at(i, "metadata", "namespace") + "/" + at(i, "metadata", "name")));
            String next = at(page, "metadata", "continue");
            if (next == null) {
                return names;
            }
            q.put("continue", next);
        }
    }

    @Test
    void pagesFollowContinueUntilTheLastAndSelectorsFillPages() {
        List<Integer> sizes = new ArrayList<>();
        assertEquals(List.of("a/r1", "a/r2", "a/r3", "a/r4", "b/r1", "b/r2", "b/r3", "b/r4"),
                all("/v1/receivers", Map.of(), 3, sizes));
        assertEquals(List.of(3, 3, 2), sizes);
        sizes.clear();
        assertEquals(List.of("b/r1", "b/r3"), all("/v1/namespaces/b/receivers", Map.of("labelSelector", "odd=true"), 1,
                sizes));
        assertEquals(List.of(1, 1), sizes, "the last page is known to be last");
        Map<String, Object> whole = api.get("/v1/receivers");
        assertEquals(8, ((List<?>) whole.get("items")).size());
        assertNull(at(whole, "metadata", "continue"));
    }

    @Test
    void tokensAndLimitsFromElsewhereAre400() {
        String token = at(ApiHandlerTest.json(api.call("GET", "/v1/namespaces/a/receivers", Map.of("limit", "1"))),
                "metadata", "continue");
        TestApi.assertFailure(api.call("GET", "/v1/namespaces/b/receivers", Map.of("continue", token)), 400,
                "continue: not a token of this list");
        TestApi.assertFailure(api.call("GET", "/v1/receivers", Map.of("continue", "not-base64!")), 400,
                "continue: not a token of this list");
        TestApi.assertFailure(api.call("GET", "/v1/receivers", Map.of("limit", "0")), 400,
                "limit: must be between 1 and 500, got 0");
        TestApi.assertFailure(api.call("GET", "/v1/receivers", Map.of("limit", "x")), 400, "limit: \"x\" is not a number");
    }
}
