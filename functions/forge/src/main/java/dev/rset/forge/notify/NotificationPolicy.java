package dev.rset.forge.notify;

import java.util.Map;
import java.util.Optional;

/**
 * A ResourceSet's pull request notification policy, read from its annotations (stored and
 * versioned with the ResourceSet itself):
 * <pre>
 * notify.rset.dev/forge: github | gitlab | gitea | azuredevops   (required; turns notifications on)
 * notify.rset.dev/secretRef: &lt;secret name&gt;                       (the token, through the secret store)
 * notify.rset.dev/commitStatus: "true" | "false"                 (default true)
 * notify.rset.dev/comment: "true" | "false"                      (default true)
 * notify.rset.dev/commentTemplate: &lt;Mustache&gt;                    (default {@link Messages#DEFAULT_COMMENT})
 * notify.rset.dev/descriptionTemplate: &lt;Mustache&gt;                (default {@link Messages#DEFAULT_DESCRIPTION})
 * </pre>
 */
public record NotificationPolicy(Forge forge, String secretRef, boolean commitStatus, boolean comment,
        String commentTemplate, String descriptionTemplate) {
    public static final String PREFIX = "notify.rset.dev/";
    public static final String FORGE = PREFIX + "forge";
    public static final String SECRET_REF = PREFIX + "secretRef";
    public static final String COMMIT_STATUS = PREFIX + "commitStatus";
    public static final String COMMENT = PREFIX + "comment";
    public static final String COMMENT_TEMPLATE = PREFIX + "commentTemplate";
    public static final String DESCRIPTION_TEMPLATE = PREFIX + "descriptionTemplate";
    /** Templates are short; this keeps a runaway one out of every status item and request. */
    public static final int MAX_TEMPLATE = 16 * 1024;

    /**
     * The policy the annotations give, empty without {@value #FORGE}; throws
     * {@link IllegalArgumentException} naming the annotation that is wrong.
     */
    public static Optional<NotificationPolicy> from(Map<String, String> annotations) {
        Map<String, String> a = annotations == null ? Map.of() : annotations;
        for (String key : a.keySet()) {
            if (key.startsWith(PREFIX) && !java.util.List.of(FORGE, SECRET_REF, COMMIT_STATUS, COMMENT,
                    COMMENT_TEMPLATE, DESCRIPTION_TEMPLATE).contains(key)) {
                throw new IllegalArgumentException(field(key) + ": unknown notification setting (known: forge, "
                        + "secretRef, commitStatus, comment, commentTemplate, descriptionTemplate)");
            }
        }
        String forgeName = a.get(FORGE);
        if (forgeName == null) {
            return Optional.empty();
        }
        Forge forge = Forge.byWire(forgeName.trim()).orElseThrow(() -> new IllegalArgumentException(field(FORGE)
                + ": unsupported forge \"" + forgeName + "\" (one of " + Forge.names() + "; Forgejo is gitea)"));
        String secretRef = a.getOrDefault(SECRET_REF, "").trim();
        if (!secretRef.isEmpty() && !secretRef.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")) {
            throw new IllegalArgumentException(field(SECRET_REF) + ": \"" + secretRef
                    + "\" is not a secret name (a DNS subdomain)");
        }
        String comment = template(a, COMMENT_TEMPLATE, Messages.DEFAULT_COMMENT);
        String description = template(a, DESCRIPTION_TEMPLATE, Messages.DEFAULT_DESCRIPTION);
        return Optional.of(new NotificationPolicy(forge, secretRef, bool(a, COMMIT_STATUS), bool(a, COMMENT),
                comment, description));
    }

    private static boolean bool(Map<String, String> a, String key) {
        String v = a.getOrDefault(key, "true").trim();
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException(field(key) + ": must be \"true\" or \"false\", got \"" + v + "\"");
        }
        return v.equals("true");
    }

    private static String template(Map<String, String> a, String key, String fallback) {
        String t = a.get(key);
        if (t == null || t.isBlank()) {
            return fallback;
        }
        if (t.length() > MAX_TEMPLATE) {
            throw new IllegalArgumentException(field(key) + ": longer than " + MAX_TEMPLATE + " characters");
        }
        Messages.check(t, field(key));
        return t;
    }

    static String field(String key) {
        return "metadata.annotations[" + key + "]";
    }
}
