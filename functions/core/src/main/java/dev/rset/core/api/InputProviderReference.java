package dev.rset.core.api;

/**
 * An entry of {@code spec.inputsFrom}: a provider chosen by name or by label selector in the
 * ResourceSet's namespace.
 */
public record InputProviderReference(String apiVersion, String kind, String name, LabelSelector selector) {
    static InputProviderReference read(Fields f) {
        Fields sel = f.object("selector");
        String kind = f.string("kind");
        InputProviderReference ref = new InputProviderReference(f.string("apiVersion"),
                kind.isEmpty() ? ResourceSetInputProvider.KIND : kind, f.string("name"),
                sel == null ? null : LabelSelector.read(sel));
        if (ref.name.isEmpty() && ref.selector == null) {
            throw f.error("name", "one of name or selector must be set");
        }
        if (!ref.kind.equals(ResourceSetInputProvider.KIND)) {
            throw f.error("kind", "unsupported value \"" + ref.kind + "\", must be "
                    + ResourceSetInputProvider.KIND);
        }
        return ref;
    }
}
