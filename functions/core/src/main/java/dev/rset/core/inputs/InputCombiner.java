package dev.rset.core.inputs;

import dev.rset.core.api.InputStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the input sets of a ResourceSet's sources into the list the builder renders once
 * each: Flatten concatenates them, Permute takes their Cartesian product. Every input set gets
 * {@code provider} naming its source. Sources must come in the order the Flux Operator uses:
 * the ResourceSet first, then providers by {@link ProviderRef#ORDER}.
 */
public final class InputCombiner {
    public static final int MAX_PERMUTATIONS = 10_000;

    private InputCombiner() {
    }

    public static List<Map<String, Object>> combine(InputStrategy strategy, boolean includeEmptyProviders,
            List<InputSource> sources) {
        return switch (strategy) {
            case FLATTEN -> flatten(sources);
            case PERMUTE -> permute(includeEmptyProviders, sources);
        };
    }

    private static List<Map<String, Object>> flatten(List<InputSource> sources) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (InputSource s : sources) {
            for (Map<String, Object> set : s.inputs()) {
                out.add(withProvider(set, s.ref()));
            }
        }
        return out;
    }

    private static List<Map<String, Object>> permute(boolean includeEmpty, List<InputSource> sources) {
        List<String> names = new ArrayList<>();
        List<List<Map<String, Object>>> scoped = new ArrayList<>();
        long expected = 0;
        for (InputSource s : sources) {
            List<Map<String, Object>> inputs = s.inputs();
            if (!includeEmpty && inputs.isEmpty()) {
                continue;
            }
            expected = scoped.isEmpty() ? inputs.size() : expected * inputs.size();
            if (expected > MAX_PERMUTATIONS) {
                throw new InputsException(failedFrom(s.ref()) + "adding provider '" + s.ref().name() + "' with "
                        + inputs.size() + " inputs would exceed the maximum allowed permutations. max: "
                        + MAX_PERMUTATIONS + ", got: " + expected);
            }
            String name = SourceNames.normalize(s.ref().name());
            if (name.isEmpty()) {
                throw new InputsException(failedFrom(s.ref()) + "normalized provider name is empty: '"
                        + s.ref().name() + "'");
            }
            List<Map<String, Object>> sets = new ArrayList<>(inputs.size());
            for (Map<String, Object> set : inputs) {
                sets.add(withProvider(set, s.ref()));
            }
            names.add(name);
            scoped.add(sets);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (!scoped.isEmpty()) {
            collect(names, scoped, new int[scoped.size()], 0, out);
        }
        return out;
    }

    private static void collect(List<String> names, List<List<Map<String, Object>>> scoped, int[] chosen,
            int depth, List<Map<String, Object>> out) {
        if (depth == scoped.size()) {
            Map<String, Object> perm = new LinkedHashMap<>();
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < chosen.length; i++) {
                perm.put(names.get(i), scoped.get(i).get(chosen[i]));
                if (i > 0) {
                    id.append('/');
                }
                id.append(names.get(i)).append('=').append(chosen[i]);
            }
            perm.put("id", InputIds.of(id.toString()));
            out.add(perm);
            return;
        }
        for (int i = 0; i < scoped.get(depth).size(); i++) {
            chosen[depth] = i;
            collect(names, scoped, chosen, depth + 1, out);
        }
    }

    private static Map<String, Object> withProvider(Map<String, Object> set, ProviderRef ref) {
        Map<String, Object> copy = new LinkedHashMap<>(set);
        copy.put("provider", ref.toInput());
        return copy;
    }

    private static String failedFrom(ProviderRef ref) {
        return "failed to get inputs from " + ref.kind() + "/" + ref.name() + ": ";
    }
}
