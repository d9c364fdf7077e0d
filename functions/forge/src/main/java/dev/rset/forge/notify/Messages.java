package dev.rset.forge.notify;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Renders notification bodies with Mustache. A template sees (names as written in templates):
 * <ul>
 * <li>{@code resourceSet.namespace}, {@code resourceSet.name}, {@code context} ({@code rset/<ns>/<name>})</li>
 * <li>{@code status} ({@code pending}, {@code success}, {@code failure}, {@code removed}) and one
 *     boolean per status for sections: {@code {{#failure}}…{{/failure}}}</li>
 * <li>{@code reason}: why it failed, empty otherwise</li>
 * <li>{@code input.id}, {@code input.sha}, {@code input.shortSha}, {@code input.branch},
 *     {@code input.title}, {@code input.author}</li>
 * <li>{@code clusters} (each {@code name}, {@code status}: ready|pending|failed, {@code reason},
 *     {@code inventory}), {@code clusterCount}</li>
 * <li>{@code objects} (each {@code kind}, {@code namespace}, {@code name}), {@code objectCount},
 *     {@code inventory.total} (objects in the inventories of all placed clusters)</li>
 * <li>{@code urls} (each {@code name}, {@code url}), {@code hasUrls}</li>
 * </ul>
 * In comments every text value except URLs and the SHA is escaped with {@link Markdown#escape},
 * triple braces included (values are escaped before the template runs); commit status
 * descriptions are plain text and get the raw values. A missing name is an error, found when the
 * policy is applied. The comment always starts with the hidden marker, whatever the template.
 */
public final class Messages {
    public static final String DEFAULT_COMMENT = """
            {{#pending}}### :hourglass: Preview environment deploying{{/pending}}\
            {{#success}}### :white_check_mark: Preview environment ready{{/success}}\
            {{#failure}}### :x: Preview environment failed{{/failure}}\
            {{#removed}}### :wastebasket: Preview environment removed{{/removed}}

            ResourceSet **{{resourceSet.namespace}}/{{resourceSet.name}}**, commit {{input.shortSha}} \
            of {{input.branch}}: {{input.title}} (by {{input.author}})
            {{#failure}}

            > {{reason}}
            {{/failure}}
            {{#removed}}

            The change request was closed: its environment was removed from every cluster.
            {{/removed}}
            {{^removed}}

            | Cluster | Status | Objects |
            |---|---|---|
            {{#clusters}}
            | {{name}} | {{status}} | {{inventory}} |
            {{/clusters}}
            {{#hasUrls}}

            {{#urls}}
            - [{{name}}]({{url}})
            {{/urls}}
            {{/hasUrls}}

            {{objectCount}} objects: {{#objects}}{{kind}} {{namespace}}/{{name}}; {{/objects}}
            {{/removed}}
            """;

    public static final String DEFAULT_DESCRIPTION = "{{#pending}}Deploying to {{clusterCount}} cluster(s){{/pending}}"
            + "{{#success}}Ready on {{clusterCount}} cluster(s){{/success}}"
            + "{{#failure}}Failed: {{reason}}{{/failure}}"
            + "{{#removed}}Environment removed{{/removed}}";

    private static final Mustache.Compiler COMPILER = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true)
            .zeroIsFalse(true).strictSections(false);

    private Messages() {
    }

    /** The hidden marker the comment is found again by. */
    public static String marker(String namespace, String name) {
        return "<!-- rset:" + namespace + "/" + name + " -->";
    }

    /** The comment body: the marker, then the template rendered with Markdown-escaped values. */
    public static String comment(Notice n, String template) {
        return marker(n.namespace(), n.name()) + "\n" + render(template, context(n, Markdown::escape), "comment");
    }

    /** The commit status description: plain text, raw values, one line. */
    public static String description(Notice n, String template) {
        return render(template, context(n, UnaryOperator.identity()), "description").replaceAll("\\s+", " ").trim();
    }

    /**
     * Checks a user template against a sample of every status: throws {@link IllegalArgumentException}
     * naming {@code field} and the problem (a syntax error, a name the context does not have).
     */
    public static void check(String template, String field) {
        for (Notice.Phase p : Notice.Phase.values()) {
            Notice sample = new Notice("ns", "name", p, "reason", new Notice.Input("1", "0123456789abcdef", "branch",
                    "title", "author"), List.of(new Notice.ClusterState("c", "ready", "", 1)),
                    List.of(new Notice.ObjectRef("ConfigMap", "ns", "name")), List.of(new Notice.Link("n", "https://x")));
            render(template, context(sample, UnaryOperator.identity()), field);
        }
    }

    private static String render(String template, Map<String, Object> context, String field) {
        Template t;
        try {
            t = COMPILER.compile(template);
            return t.execute(context);
        } catch (MustacheException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    static Map<String, Object> context(Notice n, UnaryOperator<String> esc) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("resourceSet", Map.of("namespace", esc.apply(n.namespace()), "name", esc.apply(n.name())));
        c.put("context", esc.apply(n.context()));
        c.put("status", n.phase().wire());
        for (Notice.Phase p : Notice.Phase.values()) {
            c.put(p.wire(), p == n.phase());
        }
        c.put("reason", esc.apply(n.reason()));
        Notice.Input in = n.input();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", esc.apply(in.id()));
        input.put("sha", in.sha());
        input.put("shortSha", in.sha().length() > 7 ? in.sha().substring(0, 7) : in.sha());
        input.put("branch", esc.apply(in.branch()));
        input.put("title", esc.apply(in.title()));
        input.put("author", esc.apply(in.author()));
        c.put("input", input);
        List<Map<String, Object>> clusters = new ArrayList<>();
        long total = 0;
        for (Notice.ClusterState s : n.clusters()) {
            clusters.add(Map.of("name", esc.apply(s.name()), "status", s.status(), "reason", esc.apply(s.reason()),
                    "inventory", s.inventory()));
            total += s.inventory();
        }
        c.put("clusters", clusters);
        c.put("clusterCount", clusters.size());
        c.put("inventory", Map.of("total", total));
        c.put("objects", n.objects().stream().map(o -> Map.of("kind", esc.apply(o.kind()), "namespace",
                esc.apply(o.namespace()), "name", esc.apply(o.name()))).toList());
        c.put("objectCount", n.objects().size());
        List<Map<String, Object>> urls = new ArrayList<>();
        for (Notice.Link l : n.urls()) {
            String safe = Markdown.url(l.url());
            if (!safe.isEmpty()) {
                urls.add(Map.of("name", esc.apply(l.name()), "url", safe));
            }
        }
        c.put("urls", urls);
        c.put("hasUrls", !urls.isEmpty());
        return c;
    }
}
