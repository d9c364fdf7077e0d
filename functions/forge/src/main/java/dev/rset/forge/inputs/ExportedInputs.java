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
 * (id = Adler-32 of the name). {@code defaultValues} go under the exported fields.
 */
public final class ExportedInputs {
    private ExportedInputs() {
    }

    public static String changeRequestId(long number) {
        return Long.toString(number);
    }

    public static Map<String, Object> changeRequest(Map<String, Object> defaults, ChangeRequestEvent e) {
        Map<String, Object> m = new LinkedHashMap<>(defaults);
        m.put("id", changeRequestId(e.number()));
        m.put("sha", e.sha());
        m.put("branch", e.branch());
        putIfSet(m, "author", e.author());
        putIfSet(m, "title", e.title());
        if (!e.labels().isEmpty()) {
            m.put("labels", List.copyOf(e.labels()));
        }
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
        m.put(nameKey, name);
        m.put("sha", sha);
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }
}
