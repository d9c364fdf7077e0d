package dev.rset.forge.inputs;

import dev.rset.core.inputs.InputIds;
import dev.rset.forge.event.ChangeRequestEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input sets providers export, shaped as the Flux Operator shapes them: change requests
 * {@code id, sha, branch, author, title, labels} (id = the number; author, title and labels left
 * out when empty, as Flux does), branches {@code id, branch, sha} and tags {@code id, tag, sha}
 * (id = Adler-32 of the name), GitLab environments {@code id, sha, branch, author, title, slug} and
 * OCI tags {@code id, tag, digest}. {@code defaultValues} go under the exported fields. Titles,
 * authors and ref names are exported {@linkplain InputText#clean cleaned}, whether a webhook or a
 * poll read them; ids are computed from the names as the forge gave them.
 */
public final class ExportedInputs {
    private ExportedInputs() {
    }

    public static String changeRequestId(long number) {
        return Long.toString(number);
    }

    public static Map<String, Object> changeRequest(Map<String, Object> defaults, ChangeRequestEvent e) {
        return changeRequest(defaults, new Listed.ChangeRequest(e.number(), e.sha(), e.branch(), e.author(), e.title(),
                e.labels()));
    }

    public static Map<String, Object> changeRequest(Map<String, Object> defaults, Listed.ChangeRequest r) {
        Map<String, Object> m = new LinkedHashMap<>(defaults);
        m.put("id", changeRequestId(r.number()));
        m.put("sha", r.sha());
        m.put("branch", InputText.clean(r.branch()));
        putIfSet(m, "author", InputText.clean(r.author()));
        putIfSet(m, "title", InputText.clean(r.title()));
        if (!r.labels().isEmpty()) {
            m.put("labels", List.copyOf(r.labels()));
        }
        return m;
    }

    /** GitLab environments: {@code id} is the environment's number, {@code title} its name. */
    public static Map<String, Object> environment(Map<String, Object> defaults, Listed.Environment e) {
        Map<String, Object> m = new LinkedHashMap<>(defaults);
        m.put("id", Long.toString(e.id()));
        m.put("sha", e.sha());
        putIfSet(m, "branch", InputText.clean(e.branch()));
        putIfSet(m, "author", InputText.clean(e.author()));
        putIfSet(m, "title", InputText.clean(e.name()));
        putIfSet(m, "slug", e.slug());
        return m;
    }

    /** OCI artifact tags: {@code id, tag, digest} (digest as {@code sha256:<hex>}). */
    public static Map<String, Object> ociTag(Map<String, Object> defaults, Listed.OciTag t) {
        Map<String, Object> m = new LinkedHashMap<>(defaults);
        m.put("id", InputIds.of(t.tag()));
        m.put("tag", t.tag());
        m.put("digest", t.digest());
        return m;
    }

    public static Map<String, Object> branch(Map<String, Object> defaults, String branch, String sha) {
        return ref(defaults, "branch", branch, sha);
    }

    public static Map<String, Object> tag(Map<String, Object> defaults, String tag, String sha) {
        return ref(defaults, "tag", tag, sha);
    }

    /** Branches and tags differ only in the key that holds the name. */
    private static Map<String, Object> ref(Map<String, Object> defaults, String nameKey, String name, String sha) {
        Map<String, Object> m = new LinkedHashMap<>(defaults);
        m.put("id", InputIds.of(name));
        m.put(nameKey, InputText.clean(name));
        m.put("sha", sha);
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }
}
