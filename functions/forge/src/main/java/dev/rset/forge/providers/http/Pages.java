package dev.rset.forge.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Walks a paged listing from its first page, at most {@value #MAX_PAGES} pages, and stops early
 * once {@code limit} items passed the caller's filter (what a provider exports is capped anyway).
 */
public final class Pages {
    public static final int MAX_PAGES = 1000;

    /** Reads one page's items. */
    @FunctionalInterface
    public interface Reader<T> {
        List<T> items(JsonNode page) throws HttpFailure;
    }

    /** The next page after an answer (its headers and parsed body), or null on the last one. */
    @FunctionalInterface
    public interface Next {
        URI after(Response page, JsonNode body);
    }

    private Pages() {
    }

    public static <T> List<T> collect(ForgeHttp http, URI first, Map<String, String> headers, Reader<T> reader,
            Next next, Predicate<? super T> passes, int limit) throws HttpFailure {
        List<T> out = new ArrayList<>();
        int passing = 0;
        URI uri = first;
        for (int page = 1; uri != null; page++) {
            if (page > MAX_PAGES) {
                throw HttpFailure.failed("listing " + first + " has more than " + MAX_PAGES + " pages");
            }
            Response r = http.get(uri, headers);
            JsonNode body = http.json(r);
            for (T item : reader.items(body)) {
                out.add(item);
                if (passes.test(item) && ++passing >= limit) {
                    return out;
                }
            }
            uri = next.after(r, body);
        }
        return out;
    }

    /** Pagination by {@code Link: <…>; rel="next"}. */
    public static Next byLink() {
        return (r, body) -> LinkHeader.next(r.headers(), r.uri());
    }

    /** The JSON array at the top of a page (or under {@code field} when not empty). */
    public static List<JsonNode> array(JsonNode page, String field, String what) throws HttpFailure {
        JsonNode a = field.isEmpty() ? page : page.path(field);
        if (!a.isArray()) {
            throw HttpFailure.failed(what + ": expected a JSON array" + (field.isEmpty() ? "" : " in \"" + field + "\""));
        }
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        return out;
    }
}
