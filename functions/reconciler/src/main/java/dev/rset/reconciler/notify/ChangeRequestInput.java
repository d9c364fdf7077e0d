package dev.rset.reconciler.notify;

import dev.rset.core.api.ProviderType;
import dev.rset.core.api.ResourceSetInputProvider;
import dev.rset.forge.notify.Notice;

import java.util.Map;
import java.util.function.Function;

/**
 * An input set that came from a change-request provider (a pull or merge request), with that
 * provider. Only flattened input sets are recognised: a permutation mixes several sources and
 * belongs to no single change request.
 */
record ChangeRequestInput(ResourceSetInputProvider provider, Notice.Input input) {
    /** The change request of {@code values}, or null when they are not one's. */
    static ChangeRequestInput of(Map<String, Object> values, Function<String, ResourceSetInputProvider> providers) {
        if (!(values.get("provider") instanceof Map<?, ?> ref) || !"ResourceSetInputProvider".equals(ref.get("kind"))) {
            return null;
        }
        ResourceSetInputProvider p = providers.apply(String.valueOf(ref.get("name")));
        if (p == null || p.spec().type().export() != ProviderType.Export.CHANGE_REQUEST) {
            return null;
        }
        String sha = text(values, "sha");
        if (!sha.matches("[0-9a-fA-F]{7,64}")) {
            return null;
        }
        return new ChangeRequestInput(p, new Notice.Input(text(values, "id"), sha, text(values, "branch"),
                text(values, "title"), text(values, "author")));
    }

    /** How the log names it: {@code <provider>/<id>}. */
    String key() {
        return provider.name() + "/" + input.id();
    }

    private static String text(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null ? "" : String.valueOf(v);
    }
}
