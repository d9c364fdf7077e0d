package dev.rset.forge.inputs;

import dev.rset.core.api.ResourceSetInputProvider;
import java.util.Comparator;
import java.util.Map;
import org.semver4j.Semver;

/**
 * The order in which a full poll lists a provider's inputs, which decides what {@code limit} keeps:
 * change requests newest (highest number) first, branches by name, tags newest version first with
 * a semver filter and reverse-lexically without. The webhook's admission and the poller share it.
 */
final class InputOrder {
    private InputOrder() {
    }

    /** Orders entries of input id to exported values. */
    static Comparator<Map.Entry<String, Map<String, Object>>> of(ResourceSetInputProvider p) {
        return switch (p.spec().type().export()) {
            case CHANGE_REQUEST -> Comparator.comparingLong(
                    (Map.Entry<String, Map<String, Object>> e) -> number(e.getKey())).reversed();
            case BRANCH -> Comparator.comparing(e -> text(e.getValue(), "branch"));
            case TAG, OCI_TAG -> Comparator.comparing(e -> text(e.getValue(), "tag"), tags(p));
            default -> Comparator.comparing(Map.Entry::getKey);
        };
    }

    /** Tag names, first kept first. */
    static Comparator<String> tags(ResourceSetInputProvider p) {
        return p.spec().filter().semver().isEmpty() ? Comparator.<String>reverseOrder() : InputOrder::newestVersionFirst;
    }

    private static int newestVersionFirst(String a, String b) {
        Semver va = TagVersions.version(a);
        Semver vb = TagVersions.version(b);
        if (va == null || vb == null) {
            return va == null ? (vb == null ? b.compareTo(a) : 1) : -1;
        }
        int c = vb.compareTo(va);
        return c != 0 ? c : b.compareTo(a);
    }

    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    private static String text(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null ? "" : v.toString();
    }
}
