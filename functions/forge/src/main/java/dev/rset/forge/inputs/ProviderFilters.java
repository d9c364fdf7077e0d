package dev.rset.forge.inputs;

import dev.rset.core.api.InvalidObjectException;
import dev.rset.core.api.ProviderFilter;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.regex.GoRegexp;
import dev.rset.core.regex.RegexSyntaxException;
import java.util.List;

/**
 * A provider's {@code spec.filter} and {@code spec.skip} ready to apply to one event. Regexes
 * match anywhere in the name, like Go's {@code MatchString}; {@code labels} must all be present;
 * a skip label (or {@code !label}, while absent) keeps the previous input as it is.
 */
final class ProviderFilters {
    private final GoRegexp includeBranch;
    private final GoRegexp excludeBranch;
    private final GoRegexp includeTag;
    private final GoRegexp excludeTag;
    private final GoRegexp includeEnvironment;
    private final GoRegexp excludeEnvironment;
    private final List<String> labels;
    private final List<String> skipLabels;
    private final String semver;

    private ProviderFilters(ResourceSetInputProvider p) {
        ProviderFilter f = p.spec().filter();
        includeBranch = compile(p, "includeBranch", f.includeBranch());
        excludeBranch = compile(p, "excludeBranch", f.excludeBranch());
        includeTag = compile(p, "includeTag", f.includeTag());
        excludeTag = compile(p, "excludeTag", f.excludeTag());
        includeEnvironment = compile(p, "includeEnvironment", f.includeEnvironment());
        excludeEnvironment = compile(p, "excludeEnvironment", f.excludeEnvironment());
        labels = f.labels();
        skipLabels = p.spec().skipLabels();
        semver = f.semver();
    }

    /** Throws {@link InvalidObjectException} naming the provider and field when a regex does not compile. */
    static ProviderFilters of(ResourceSetInputProvider p) {
        return new ProviderFilters(p);
    }

    private static GoRegexp compile(ResourceSetInputProvider p, String field, String regex) {
        if (regex.isEmpty()) {
            return null;
        }
        try {
            return GoRegexp.compile(regex);
        } catch (RegexSyntaxException e) {
            throw new InvalidObjectException(ResourceSetInputProvider.KIND + " " + p.namespace() + "/" + p.name()
                    + ": spec.filter." + field + ": " + e.getMessage());
        }
    }

    private static boolean passes(GoRegexp include, GoRegexp exclude, String name) {
        return (include == null || include.matches(name)) && (exclude == null || !exclude.matches(name));
    }

    boolean branchPasses(String branch) {
        return passes(includeBranch, excludeBranch, branch);
    }

    boolean environmentPasses(String environment) {
        return passes(includeEnvironment, excludeEnvironment, environment);
    }

    /** Include/exclude tag regexes, then the semver range when one is set. */
    boolean tagPasses(String tag) {
        return passes(includeTag, excludeTag, tag) && (semver.isEmpty() || TagVersions.satisfies(tag, semver));
    }

    boolean hasSemver() {
        return !semver.isEmpty();
    }

    /** The first filter label missing from {@code present}, or null when all are there. */
    String missingLabel(List<String> present) {
        for (String l : labels) {
            if (!present.contains(l)) {
                return l;
            }
        }
        return null;
    }

    /** The skip rule that holds for {@code present}, or null when none does. */
    String skipRule(List<String> present) {
        for (String rule : skipLabels) {
            boolean skip = rule.startsWith("!") ? !present.contains(rule.substring(1)) : present.contains(rule);
            if (skip) {
                return rule;
            }
        }
        return null;
    }
}
