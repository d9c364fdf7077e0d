package dev.rset.core.inputs;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The identity of an input source, exposed to templates as {@code inputs.provider}. */
public record ProviderRef(String apiVersion, String kind, String name, String namespace) {
    /** Providers are combined in this order (after the ResourceSet itself), as the Flux Operator does. */
    public static final Comparator<ProviderRef> ORDER = Comparator.comparing(ProviderRef::group)
            .thenComparing(ProviderRef::version).thenComparing(ProviderRef::kind)
            .thenComparing(ProviderRef::namespace).thenComparing(ProviderRef::name);

    public Map<String, Object> toInput() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", apiVersion);
        m.put("kind", kind);
        m.put("name", name);
        m.put("namespace", namespace);
        return m;
    }

    private String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private String version() {
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }
}
