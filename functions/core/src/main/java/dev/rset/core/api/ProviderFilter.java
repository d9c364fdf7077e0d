package dev.rset.core.api;

import dev.rset.core.regex.GoRegexp;
import dev.rset.core.regex.RegexSyntaxException;
import java.util.List;

/** {@code spec.filter} of a ResourceSetInputProvider. Regex fields are kept as written, once
 * Go's {@code regexp.Compile} would accept them. */
public record ProviderFilter(int limit, List<String> labels, String includeBranch, String excludeBranch,
        String includeTag, String excludeTag, String includeEnvironment, String excludeEnvironment,
        String semver) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;
    public static final ProviderFilter DEFAULT = new ProviderFilter(DEFAULT_LIMIT, List.of(), "", "", "", "", "", "",
            "");

    public ProviderFilter {
        labels = List.copyOf(labels);
    }

    static ProviderFilter read(Fields f) {
        int limit = DEFAULT_LIMIT;
        Object l = f.raw().get("limit");
        if (l != null) {
            if (!(l instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw f.error("limit", "expected an integer, got " + Fields.describe(l));
            }
            limit = n.intValue();
            if (limit < 1 || limit > MAX_LIMIT) {
                throw f.error("limit", "must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
        }
        return new ProviderFilter(limit, f.stringList("labels"), regex(f, "includeBranch"), regex(f, "excludeBranch"),
                regex(f, "includeTag"), regex(f, "excludeTag"), regex(f, "includeEnvironment"),
                regex(f, "excludeEnvironment"), f.string("semver"));
    }

    /** A regex field, checked here so a pattern Go rejects is refused when the provider is applied. */
    private static String regex(Fields f, String field) {
        String expr = f.string(field);
        if (!expr.isEmpty()) {
            try {
                GoRegexp.compile(expr);
            } catch (RegexSyntaxException e) {
                throw f.error(field, e.getMessage());
            }
        }
        return expr;
    }
}
