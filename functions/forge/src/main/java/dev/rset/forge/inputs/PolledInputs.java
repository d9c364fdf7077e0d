package dev.rset.forge.inputs;

import dev.rset.core.api.ProviderType;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.core.inputs.InputResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A full poll's answer turned into exported inputs with the same filters, skip rules, order and
 * {@code limit} the webhook path applies ({@link ProviderFilters}, {@link InputOrder}): listers
 * pass what the API listed, in the API's order, and get the provider's exported inputs back.
 * Throws {@link dev.rset.core.api.InvalidObjectException} when a filter is invalid.
 */
public final class PolledInputs {
    private PolledInputs() {
    }

    /** The provider's filters as a test of listed items; listers stop paging at {@code limit} that pass. */
    public static Predicate<Listed> filter(ResourceSetInputProvider p) {
        ProviderFilters f = ProviderFilters.of(p);
        boolean tags = p.spec().type().export() == ProviderType.Export.TAG;
        // CodeCommit pull requests have no labels; the Flux Operator applies only the branch filter to them.
        boolean labelled = p.spec().type() != ProviderType.AWS_CODECOMMIT_PULL_REQUEST;
        return item -> {
            if (item instanceof Listed.ChangeRequest r) {
                return f.branchPasses(r.branch()) && (!labelled || f.missingLabel(r.labels()) == null);
            }
            if (item instanceof Listed.Ref r) {
                return tags ? f.tagPasses(r.name()) : f.branchPasses(r.name());
            }
            if (item instanceof Listed.Environment e) {
                return f.environmentPasses(e.name());
            }
            return f.tagPasses(((Listed.OciTag) item).tag());
        };
    }

    /**
     * Open change requests, first {@code limit} that pass; one matching a skip rule keeps its
     * previous exported input, or is left out when it had none (as the Flux Operator does).
     */
    public static List<Map<String, Object>> changeRequests(ResourceSetInputProvider p,
            List<Listed.ChangeRequest> listed, List<Map<String, Object>> previous) {
        ProviderFilters f = ProviderFilters.of(p);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Listed.ChangeRequest r : firstPassing(p, listed)) {
            if (f.skipRule(r.labels()) == null) {
                out.add(ExportedInputs.changeRequest(p.spec().defaultValues(), r));
                continue;
            }
            String id = ExportedInputs.changeRequestId(r.number());
            previous.stream().filter(m -> id.equals(String.valueOf(m.get("id")))).findFirst()
                    .ifPresent(kept -> out.add(new LinkedHashMap<>(kept)));
        }
        return out;
    }

    public static List<Map<String, Object>> branches(ResourceSetInputProvider p, List<Listed.Ref> listed) {
        return firstPassing(p, listed).stream()
                .map(r -> ExportedInputs.branch(p.spec().defaultValues(), r.name(), r.sha())).toList();
    }

    /** Tag names that pass, newest version first with a semver range, else reverse-lexically; then {@code limit}. */
    public static List<String> tagNames(ResourceSetInputProvider p, List<String> names) {
        ProviderFilters f = ProviderFilters.of(p);
        List<String> passing = new ArrayList<>(new LinkedHashSet<>(names));
        passing.removeIf(n -> !f.tagPasses(n));
        passing.sort(InputOrder.tags(p));
        return List.copyOf(passing.subList(0, Math.min(passing.size(), p.spec().filter().limit())));
    }

    public static List<Map<String, Object>> tags(ResourceSetInputProvider p, List<Listed.Ref> listed) {
        Map<String, String> shaByName = new LinkedHashMap<>();
        listed.forEach(r -> shaByName.putIfAbsent(r.name(), r.sha()));
        return tagNames(p, List.copyOf(shaByName.keySet())).stream()
                .map(t -> ExportedInputs.tag(p.spec().defaultValues(), t, shaByName.get(t))).toList();
    }

    public static List<Map<String, Object>> environments(ResourceSetInputProvider p, List<Listed.Environment> listed) {
        return firstPassing(p, listed).stream().map(e -> ExportedInputs.environment(p.spec().defaultValues(), e))
                .toList();
    }

    /** OCI tags already chosen with {@link #tagNames}, with their digests. */
    public static List<Map<String, Object>> ociTags(ResourceSetInputProvider p, List<Listed.OciTag> chosen) {
        return chosen.stream().map(t -> ExportedInputs.ociTag(p.spec().defaultValues(), t)).toList();
    }

    /** ExternalService inputs (ids already checked), first {@code limit}, defaults merged under them. */
    public static List<Map<String, Object>> external(ResourceSetInputProvider p, List<Map<String, Object>> inputs) {
        return inputs.stream().limit(p.spec().filter().limit()).map(in -> {
            Map<String, Object> m = new LinkedHashMap<>(p.spec().defaultValues());
            m.putAll(in);
            return m;
        }).toList();
    }

    /** A Static provider's one input: its default values and the Adler-32 of its UID as {@code id}. */
    public static List<Map<String, Object>> staticInputs(ResourceSetInputProvider p) {
        return List.of(InputResolver.staticInputs(p, p.metadata().uid()));
    }

    private static <T extends Listed> List<T> firstPassing(ResourceSetInputProvider p, List<T> listed) {
        int limit = p.spec().filter().limit();
        Predicate<Listed> passes = filter(p);
        List<T> out = new ArrayList<>();
        for (T item : listed) {
            if (out.size() == limit) {
                break;
            }
            if (passes.test(item)) {
                out.add(item);
            }
        }
        return out;
    }
}
